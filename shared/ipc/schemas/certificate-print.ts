import { z } from 'zod';
import { TEMPLATE_FIELD_KEYS, TEMPLATE_FORMAT, type CertificateTemplate, type TemplateFieldKey } from '../../domain/certificates/template';
import { profileProblems, templateProblems } from '../../domain/certificates/template-check';
import { FileRef } from './imports';
import { id } from './common';
import { JobId } from './jobs';

/**
 * 证书套打 (issue 16): templates, printer calibration profiles, the calibration sheet and the batch
 * print. The template's shape is shared/domain/certificates/template.ts; its rules are
 * templateProblems (the designer runs the same function while the clerk edits).
 */

const num = (label: string) => z.number({ error: `${label}应为数字` }).finite(`${label}应为数字`);
const mmNum = (label: string) => num(`${label}（毫米）`);

export const TemplateName = z.string({ error: '请填写模板名称' }).trim().min(1, '请填写模板名称').max(40, '模板名称不能超过 40 个字');
export const ProfileName = z.string({ error: '请填写校准方案名称' }).trim().min(1, '请填写校准方案名称').max(40, '校准方案名称不能超过 40 个字');

export const TemplateTextFieldSchema = z
  .object({
    id: z.string().min(1).max(40),
    key: z.enum(Object.keys(TEMPLATE_FIELD_KEYS) as [TemplateFieldKey, ...TemplateFieldKey[]], { error: '字段内容无法识别' }),
    xMm: mmNum('横向位置'),
    yMm: mmNum('纵向位置'),
    widthMm: mmNum('宽度'),
    font: z.enum(['serif', 'sans'], { error: '字体应为宋体或黑体' }),
    sizePt: num('字号'),
    align: z.enum(['left', 'center', 'right'], { error: '对齐方式无法识别' }),
    letterSpacingPt: num('字间距'),
    dateForm: z.enum(['numeral', 'arabic'], { error: '日期写法无法识别' }).optional(),
    text: z.string().max(100, '固定文字不能超过 100 个字').optional(),
  })
  .strict();

export const TemplatePhotoBoxSchema = z.object({ xMm: mmNum('照片框横向位置'), yMm: mmNum('照片框纵向位置'), widthMm: mmNum('照片框宽度'), heightMm: mmNum('照片框高度') }).strict();

/** A template as stored, saved, exported and imported; refused with one sentence per problem. */
export const CertificateTemplateSchema = z
  .object({
    format: z.literal(TEMPLATE_FORMAT, { error: '模板格式版本无法识别' }),
    name: TemplateName,
    kind: z.enum(['毕业证书', '结业证书'], { error: '请选择证书种类（毕业证书或结业证书）' }),
    page: z.object({ widthMm: mmNum('纸张宽度'), heightMm: mmNum('纸张高度') }).strict(),
    fields: z.array(TemplateTextFieldSchema).max(60, '一个模板最多 60 项'),
    photo: TemplatePhotoBoxSchema.nullable(),
  })
  .strict()
  .superRefine((t, c) => {
    for (const p of templateProblems(t as CertificateTemplate)) c.addIssue({ code: 'custom', message: p.message, path: p.path });
  });

