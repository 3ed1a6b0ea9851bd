import { format, parseISO } from 'date-fns';
import { studentStatusName } from './codes';

/**
 * 在读证明 and 学籍证明: what each says about a student, as pure functions of the record, so the
 * wording is tested without a PDF. 在读证明 certifies that the student is studying now, so it is
 * only issued while the status is 在籍在校; 学籍证明 states the current status, whatever it is.
 */
export const PROOF_KINDS = {
  enrolment: { title: '在读证明', prefix: 'ZD' },
  status: { title: '学籍证明', prefix: 'XJ' },
} as const;
export type ProofKind = keyof typeof PROOF_KINDS;
export const PROOF_KIND_KEYS = Object.keys(PROOF_KINDS) as [ProofKind, ...ProofKind[]];

/** What a proof states: the school (settings), the student's record, their class and major. */
export interface ProofFacts {
  schoolName: string;
  departmentName: string;
  name: string;
  gender: string;
  birthDate: string;
  idNumber: string;
  studentNo: string | null;
  majorName: string | null;
  level: string | null;
  lengthYears: string | null;
  studyForm: string | null;
  className: string | null;
  cohortYear: number | null;
  enrolmentDate: string | null;
  status: string;
  /** When the current status took effect (the last status change to it), if recorded. */
  statusSince: string | null;
  expectedGraduationDate: string | null;
}

export interface ProofText {
  title: string;
  /** 编号：ZD2026-0001 */
  numberLine: string;
  paragraphs: string[];
  /** Who issues it, one line each: the school, then the department. */
  issuer: string[];
  /** The date of issue, as written under the issuer. */
  date: string;
}

const day = (iso: string) => format(parseISO(iso), 'yyyy年M月d日');
const month = (iso: string) => format(parseISO(iso), 'yyyy年M月');
const genderName = (g: string) => (g === '1' ? '男' : g === '2' ? '女' : g);
const statusLabel = (code: string) => studentStatusName(code) ?? code;

/** 学生“张三”（学号 2023010101）: how messages about this student name them. */
export function proofSubject(facts: Pick<ProofFacts, 'name' | 'studentNo'>): string {
  return `学生“${facts.name}”${facts.studentNo ? `（学号 ${facts.studentNo}）` : ''}`;
}

/** Why this proof cannot be issued for this student, in a sentence; null when it can. */
export function proofRefusal(kind: ProofKind, facts: ProofFacts): string | null {
  if (!facts.schoolName.trim()) return '尚未填写学校名称：请管理员先在“系统设置”中填写，证明上要写明开具单位。';
  if (!facts.className || !facts.majorName) return `${facts.name}尚未分班，证明要写明专业与班级：请先在档案中为其选择班级。`;
  if (kind === 'enrolment' && facts.status !== 'enrolled') {
    return `在读证明只能为在籍在校的学生开具；${facts.name}目前的学籍状态为“${statusLabel(facts.status)}”，可开具学籍证明。`;
  }
  return null;
}

/** Statuses in which the student is still expected to graduate. */
const STUDYING = new Set(['enrolled', 'suspended', 'retained']);

/** The proof's words. `issuedOn` is the local date of issue; `proofNo` its number. */
export function proofText(kind: ProofKind, facts: ProofFacts, issuedOn: Date, proofNo: string): ProofText {
  const programme = [facts.level, facts.lengthYears ? `学制${facts.lengthYears}年` : null, facts.studyForm].filter(Boolean).join('，');
  const identity =
    `兹证明${facts.name}，${genderName(facts.gender)}，${day(facts.birthDate)}出生，身份证号码${facts.idNumber}，` +
    `系我校${facts.departmentName}${facts.majorName}专业${facts.cohortYear ?? ''}级学生` +
    `${programme ? `（${programme}）` : ''}，班级${facts.className}${facts.studentNo ? `，学号${facts.studentNo}` : ''}。`;
  const entered = facts.enrolmentDate ? `该生于${day(facts.enrolmentDate)}入学，` : '该生';
  const graduation = facts.expectedGraduationDate && STUDYING.has(facts.status) ? `，预计于${month(facts.expectedGraduationDate)}毕业` : '';
  const standing =
    kind === 'enrolment'
      ? `${entered}现在我校就读，学籍状态为在籍在校${graduation}。`
      : `${entered}目前学籍状态为“${statusLabel(facts.status)}”${facts.statusSince ? `（自${day(facts.statusSince)}起）` : ''}${graduation}。`;
  return {
    title: PROOF_KINDS[kind].title,
    numberLine: `编号：${proofNo}`,
    paragraphs: [identity, standing, '特此证明。'],
    issuer: [facts.schoolName, facts.departmentName].filter((l) => l.trim() !== ''),
    date: format(issuedOn, 'yyyy年M月d日'),
  };
}

/** ZD2026-0001: the kind's prefix, the year of issue, and the kind's running number in that year. */
export function proofNumber(kind: ProofKind, year: number, serial: number): string {
  return `${proofNumberPrefix(kind, year)}${String(serial).padStart(4, '0')}`;
}
export const proofNumberPrefix = (kind: ProofKind, year: number) => `${PROOF_KINDS[kind].prefix}${year}-`;

/** 在读证明_张三_2023010101.pdf */
export function proofFileName(kind: ProofKind, facts: Pick<ProofFacts, 'name' | 'studentNo'>): string {
  return `${PROOF_KINDS[kind].title}_${facts.name}${facts.studentNo ? `_${facts.studentNo}` : ''}.pdf`;
}

/**
 * Every piece of the record the proof prints, by the field's Chinese name, for the glyph check
 * (the template's own words are checked by the tests).
 */
export function proofGlyphItems(facts: ProofFacts): { subject: string; field: string; text: string }[] {
  const subject = proofSubject(facts);
  const student: [string, string | number | null][] = [
    ['姓名', facts.name],
    ['身份证号', facts.idNumber],
    ['学号', facts.studentNo],
    ['专业', facts.majorName],
    ['层次', facts.level],
    ['学习形式', facts.studyForm],
    ['班级', facts.className],
  ];
  return [
    ...student.filter(([, v]) => v != null).map(([field, v]) => ({ subject, field, text: String(v) })),
    { subject: '系统设置', field: '学校名称', text: facts.schoolName },
    { subject: '系统设置', field: '院系名称', text: facts.departmentName },
  ];
}
