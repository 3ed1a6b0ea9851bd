import { z } from 'zod';
import { COLUMNS, pageSizeProblem, TRANSCRIPT_LANGS } from '../../domain/transcripts';
import { id } from './common';
import { JobId } from './jobs';

const Lang = z.enum(TRANSCRIPT_LANGS as [string, ...string[]] as ['zh', 'en'], { error: '请选择成绩单的语言（中文或英文）' });

/**
 * 打印成绩单: one student, or every student now in a class (one PDF, a page break per student), in
 * Chinese or English, on A4 or the school's own paper, with the student's photo if asked for.
 */
export const PrintTranscriptsInput = z
  .object({
    studentId: id.optional(),
    classId: id.optional(),
    lang: Lang.default('zh'),
    page: z.enum(['A4', 'school'], { error: '请选择纸张（A4 或学校自定尺寸）' }).default('A4'),
    photo: z.boolean().default(false),
    jobId: JobId.optional(),
  })
  .refine((v) => (v.studentId === undefined) !== (v.classId === undefined), { error: '请选择一名学生或一个班级', path: ['studentId'] });

export const PrintTranscriptsOutput = z.object({
  jobId: z.string(),
  fileName: z.string(),
  count: z.number().int(),
  checkCodes: z.array(z.object({ studentId: z.number().int(), checkCode: z.string() })),
});

export const PreviewTranscriptInput = z.object({ studentId: id, lang: Lang.default('zh') });

const Pair = z.object({ label: z.string(), value: z.string() });
const Row = z.object(Object.fromEntries(COLUMNS.zh.map((c) => [c.key, z.string()])) as Record<(typeof COLUMNS)['zh'][number]['key'], z.ZodString>);

/** The transcript's words as the PDF prints them (shared/domain/transcripts TranscriptSheet). */
export const TranscriptSheetSchema = z.object({
  lang: Lang,
  school: z.string(),
  department: z.string(),
  title: z.string(),
  identity: z.array(Pair),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  terms: z.array(z.object({ term: z.string(), label: z.string(), rows: z.array(Row) })),
  blank: z.string(),
  totals: z.array(Pair),
  note: z.string(),
  issuer: z.array(z.string()),
  printed: z.string(),
  owner: z.string(),
});

export const PreviewTranscriptOutput = z.object({
  sheet: TranscriptSheetSchema,
  /** Why it could not be issued now (English names missing, characters the font lacks); empty when it can. */
  problems: z.array(z.string()),
  issued: z.array(z.object({ issuedAt: z.string(), issuedBy: z.string(), lang: Lang, pageName: z.string(), checkCode: z.string(), gpaText: z.string() })),
});

const mm = (label: string) => z.number({ error: `${label}应为数字（毫米）` }).positive(`${label}应大于 0`);

export const TranscriptSettingsSchema = z.object({
  schoolPage: z
    .object({ name: z.string().trim().min(1, '请填写纸张名称（如 16K）').max(20, '纸张名称不能超过 20 个字符'), widthMm: mm('纸张宽度'), heightMm: mm('纸张高度') })
    .superRefine((p, c) => {
      const problem = pageSizeProblem(p);
      if (problem) c.addIssue({ code: 'custom', message: problem, path: ['widthMm'] });
    })
    .nullable(),
  schoolNameEn: z.string().trim().max(200, '学校英文名称不能超过 200 个字符'),
  departmentNameEn: z.string().trim().max(200, '院系英文名称不能超过 200 个字符'),
  majorNamesEn: z.record(z.string().regex(/^\d+$/), z.string().trim().max(200, '专业英文名称不能超过 200 个字符')),
});
