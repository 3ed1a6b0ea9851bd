import { z } from 'zod';

/** 数据范围 of one user: their classes and grades; both empty = the whole department. */
export const UserScope = z.object({
  userId: z.number().int().positive(),
  classIds: z.array(z.number().int().positive()).max(500),
  cohortYears: z.array(z.number().int().min(1990, '年级应在 1990 至 2100 之间').max(2100, '年级应在 1990 至 2100 之间')).max(50),
});
export type UserScope = z.infer<typeof UserScope>;
