import { findEthnicity, findPoliticalStatus, isStudentStatusCode } from './codes';
import { validateIdNumber } from './idcard';
import { fieldLabel, type StudentFieldKey } from './student-fields';

/**
 * Cross-field rules every saved student must pass, whether it comes from the form, an import or
 * the CLI. Pure: the caller supplies "today" and does the database checks (duplicates) itself.
 */
export interface StudentRuleInput {
  name: string;
  gender: string;
  birthDate: string;
  idNumber: string;
  ethnicityCode?: string | null;
  politicalStatusCode?: string | null;
  status?: string | null;
  enrolmentDate?: string | null;
  expectedGraduationDate?: string | null;
}

export interface RuleIssue {
  field: StudentFieldKey;
  code: string;
  message: string;
}

export function checkStudentRules(s: StudentRuleInput, asOf: Date, opts: { allowLegacy15?: boolean } = {}): { issues: RuleIssue[]; idNumber: string } {
  const issues: RuleIssue[] = [];
  const id = validateIdNumber(s.idNumber, { asOf, allowLegacy15: opts.allowLegacy15 ?? false });
  let idNumber = s.idNumber;
  if (!id.ok) {
    issues.push({ field: 'idNumber', code: `ID_${id.code}`, message: id.message });
  } else {
    idNumber = id.id;
    if (s.birthDate && s.birthDate !== id.birthDate) {
      issues.push({
        field: 'birthDate',
        code: 'BIRTH_MISMATCH',
        message: `${fieldLabel('birthDate')} ${s.birthDate} 与身份证号中的出生日期 ${id.birthDate} 不一致`,
      });
    }
    if (s.gender && s.gender !== id.gender) {
      issues.push({
        field: 'gender',
        code: 'GENDER_MISMATCH',
        message: `${fieldLabel('gender')}“${s.gender === '1' ? '男' : '女'}”与身份证号第 17 位所示性别“${id.gender === '1' ? '男' : '女'}”不一致`,
      });
    }
  }
  if (s.ethnicityCode && !findEthnicity(s.ethnicityCode)) {
    issues.push({ field: 'ethnicityCode', code: 'ETHNICITY_UNKNOWN', message: `民族代码“${s.ethnicityCode}”不在 GB 3304 代码表中` });
  }
  if (s.politicalStatusCode && !findPoliticalStatus(s.politicalStatusCode)) {
    issues.push({ field: 'politicalStatusCode', code: 'POLITICAL_UNKNOWN', message: `政治面貌代码“${s.politicalStatusCode}”不在 GB/T 4762 代码表中` });
  }
  if (s.status && !isStudentStatusCode(s.status)) {
    issues.push({ field: 'status', code: 'STATUS_UNKNOWN', message: `学籍状态“${s.status}”无效` });
  }
  if (s.enrolmentDate && s.expectedGraduationDate && s.expectedGraduationDate <= s.enrolmentDate) {
    issues.push({ field: 'expectedGraduationDate', code: 'DATE_ORDER', message: '预计毕业日期应晚于入学日期' });
  }
  return { issues, idNumber };
}

/** Name and ID number identify a person; changing both at once would amount to a different person (DOMAIN §5). */
export function checkKeyChangeRequest(fields: StudentFieldKey[]): string | null {
  if (fields.length === 0) return '请至少填写一项要变更的内容';
  if (fields.includes('name') && fields.includes('idNumber')) return '姓名和身份证号不能在同一申请中同时变更，请分两次申请';
  return null;
}
