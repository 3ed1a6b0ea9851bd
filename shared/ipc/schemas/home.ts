import { z } from 'zod';
import { KEY_CHANGE_STATUSES } from '../../domain/key-changes';

/** A change request as the home page lists it: whose, which fields, where it stands. */
export const KeyChangeBrief = z.object({
  id: z.number(),
  studentId: z.number(),
  studentNo: z.string().nullable(),
  studentName: z.string(),
  /** The changed fields by their Chinese names (姓名、身份证号). */
  fields: z.array(z.string()),
  status: z.enum(KEY_CHANGE_STATUSES),
  /** The step a pending request waits at (院系负责人审批 …). */
  stepLabel: z.string().nullable(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
});
export type KeyChangeBrief = z.infer<typeof KeyChangeBrief>;

export const HomeOverview = z.object({
  /** How far the department is set up (an empty install shows the first steps). */
  department: z.object({ majors: z.number(), classes: z.number(), students: z.number() }),
  /** Requests waiting at a step this user decides or records (never their own); null when they decide none. */
  awaitingMyDecision: z.object({ total: z.number(), first: z.array(KeyChangeBrief) }).nullable(),
  /** This user's own latest requests and how they ended; null when they may not file any. */
  myRequests: z.array(KeyChangeBrief).nullable(),
});
export type HomeOverview = z.infer<typeof HomeOverview>;
