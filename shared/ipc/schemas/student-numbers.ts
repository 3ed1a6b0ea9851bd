import { z } from 'zod';
import { ruleProblem, type StudentNoRule as Rule } from '../../domain/student-no';
import { id } from './common';

const digits = (label: string, max: number) =>
  z.number({ error: `${label}位数应为数字` }).int().min(1, `${label}至少 1 位`).max(max, `${label}不能超过 ${max} 位`);

export const StudentNoPart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('year'), digits: z.union([z.literal(2), z.literal(4)], { error: '入学年份取 2 位或 4 位' }) }),
  z.object({ kind: z.literal('majorCode'), digits: digits('专业代码', 10).optional() }),
  z.object({ kind: z.literal('classNo'), digits: digits('班号', 4) }),
  z.object({ kind: z.literal('sequence'), digits: digits('序号', 8) }),
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1, '固定文字不能为空').max(10, '固定文字不能超过 10 个字符') }),
]);

export const StudentNoRule = z
  .object({
    parts: z.array(StudentNoPart).min(1, '学号规则至少要有一部分').max(8, '学号规则最多 8 部分'),
    order: z.enum(['classPinyin', 'idNumber']),
  })
  .superRefine((rule, ctx) => {
    const problem = ruleProblem(rule as Rule);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['parts'] });
  });

/** Which students to number: a selection, a cohort, or (neither) every student without a 学号. */
export const AssignNumbersInput = z.object({
  ids: z.array(id).min(1, '请先选择学生').max(20_000).optional(),
  cohortYear: z.number().int().min(1990).max(2100).optional(),
  /** A rule not yet saved (the settings page's preview); the saved one otherwise. */
  rule: StudentNoRule.optional(),
  /** Only work out the numbers (预览); nothing is written. */
  dryRun: z.boolean().default(false),
});

const Numbered = z.object({ id: z.number(), name: z.string(), className: z.string().nullable(), studentNo: z.string() });
const Skipped = z.object({ id: z.number(), name: z.string(), className: z.string().nullable(), reason: z.string() });
export const AssignNumbersOutput = z.object({
  /** Students in the scope that had no 学号. */
  pending: z.number(),
  assigned: z.array(Numbered),
  skipped: z.array(Skipped),
  dryRun: z.boolean(),
});
