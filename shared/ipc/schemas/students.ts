import { z } from 'zod';
import { STUDENT_FIELD_KEYS, fieldLabel, fieldTextProblem, type StudentFieldKey } from '../../domain/student-fields';
import { KEY_CHANGE_STATUSES } from '../../domain/key-changes';
import { id, optionalText, page, text } from './common';
import { FileRef } from './imports';
import { JobId } from './jobs';
import { ApprovalEvent, ApprovalStepSchema, StepDecisionInput } from './approvals';

/** A date as YYYY-MM-DD; left empty, it asks to be filled rather than describing a format. */
const isoDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .min(1, { message: `请填写${label}`, abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`);
const optDate = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`).nullable().optional();

/**
 * A student field's text held to the catalogue's rules (length, format): the roster import checks
 * the same table (validate-row.ts), so the form, the import and the command line agree.
 */
const fieldRules = (key: StudentFieldKey) => (v: string, ctx: z.RefinementCtx) => {
  const problem = fieldTextProblem(key, v);
  if (problem) ctx.addIssue({ code: 'custom', message: `${fieldLabel(key)}${problem.message}` });
};
/** Trimmed, not empty, within the field's rules. */
const requiredField = (key: StudentFieldKey) => {
  const label = fieldLabel(key);
  return z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).superRefine(fieldRules(key));
};
/** Trimmed, may be empty or null, within the field's rules. */
const optionalField = (key: StudentFieldKey) => z.string().trim().superRefine(fieldRules(key)).nullable().optional();

