import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
  studentNo: text('student_no').notNull().unique(),
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
