import { z } from 'zod';
import { COURSE_ASSESSMENTS, COURSE_NATURES, creditTenths, GRADE_SCALES, PLAN_TERMS } from '../../domain/grades';
import { id, text } from './common';

/** 人才培养方案: a version with its courses (electron/main/features/plans). */

const cohortYear = z.number({ error: '请填写适用年级' }).int('适用年级应为四位年份').min(1990, '适用年级应为四位年份').max(2100, '适用年级应为四位年份');

export const PlanCourseInput = z.object({
  code: text('课程代码', 30).regex(/^\S+$/, '课程代码不能含空格'),
  name: text('课程名称', 60),
  nameEn: z.string({ error: '英文名称应为文字' }).trim().max(150, '英文名称不能超过 150 个字符').default(''),
  /** Text, read exactly ('1.5'); stored as tenths. */
  credits: z.string({ error: '请填写学分' }).refine((v) => creditTenths(v) !== null, '学分应为数字，最多一位小数（如 2 或 1.5）'),
  hours: z.number({ error: '请填写学时' }).int('学时应为整数').min(0, '学时不能为负数').max(3000, '学时不能超过 3000'),
  nature: z.enum(COURSE_NATURES, { error: '课程性质应为必修、限选或任选' }),
  module: text('课程模块', 20),
  assessment: z.enum(COURSE_ASSESSMENTS, { error: '考核方式应为考试或考查' }),
  term: z.number({ error: '请填写开课学期' }).int('开课学期应为整数').min(1, `开课学期应为 1–${PLAN_TERMS}`).max(PLAN_TERMS, `开课学期应为 1–${PLAN_TERMS}`),
  scale: z.enum(GRADE_SCALES, { error: '记分方式应为百分制、五级制或两级制' }),
  countsTowardGpa: z.boolean({ error: '是否计入绩点应为是或否' }).default(true),
});

export const SavePlanInput = z.object({
  /** The version this one replaces; absent for the first version of a major and cohort. */
  supersedesId: id.optional(),
  majorId: z.number({ error: '请选择专业' }).int().positive('请选择专业'),
  cohortYear,
  name: text('方案名称', 80),
  note: z.string({ error: '说明应为文字' }).trim().max(500, '说明不能超过 500 个字符').default(''),
  courses: z.array(PlanCourseInput, { error: '课程应为列表' }).min(1, '请至少添加一门课程').max(400, '一个方案最多 400 门课程'),
});

export const ListPlansInput = z.object({
  majorId: id.optional(),
  cohortYear: cohortYear.optional(),
  /** Only versions not yet superseded (the default); false lists the history too. */
  currentOnly: z.boolean().default(true),
});

export const PlanCourse = z.object({
  id: z.number(),
  planId: z.number(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  credits: z.string(),
  hours: z.number(),
  nature: z.enum(COURSE_NATURES),
  module: z.string(),
  assessment: z.enum(COURSE_ASSESSMENTS),
  term: z.number(),
  scale: z.enum(GRADE_SCALES),
  countsTowardGpa: z.boolean(),
});
export type PlanCourse = z.infer<typeof PlanCourse>;

export const PlanSummary = z.object({
  id: z.number(),
  majorId: z.number(),
  majorName: z.string(),
  cohortYear: z.number(),
  version: z.number(),
  name: z.string(),
  note: z.string(),
  supersedesId: z.number().nullable(),
  /** The version that replaced this one; null for the current version. */
  supersededById: z.number().nullable(),
  courseCount: z.number(),
  totalCredits: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanDetail = PlanSummary.extend({ courses: z.array(PlanCourse) });
export type PlanDetail = z.infer<typeof PlanDetail>;
