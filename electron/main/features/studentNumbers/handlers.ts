/** 学号编排: the rule (saved with the department's data) and numbering students by it. */
import { diffFields, type AuditEntry } from '../../../../db/queries/audit';
import { getStudentNoRule, putStudentNoRule } from '../../../../db/queries/student-numbers';
import { describePart, STUDENT_NO_ORDER_LABELS, type StudentNoRule } from '../../../../shared/domain/student-no';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';
import { assignNumbers, planNumbers } from './assign';

type Audit = Omit<AuditEntry, 'userId' | 'username'>;

const ruleText = (r: StudentNoRule) => `${r.parts.map(describePart).join(' + ')}；${STUDENT_NO_ORDER_LABELS[r.order]}`;

export const studentNumbersHandlers: FeatureHandlers<'studentNumbers'> = {
  'studentNumbers.rule': (_input, ctx) => getStudentNoRule(ctx.db()),

  'studentNumbers.saveRule': (rule, ctx) =>
    ctx.write((db) => {
      const before = getStudentNoRule(db);
      putStudentNoRule(db, rule);
      const changes = diffFields({ rule: ruleText(before) }, { rule: ruleText(rule) }, ['rule']);
      return { value: rule, audit: changes.length ? [{ action: 'studentNumbers.saveRule', entity: 'settings', entityId: null, summary: `修改学号规则：${ruleText(rule)}`, changes }] : [] };
    }),

  'studentNumbers.assign': ({ ids, cohortYear, rule: given, dryRun }, ctx) => {
    const scope = { ids, cohortYear };
    if (dryRun) {
      const rule = given ?? getStudentNoRule(ctx.db());
      return { ...planNumbers(ctx.db(), scope, rule), dryRun };
    }
    // Writing always uses the saved rule: what was numbered can be traced to a rule in the audit trail.
    if (given && JSON.stringify(given) !== JSON.stringify(getStudentNoRule(ctx.db()))) {
      throw new AppError('VALIDATION', '学号规则已修改但尚未保存，请先保存规则再编排学号。', 'rule');
    }
    const now = new Date(ctx.core.now()).toISOString();
    const result = ctx.write((db) => {
      const audit: Audit[] = [];
      const r = assignNumbers(db, scope, getStudentNoRule(db), now, '学号编排', (a) => audit.push(a));
      return { value: r, audit };
    });
    return { ...result, dryRun };
  },
};
