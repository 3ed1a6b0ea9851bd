import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { approvalEventColumns } from './approval-events';
import { KEY_CHANGE_STATUSES } from '../../shared/domain/key-changes';

export const majors = sqliteTable('majors', {
  id: integer('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  lengthYears: text('length_years').notNull(),
  studyForm: text('study_form').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const classes = sqliteTable('classes', {
  id: integer('id').primaryKey(),
  name: text('name').notNull().unique(),
  majorId: integer('major_id').notNull().references(() => majors.id),
  cohortYear: integer('cohort_year').notNull(),
  headTeacher: text('head_teacher'),
  establishedOn: text('established_on'),
  lengthYears: text('length_years').notNull(),
  classType: text('class_type').notNull().default('普通班'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const students = sqliteTable('students', {
  id: integer('id').primaryKey(),
  studentNo: text('student_no').unique(),
  examNo: text('exam_no'),
  name: text('name').notNull(),
  formerName: text('former_name'),
  namePinyin: text('name_pinyin').notNull().default(''),
  nameInitials: text('name_initials').notNull().default(''),
  gender: text('gender', { enum: ['1', '2'] }).notNull(),
  birthDate: text('birth_date').notNull(),
  idNumber: text('id_number').notNull(),
  ethnicityCode: text('ethnicity_code'),
  politicalStatusCode: text('political_status_code'),
  nativePlace: text('native_place'),
  sourceRegion: text('source_region'),
  householdAddress: text('household_address'),
  homeAddress: text('home_address'),
  phone: text('phone'),
  email: text('email'),
  enrolmentDate: text('enrolment_date'),
  expectedGraduationDate: text('expected_graduation_date'),
  status: text('status').notNull().default('enrolled'),
  classId: integer('class_id').references(() => classes.id),
  dormitory: text('dormitory'),
  notes: text('notes'),
  registered: integer('registered', { mode: 'boolean' }).notNull().default(false),
  photoAttachmentId: integer('photo_attachment_id'),
  nameChars: text('name_chars').notNull().default(''),
  /** 休学: 预计复学日期; 保留学籍 / 保留入学资格: 保留至 (set and cleared by status changes). */
  statusUntil: text('status_until'),
  /** 毕业年级: marked by the 学年升级 for the graduation work (migration 0014). */
  graduating: integer('graduating', { mode: 'boolean' }).notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const guardians = sqliteTable('guardians', {
  id: integer('id').primaryKey(),
  studentId: integer('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  relation: text('relation').notNull(),
  phone: text('phone'),
  workUnit: text('work_unit'),
});

export const studentRecords = sqliteTable('student_records', {
  id: integer('id').primaryKey(),
  studentId: integer('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['reward', 'punishment', 'position', 'political'] }).notNull(),
  title: text('title').notNull(),
  level: text('level'),
  date: text('date').notNull(),
  endDate: text('end_date'),
  docNo: text('doc_no'),
  term: text('term'),
  notes: text('notes'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const statusHistory = sqliteTable('status_history', {
  id: integer('id').primaryKey(),
  studentId: integer('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  effective: text('effective').notNull(),
  reason: text('reason'),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});

export const classHistory = sqliteTable('class_history', {
  id: integer('id').primaryKey(),
  studentId: integer('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
  classId: integer('class_id').references(() => classes.id),
  className: text('class_name').notNull(),
  fromDate: text('from_date').notNull(),
  createdBy: text('created_by').notNull(),
});

export const attachments = sqliteTable('attachments', {
  id: integer('id').primaryKey(),
  studentId: integer('student_id').references(() => students.id, { onDelete: 'set null' }),
  purpose: text('purpose').notNull().default('document'),
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  storedName: text('stored_name').notNull().unique(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});

export const keyChangeRequests = sqliteTable('key_change_requests', {
  id: integer('id').primaryKey(),
  studentId: integer('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
  changes: text('changes').notNull(),
  reason: text('reason').notNull(),
  attachmentId: integer('attachment_id').references(() => attachments.id),
  status: text('status', { enum: KEY_CHANGE_STATUSES }).notNull().default('pending'),
  requestedBy: text('requested_by').notNull(),
  requestedAt: text('requested_at').notNull(),
  decidedBy: text('decided_by'),
  decidedAt: text('decided_at'),
  decisionComment: text('decision_comment'),
  /** The approval chain the request was filed under (JSON ApprovalStep[]), and where it stands on it. */
  chain: text('chain').notNull(),
  stepIndex: integer('step_index').notNull().default(0),
  stepRole: text('step_role'),
  stepSince: text('step_since').notNull(),
});

/** A request's timeline: filed, decided at a step (in the app or from paper), amended, withdrawn, applied. */
export const keyChangeEvents = sqliteTable('key_change_events', approvalEventColumns());

export const savedViews = sqliteTable('saved_views', {
  id: integer('id').primaryKey(),
  userId: integer('user_id').notNull(),
  name: text('name').notNull(),
  definition: text('definition').notNull(),
  createdAt: text('created_at').notNull(),
});
