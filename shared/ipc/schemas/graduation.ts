import { z } from 'zod';
import type { GraduationRule } from '../../domain/graduation/rules';
import { id, text } from './common';
import { JobId } from './jobs';

/** 毕业资格审核 (issue 16): the batch audit, its results, one student's checks, overrides, 毕业要求 per plan. */

export const GRADUATION_OUTCOMES = ['毕业', '结业', '延长学习年限'] as const;
export const Outcome = z.enum(GRADUATION_OUTCOMES, { error: '请选择结论（毕业、结业或延长学习年限）' });

const cohortYear = z.number({ error: '请选择年级' }).int('年级应为四位年份').min(1990, '年级应为四位年份').max(2100, '年级应为四位年份');

export const CohortSelection = z.object({
  cohortYear,
  majorId: id.optional(),
  classId: id.optional(),
});

export const RunAuditInput = CohortSelection.extend({ jobId: JobId.optional() });
export const RunAuditOutput = z.object({
  audited: z.number().int(),
  graduated: z.number().int(),
  completed: z.number().int(),
  extended: z.number().int(),
});

export const ResultsInput = CohortSelection.extend({ outcome: Outcome.optional() });

/** The cohort's students who left (退学, 开除学籍), apart from the audit: 肄业证书 or 学习证明 and why. */
export const LeaversInput = CohortSelection;
export const LeaverRow = z.object({
  studentId: z.number().int(),
  studentNo: z.string().nullable(),
  idNumber: z.string(),
  name: z.string(),
  className: z.string().nullable(),
  /** 'withdrawn' | 'expelled' and its name 退学 / 开除学籍. */
  status: z.string(),
  statusName: z.string(),
  /** The proof kind the rule gives ('incomplete' 肄业证书, 'studyRecord' 学习证明); null when it cannot decide. */
  document: z.enum(['incomplete', 'studyRecord']).nullable(),
  title: z.string().nullable(),
  /** "入学 2023-09-01，退学 2024-12-10，学满一学年以上", or what is missing. */
  reason: z.string(),
});
export const LeaversOutput = z.object({ rows: z.array(LeaverRow) });

export const OverrideInfo = z.object({ outcome: Outcome, reason: z.string(), by: z.string(), at: z.string() });
export const ResultRowSchema = z.object({
  studentId: z.number().int(),
  studentNo: z.string().nullable(),
  idNumber: z.string(),
  name: z.string(),
  className: z.string().nullable(),
  /** What counts: the override when set, else the rules' outcome. */
  outcome: Outcome,
  /** What the rules gave. */
  ruleOutcome: Outcome,
  deficiencies: z.array(z.string()),
  override: OverrideInfo.nullable(),
  auditedBy: z.string(),
  auditedAt: z.string(),
});
export const ResultsOutput = z.object({
  rows: z.array(ResultRowSchema),
  counts: z.object({ 毕业: z.number().int(), 结业: z.number().int(), 延长学习年限: z.number().int() }),
});

const Counted = z.object({ code: z.string(), name: z.string(), credits: z.string(), countedCredits: z.string() });
const LeftOut = z.object({ code: z.string(), name: z.string(), credits: z.string(), why: z.string() });
export interface CheckResultShape {
  kind: string;
  label: string;
  passed: boolean;
  required: string | null;
  actual: string | null;
  counted: z.infer<typeof Counted>[];
  leftOut: z.infer<typeof LeftOut>[];
  line: string | null;
  children?: CheckResultShape[] | undefined;
}
export const CheckResultSchema: z.ZodType<CheckResultShape> = z.lazy(() =>
  z.object({
    kind: z.string(),
    label: z.string(),
    passed: z.boolean(),
    required: z.string().nullable(),
    actual: z.string().nullable(),
    counted: z.array(Counted),
    leftOut: z.array(LeftOut),
    line: z.string().nullable(),
    children: z.array(CheckResultSchema).optional(),
  }),
);

export const DetailInput = z.object({ studentId: id });
export const DetailOutput = z.object({
  row: ResultRowSchema,
  checks: z.array(CheckResultSchema),
  /** Where the rules came from: "毕业要求第 2 版" or the derived text "未设置毕业要求，按培养方案：…". */
  rulesSource: z.string(),
  planName: z.string().nullable(),
});

export const OverrideInput = z.object({
  studentId: id,
  outcome: Outcome,
  reason: text('调整原因', 500),
});

// ---------------------------------------------------------------------------
// 毕业要求 (rule tree) per plan version

const credit = z.union([z.number().nonnegative(), z.string().trim().min(1, '请填写学分')]);
export const GraduationRuleSchema: z.ZodType<GraduationRule> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('totalCredits'), label: z.string().optional(), min: credit, caps: z.array(z.object({ module: z.string(), max: credit })).optional() }),
    z.object({ kind: z.literal('moduleCredits'), module: z.string(), label: z.string().optional(), min: credit }),
    z.object({ kind: z.literal('requiredCourses'), label: z.string().optional(), courses: z.array(z.object({ code: z.string(), name: z.string() })) }),
    z.object({ kind: z.literal('noVoidGrade'), label: z.string().optional() }),
    z.object({ kind: z.literal('fitness'), label: z.string().optional(), min: z.number({ error: '体质健康测试最低分应为数字' }) }),
    z.object({ kind: z.literal('certificate'), label: z.string(), anyOf: z.array(z.string()) }),
    z.object({ kind: z.literal('withinMaxYears'), label: z.string().optional() }),
    z.object({ kind: z.literal('group'), label: z.string(), need: z.enum(['all', 'any']), rules: z.array(GraduationRuleSchema) }),
  ]),
) as z.ZodType<GraduationRule>;

export const RulesInput = z.object({ planId: id });
export const RulesView = z.object({
  planId: z.number().int(),
  planName: z.string(),
  /** Saved rule set version; null when the plan has none and the derived rules apply. */
  version: z.number().int().nullable(),
  savedBy: z.string().nullable(),
  savedAt: z.string().nullable(),
  rules: z.array(GraduationRuleSchema),
  lines: z.array(z.string()),
  /** "未设置毕业要求，按培养方案：…" (always given, so the editor can say what a reset would mean). */
  derivedText: z.string(),
  courses: z.array(z.object({ code: z.string(), name: z.string(), module: z.string(), nature: z.string(), credits: z.string() })),
});
export const SaveRulesInput = z.object({ planId: id, rules: z.array(GraduationRuleSchema).min(1, '毕业要求不能为空') });

export const ExportAuditInput = CohortSelection.extend({ jobId: JobId.optional() });
export const ExportAuditOutput = z.object({ jobId: z.string(), fileName: z.string(), rows: z.number().int(), failedCourses: z.number().int() });