export const TemplateSummary = z.object({
  name: z.string(),
  kind: z.enum(['毕业证书', '结业证书']),
  isDefault: z.boolean(),
  /** A scanned blank form is kept for the designer (shown on screen, never printed). */
  hasBackground: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const ByTemplateName = z.object({ name: TemplateName });
export const TemplateDetail = z.object({ template: CertificateTemplateSchema, summary: TemplateSummary });
/** 保存: a new template, or the one named previousName (renamed when the name differs). */
export const SaveTemplateInput = z.object({ template: CertificateTemplateSchema, previousName: TemplateName.optional() });
/** The scanned blank form (jpeg/png through the host's file mechanism), or null to remove it. */
export const SetBackgroundInput = z.object({ name: TemplateName, fileId: FileRef.shape.fileId.nullable() });
/** The background's bytes for the designer, as photos.get answers (browser: GET /api/certificate-backgrounds/<name>). */
export const TemplateBackground = z.object({ mime: z.string(), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array) }).nullable();
export const ExportTemplateInput = z.object({ name: TemplateName, jobId: JobId.optional() });
export const ImportTemplateInput = FileRef;

/** What a student's certificate prints (shared/domain/certificates/fields.ts CertificateFacts). */
export const CertificateFactsSchema = z.object({
  name: z.string(),
  sex: z.string(),
  birthDate: z.string().nullable(),
  enrolmentDate: z.string().nullable(),
  graduationDate: z.string().nullable(),
  issueDate: z.string().nullable(),
  major: z.string().nullable(),
  lengthYears: z.string().nullable(),
  level: z.string().nullable(),
  studyForm: z.string().nullable(),
  certificateNo: z.string().nullable(),
  schoolName: z.string(),
  presidentName: z.string(),
});
export const SampleFactsInput = z.object({ studentId: id });
export const SampleFactsOutput = z.object({
  facts: CertificateFactsSchema,
  /** Why this student's certificate could not print now (no number, 暂缓发证, no photo); empty when it can. */
  problems: z.array(z.string()),
});

/** 证书设置: what every certificate prints that is no student's (校（院）长姓名). The school name is the system setting's. */
export const CertificatePrintSettingsSchema = z.object({
  presidentName: z.string().trim().max(20, '校（院）长姓名不能超过 20 个字'),
});

export const PrinterProfileSchema = z
  .object({ name: ProfileName, offsetXMm: num('左右偏移（毫米）'), offsetYMm: num('上下偏移（毫米）'), scaleX: num('横向缩放'), scaleY: num('纵向缩放') })
  .strict()
  .superRefine((p, c) => {
    for (const x of profileProblems(p)) c.addIssue({ code: 'custom', message: x.message, path: x.path });
  });
export const PrinterProfileRow = z.object({ name: z.string(), offsetXMm: z.number(), offsetYMm: z.number(), scaleX: z.number(), scaleY: z.number(), updatedAt: z.string(), updatedBy: z.string() });
export const SaveProfileInput = z.object({ profile: PrinterProfileSchema, previousName: ProfileName.optional() });
export const ByProfileName = z.object({ name: ProfileName });

/** 校准页: rulers and crosshairs on plain paper at the form's size, printed through the chosen profile. */
export const CalibrationSheetInput = z.object({
  page: z.object({ widthMm: mmNum('纸张宽度').min(50, '纸张宽度至少 50 毫米').max(600, '纸张宽度不能超过 600 毫米'), heightMm: mmNum('纸张高度').min(50, '纸张高度至少 50 毫米').max(600, '纸张高度不能超过 600 毫米') }),
  profileName: ProfileName.optional(),
  jobId: JobId.optional(),
});

/**
 * 套打: the chosen students, or a cohort (optionally one major); the department's default template
 * unless named; startSerial is the printed serial of the first blank form in the tray (part-used
 * stock). A cohort prints its certificates of the template's kind not printed yet — with
 * reprintReason, those printed before too — and reports the rest in leftOut; chosen students print
 * as chosen, and one printed before needs reprintReason.
 */
export const PrintCertificatesInput = z
  .object({
    studentIds: z.array(id).min(1, '请先选择学生').max(20_000).optional(),
    cohortYear: z.number({ error: '年级应为四位年份' }).int().min(1990, '年级应为四位年份').max(2100, '年级应为四位年份').optional(),
    majorId: id.optional(),
    templateName: TemplateName.optional(),
    profileName: ProfileName.optional(),
    startSerial: z.string().trim().min(1, '请填写第一张空白证书的印刷编号').max(40, '印刷编号不能超过 40 个字符').optional(),
    reprintReason: z.string().trim().min(2, '请写明重新打印的原因').max(200, '重新打印的原因不能超过 200 个字').optional(),
    jobId: JobId.optional(),
  })
  .refine((v) => (v.studentIds === undefined) !== (v.cohortYear === undefined), { error: '请选择学生，或选择一个年级', path: ['studentIds'] })
  .refine((v) => v.majorId === undefined || v.cohortYear !== undefined, { error: '按专业打印时请同时选择年级', path: ['majorId'] });

export const PrintCertificatesOutput = z.object({
  jobId: z.string(),
  fileName: z.string(),
  count: z.number().int(),
  /** The blank forms used, first and last printed serial (null when the ledger has no serials yet). */
  firstSerial: z.string().nullable(),
  lastSerial: z.string().nullable(),
  /** A cohort's students not printed this time, a line per reason (暂缓发证, the other kind, printed before, no number). */
  leftOut: z.array(z.string()),
});
