import { z } from 'zod';
import { SANCTION_LEVELS, WARNING_COLOURS } from '../../domain/warnings/types';
import { id } from './common';
import { JobId } from './jobs';

const term = z.string().regex(/^\d{4}-\d{4}-[12]$/, '学期应写作“2026-2027-1”的形式');
const scope = z.enum(['term', 'cumulative']);
const courses = z.enum(['required', 'all']);
const count = (label: string) => z.number({ error: `${label}应为整数` }).int(`${label}应为整数`).min(1, `${label}至少为 1`).max(1000);

export const WarningTriggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('failedCourses'), scope, courses, atLeast: count('不及格门数') }),
  z.object({ kind: z.literal('failedCredits'), scope, courses, atLeast: z.union([z.number().positive().max(1000), z.string().regex(/^\d{1,4}(\.\d)?$/, '学分应为数字，最多一位小数')]) }),
  z.object({ kind: z.literal('gpaBelow'), scope, below: z.string().regex(/^\d(\.\d{1,2})?$/, '绩点应为 0–5 之间的数，最多两位小数') }),
  z.object({ kind: z.literal('absenceHours'), atLeast: count('旷课学时') }),
  z.object({ kind: z.literal('sanction'), atLeast: z.enum(SANCTION_LEVELS as unknown as [string, ...string[]]) }),
]);
export const WarningRuleSetSchema = z.object({
  name: z.string().trim().min(1, '请填写规则名称').max(60),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '生效日期格式应为 YYYY-MM-DD'),
  tiers: z.array(z.object({ label: z.string().trim().min(1, '请填写预警等级名称').max(20), colour: z.enum(WARNING_COLOURS as unknown as [string, ...string[]]), triggers: z.array(WarningTriggerSchema).max(20) })).min(1, '至少要有一个预警等级').max(6),
});

export const WarningSettings = z.object({
  /** Saved versions, oldest first (the shipped preset when none is saved). */
  versions: z.array(WarningRuleSetSchema),
  /** The version in force today, by its effective date; null when none is. */
  inForce: z.string().nullable(),
  presets: z.array(WarningRuleSetSchema),
});

export const RunWarningsInput = z.object({ term, jobId: JobId.optional() });
export const WarningRunSummary = z.object({
  runId: z.number(),
  term: z.string(),
  ruleSetName: z.string(),
  evaluated: z.number(),
  excluded: z.number(),
  warned: z.number(),
  /** Compared with the latest run of an earlier term (none: every warning is new). */
  comparedWithTerm: z.string().nullable(),
  changes: z.object({ new: z.number(), raised: z.number(), lowered: z.number(), cleared: z.number(), same: z.number() }),
});

export const WarningReasonView = z.object({ tier: z.string(), text: z.string() });
export const WarningResultView = z.object({
  studentId: z.number(),
  name: z.string(),
  studentNo: z.string().nullable(),
  className: z.string().nullable(),
  tier: z.string().nullable(),
  colour: z.string().nullable(),
  previousTier: z.string().nullable(),
  change: z.enum(['new', 'raised', 'lowered', 'cleared', 'same']),
  reasons: z.array(WarningReasonView),
  /** Why a student who had a tier last term was not evaluated now (休学 …). */
  excluded: z.string().nullable(),
});
export const WarningResultsInput = z.object({ term: term.optional(), runId: id.optional() });
export const WarningResults = z.object({
  run: WarningRunSummary.extend({ runAt: z.string(), runByName: z.string(), tiers: z.array(z.object({ label: z.string(), colour: z.string() })) }).nullable(),
  rows: z.array(WarningResultView),
  /** Terms that have a run, newest first. */
  terms: z.array(z.string()),
});
export const SetAbsenceInput = z.object({ studentId: id, term, hours: z.number({ error: '旷课学时应为整数' }).int('旷课学时应为整数').min(0, '旷课学时不能为负').max(2000) });
