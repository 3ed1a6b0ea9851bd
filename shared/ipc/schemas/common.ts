import { z } from 'zod';
import { ROLES } from '../../domain/permissions';
import '../zod-locale';

/** Trimmed non-empty text with a Chinese message naming the field. */
export const text = (label: string, max = 200) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字符`);

export const optionalText = (label: string, max = 200) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字符`).optional();

export const username = z
  .string({ error: '请填写用户名' })
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(32, '用户名不能超过 32 个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符');

/** Password strength is a domain rule checked in the service; here only size bounds. */
export const password = z.string({ error: '请填写密码' }).min(1, '请填写密码').max(200, '密码过长');

export const role = z.enum(ROLES, { error: '角色无效' });
export const id = z.number().int().positive();
export const isoDateTime = z.string();

export const page = z.object({
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(500).default(50),
});
