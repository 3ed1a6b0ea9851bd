import { z } from 'zod';
import { EDUCATION_LEVELS, PROGRAM_LENGTHS, STUDY_FORMS } from '../../domain/codes';
import { id, optionalText, text } from './common';

const codes = <T extends readonly { code: string }[]>(list: T, label: string) =>
  z.string().refine((v) => list.some((x) => x.code === v), `${label}无效`);

export const Major = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.string(),
  lengthYears: z.string(),
  studyForm: z.string(),
  studentCount: z.number(),
});
export type Major = z.infer<typeof Major>;

export const MajorInput = z.object({
  code: z.string({ error: '请填写专业代码' }).trim().regex(/^\d{6}[A-Z]{0,2}$/, '专业代码应为 6 位数字（本科可带 T/K/TK/H 后缀）'),
  name: text('专业名称', 50),
  level: codes(EDUCATION_LEVELS, '层次'),
  lengthYears: codes(PROGRAM_LENGTHS, '学制'),
  studyForm: codes(STUDY_FORMS, '学习形式'),
});
export const MajorUpdate = MajorInput.partial().extend({ id });

export const SchoolClass = z.object({
  id: z.number(),
  name: z.string(),
  majorId: z.number(),
  majorName: z.string(),
  cohortYear: z.number(),
  headTeacher: z.string().nullable(),
  establishedOn: z.string().nullable(),
  lengthYears: z.string(),
  classType: z.string(),
  studentCount: z.number(),
});
export type SchoolClass = z.infer<typeof SchoolClass>;

export const ClassInput = z.object({
  name: text('班级名称', 40),
  majorId: z.number({ error: '请选择专业' }).int().positive('请选择专业'),
  cohortYear: z.number({ error: '请填写年级' }).int().min(1990, '年级应为四位年份').max(2100, '年级应为四位年份'),
  headTeacher: optionalText('班主任', 20),
  establishedOn: z.string().regex(/^\d{4}-\d{2}$/, '建班年月格式应为 YYYY-MM').optional(),
  lengthYears: codes(PROGRAM_LENGTHS, '学制').optional(),
  classType: optionalText('班级类型', 20),
});
export const ClassUpdate = ClassInput.partial().extend({ id });

export const OrgTree = z.object({ majors: z.array(Major), classes: z.array(SchoolClass), cohorts: z.array(z.number()) });
