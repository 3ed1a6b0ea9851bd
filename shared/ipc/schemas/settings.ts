import { z } from 'zod';
import { text } from './common';
import { SchoolCode } from './setup';

export const Settings = z.object({
  schoolCode: z.string(),
  schoolName: z.string(),
  departmentName: z.string(),
  idleLockMinutes: z.number().int(),
  passwordMaxAgeDays: z.number().int(),
  importMaxRows: z.number().int(),
});
export type Settings = z.infer<typeof Settings>;

export const UpdateSettingsInput = z.object({
  schoolCode: SchoolCode.optional(),
  schoolName: text('学校名称', 60).optional(),
  departmentName: text('院系名称', 60).optional(),
  idleLockMinutes: z.number({ error: '自动锁定时间应为数字' }).int().min(1, '自动锁定时间至少 1 分钟').max(240, '自动锁定时间不能超过 240 分钟').optional(),
  passwordMaxAgeDays: z.number({ error: '密码有效期应为数字' }).int().min(30, '密码有效期至少 30 天').max(3650, '密码有效期不能超过 3650 天').optional(),
  importMaxRows: z
    .number({ error: '单次导入行数上限应为数字' })
    .int('单次导入行数上限应为整数')
    .min(1000, '单次导入行数上限至少 1000 行')
    .max(1_000_000, '单次导入行数上限不能超过 1000000 行')
    .optional(),
});
