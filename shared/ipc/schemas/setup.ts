import { z } from 'zod';
import { password, text, username } from './common';

export const SchoolCode = z
  .string({ error: '请填写学校代码' })
  .trim()
  .regex(/^\d{5}$/, '学校代码应为 5 位数字（国标学校代码，如 12345）');

export const SetupInput = z.object({
  schoolCode: SchoolCode,
  schoolName: text('学校名称', 60),
  departmentName: text('院系名称', 60),
  admin: z.object({
    username,
    displayName: text('姓名', 40),
    password,
  }),
});

export const SetupOutput = z.object({
  /** Shown once, formatted for printing; never stored in clear. */
  recoveryKey: z.string(),
});

export const LoadDemoInput = z.object({
  students: z.number().int().min(1, '学生人数至少为 1').max(200_000, '演示学生人数不能超过 200000'),
  seed: z.number().int().optional(),
});
export const LoadDemoOutput = z.object({ majors: z.number(), classes: z.number(), students: z.number() });