/** 11-digit mobile (1 + 3–9 …, as the roster import reads them), optionally +86 and spaced or dashed as 138-1234-5678. */
const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}$/;
/** Landline with its area code (0 + 2–3 digits, optionally in brackets), a 7–8 digit number and an optional extension. */
const LANDLINE = /^(?:0\d{2,3}|\(0\d{2,3}\)|（0\d{2,3}）)[- ]?\d{7,8}(?:(?:-|转|#)\d{1,6})?$/;

export const PHONE_RULE = '手机号应为 1 开头的 11 位数字，座机应带区号（如 010-12345678）';

/** A phone number or nothing: a mobile number, or a landline with its area code. */
const phone = (key: 'phone' | 'guardianPhone') =>
  z
    .string()
    .trim()
    .superRefine(fieldRules(key))
    .refine((v) => v === '' || MOBILE.test(v) || LANDLINE.test(v), `${fieldLabel(key)}格式不正确：${PHONE_RULE}`)
    .nullable()
    .optional();
const optCode = z.string().trim().max(4).nullable().optional();

export const Guardian = z.object({
  name: requiredField('guardianName'),
  relation: requiredField('guardianRelation'),
  phone: phone('guardianPhone'),
  workUnit: optionalText('工作单位', 60).nullable(),
});

/**
 * Everything a person can type on the student form. Not 学籍状态: a new student is 在籍, and the
 * status changes only through a status change (学籍异动) and its approvals.
 */
export const StudentFields = z.object({
  /** Empty until assigned (待编学号): admissions rosters carry none, and 学号编排 fills it later. */
  studentNo: z
    .string()
    .trim()
    .superRefine(fieldRules('studentNo'))
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  examNo: optionalField('examNo'),
  name: requiredField('name'),
  formerName: optionalField('formerName'),
  gender: z.enum(['1', '2'], { error: '请选择性别' }),
  birthDate: isoDate('出生日期'),
  idNumber: requiredField('idNumber'),
  ethnicityCode: optCode,
  politicalStatusCode: optCode,
  nativePlace: optionalField('nativePlace'),
  sourceRegion: optionalField('sourceRegion'),
  householdAddress: optionalField('householdAddress'),
  homeAddress: optionalField('homeAddress'),
  phone: phone('phone'),
  email: z.union([z.literal(''), z.email('电子邮箱格式不正确').superRefine(fieldRules('email'))]).nullable().optional(),
  enrolmentDate: optDate('入学日期'),
  expectedGraduationDate: optDate('预计毕业日期'),
  classId: z.number().int().positive().nullable().optional(),
  dormitory: optionalField('dormitory'),
  notes: optionalField('notes'),
  guardians: z.array(Guardian).max(6).default([]),
});

export const CreateStudentInput = StudentFields;
/**
 * A patch carries only what changes: no defaults here, or leaving out 学籍状态 or 监护人 would
 * reset the status and delete the family members.
 */
const StudentPatch = StudentFields.extend({
  guardians: z.array(Guardian).max(6),
}).partial();
export const UpdateStudentInput = z.object({
  id,
  /** The version the form was loaded with: a save over someone else's newer save is refused. */
  version: z.number().int(),
  patch: StudentPatch,
});

/** Non-key fields that may be set on many students at once. */
export const BulkUpdateInput = z.object({
  ids: z.array(id).min(1, '请先选择学生').max(20_000),
  patch: z
    .object({
      classId: z.number().int().positive().optional(),
      dormitory: optionalField('dormitory'),
      sourceRegion: optionalField('sourceRegion'),
      politicalStatusCode: z.string().trim().max(4).optional(),
      notes: optionalField('notes'),
    })
    .refine((p) => Object.keys(p).length > 0, '请至少选择一项要修改的内容'),
});

/**
 * 年级, 专业, 班级: one value or several (any of them matches); views saved before filters took
 * several values hold one number, so both stay valid. An empty list filters nothing out.
 */
const oneOrSeveral = (label: string) =>
  z.union([z.number().int(), z.array(z.number().int()).max(500)], { error: `${label}应为一个或多个编号` }).optional();

export const RosterFilter = z.object({
  cohortYear: oneOrSeveral('年级'),
  majorId: oneOrSeveral('专业'),
  classId: oneOrSeveral('班级'),
  status: z.string().max(20).optional(),
  gender: z.enum(['1', '2']).optional(),
  ethnicityCode: z.string().max(4).optional(),
  politicalStatusCode: z.string().max(4).optional(),
  sourceRegion: z.string().max(40).optional(),
  /** 已编学号 or 待编学号 (no 学号 assigned yet: admissions rosters, see 学号编排). */
  studentNoState: z.enum(['assigned', 'pending']).optional(),
  /** 有照片 or 无照片 (e.g. whose photo is still to be taken or imported). */
  photoState: z.enum(['present', 'missing']).optional(),
  /** The one search box: 学号, 考生号, ID fragment, Chinese name, full pinyin or initials. */
  q: z.string().trim().max(40).optional(),
});
export type RosterFilter = z.infer<typeof RosterFilter>;

export const SORTABLE = ['studentNo', 'name', 'gender', 'birthDate', 'className', 'majorName', 'cohortYear', 'status', 'sourceRegion', 'enrolmentDate', 'examNo'] as const;
export const RosterQuery = page.extend({
  filter: RosterFilter.default({}),
  sort: z.object({ field: z.enum(SORTABLE), dir: z.enum(['asc', 'desc']) }).optional(),
});
export type RosterQuery = z.infer<typeof RosterQuery>;

export const RosterRow = z.object({
  id: z.number(),
  studentNo: z.string().nullable(),
  examNo: z.string().nullable(),
  name: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  idNumber: z.string(),
  ethnicityCode: z.string().nullable(),
  politicalStatusCode: z.string().nullable(),
  nativePlace: z.string().nullable(),
  sourceRegion: z.string().nullable(),
  phone: z.string().nullable(),
  homeAddress: z.string().nullable(),
  householdAddress: z.string().nullable(),
  email: z.string().nullable(),
  formerName: z.string().nullable(),
  status: z.string(),
  classId: z.number().nullable(),
  className: z.string().nullable(),
  majorName: z.string().nullable(),
  cohortYear: z.number().nullable(),
  dormitory: z.string().nullable(),
  enrolmentDate: z.string().nullable(),
  expectedGraduationDate: z.string().nullable(),
  /** The first guardian (the profile lists them all). */
  guardianName: z.string().nullable(),
  guardianRelation: z.string().nullable(),
  guardianPhone: z.string().nullable(),
  notes: z.string().nullable(),
  registered: z.boolean(),
});
export type RosterRow = z.infer<typeof RosterRow>;
export const RosterPage = z.object({ rows: z.array(RosterRow), total: z.number(), masked: z.boolean() });

export const StudentRecord = z.object({
  id: z.number(),
  kind: z.enum(['reward', 'punishment', 'position', 'political']),
  title: z.string(),
  level: z.string().nullable(),
  date: z.string(),
  endDate: z.string().nullable(),
  docNo: z.string().nullable(),
  term: z.string().nullable(),
  notes: z.string().nullable(),
});
export const StudentRecordInput = z.object({
  studentId: id,
  kind: z.enum(['reward', 'punishment', 'position', 'political']),
  title: text('名称', 60),
  level: optionalText('级别', 30).nullable(),
  date: isoDate('日期'),
  endDate: optDate('结束/解除日期'),
  docNo: optionalText('文号', 60).nullable(),
  term: optionalText('学期', 20).nullable(),
  notes: optionalText('备注', 300).nullable(),
});

export const AttachmentInfo = z.object({ id: z.number(), fileName: z.string(), mime: z.string(), size: z.number(), purpose: z.string(), createdBy: z.string(), createdAt: z.string() });

// The profile lists every guardian instead of the roster's first one.
export const StudentProfile = RosterRow.omit({ guardianName: true, guardianRelation: true, guardianPhone: true }).extend({
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  hasPhoto: z.boolean(),
  lockedFields: z.array(z.string()),
  /** 休学: 预计复学日期; 保留学籍 / 保留入学资格: 保留至 (set by the 学籍异动 that started it). */
  statusUntil: z.string().nullable(),
  // Stored phones as they are (masked for roles without identity access): not held to the input rule.
  guardians: z.array(Guardian.extend({ id: z.number(), phone: z.string().nullable().optional() })),
  records: z.array(StudentRecord),
  statusHistory: z.array(z.object({ fromStatus: z.string().nullable(), toStatus: z.string(), effective: z.string(), reason: z.string().nullable(), createdBy: z.string() })),
  classHistory: z.array(z.object({ className: z.string(), fromDate: z.string(), createdBy: z.string(), createdByName: z.string() })),
  attachments: z.array(AttachmentInfo),
});
export type StudentProfile = z.infer<typeof StudentProfile>;

export const DuplicateCandidate = z.object({ id: z.number(), studentNo: z.string().nullable(), name: z.string(), birthDate: z.string(), idNumber: z.string(), status: z.string(), className: z.string().nullable(), reason: z.string() });
export const DuplicatesInput = z.object({ name: z.string().trim().max(40), birthDate: z.string().max(10), idNumber: z.string().max(30).optional(), excludeId: z.number().optional() });

export const ExportInput = z.object({
  filter: RosterFilter.default({}),
  sort: RosterQuery.shape.sort,
  columns: z.array(z.enum(STUDENT_FIELD_KEYS)).min(1, '请至少选择一列').optional(),
  /** The export runs as a job; its file is the job's output, saved through the host (never as base64). */
  jobId: JobId.optional(),
});
export const ExportOutput = z.object({ jobId: z.string(), fileName: z.string(), rows: z.number() });

export const SavedView = z.object({ id: z.number(), name: z.string(), definition: z.object({ filter: RosterFilter, sort: RosterQuery.shape.sort, columns: z.array(z.string()) }) });
export const SaveViewInput = z.object({ name: text('视图名称', 30), definition: SavedView.shape.definition });

/**
 * An attachment the user chose, already handed to the host (core/files.ts) and named by fileId; its
 * name and type come from the file itself (features/attachments/accept.ts decides what may be kept).
 */
export const UploadInput = FileRef.extend({
  studentId: id.optional(),
  purpose: z.enum(['document', 'evidence']),
});
/** 下载 an attachment: a job whose output (the decrypted file) the host saves; never base64. */
export const DownloadInput = z.object({ id, jobId: JobId.optional() });

export const KeyChangeRequest = z.object({
  id: z.number(),
  studentId: z.number(),
  studentNo: z.string().nullable(),
  studentName: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  reason: z.string(),
  attachment: AttachmentInfo.nullable(),
  status: z.enum(KEY_CHANGE_STATUSES),
  requestedBy: z.string(),
  /** The requester as people know them (张老师); the user name when no such account is left. */
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** The approval chain it was filed under, and where it stands (the same engine as 学籍异动). */
  steps: z.array(ApprovalStepSchema),
  stepIndex: z.number(),
  stepSince: z.string(),
  /** The step waiting now (pending requests), by its label. */
  currentStep: z.string().nullable(),
  events: z.array(ApprovalEvent),
  /** What the signed-in user may do with it now (the main process checks again on every call). */
  can: z.object({ decide: z.boolean(), recordPaper: z.boolean(), amend: z.boolean(), withdraw: z.boolean() }),
});
export type KeyChangeRequest = z.infer<typeof KeyChangeRequest>;
const KeyChangeContent = z.object({
  changes: z.object({
    name: requiredField('name').optional(),
    gender: z.enum(['1', '2']).optional(),
    birthDate: isoDate('出生日期').optional(),
    idNumber: z.string().trim().superRefine(fieldRules('idNumber')).optional(),
  }),
  reason: text('变更原因', 300),
  attachmentId: id.optional(),
});
export const CreateKeyChangeInput = KeyChangeContent.extend({ studentId: id });
/** The requester amends a returned request; it starts its chain again. */
export const AmendKeyChangeInput = KeyChangeContent.extend({ id });
export const DecideKeyChangeInput = StepDecisionInput;
export const ListKeyChangesInput = z.object({ status: z.enum(KEY_CHANGE_STATUSES).optional(), studentId: id.optional() });
