import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { LevelCode, RunTypeCode } from '../../shared/domain/certificates/number';

export type CertificateKind = '毕业' | '结业';
export type CertificateStatus = 'issued' | 'voided';
export type CertificateEventKind = 'issued' | 'reissued' | 'voided' | 'proof';
export type CertificateFormStatus = 'unused' | 'printed' | 'spoiled';

/** 学历证书 numbers issued (migration 0025): the number never changes, rows are never deleted. */
export const certificates = sqliteTable('certificates', {
  id: integer('id').primaryKey(),
  studentId: integer('student_id').notNull(),
  kind: text('kind').$type<CertificateKind>().notNull(),
  certificateNo: text('certificate_no').notNull(),
  schoolCode: text('school_code').notNull(),
  runType: text('run_type').$type<RunTypeCode>().notNull(),
  year: integer('year').notNull(),
  level: text('level').$type<LevelCode>().notNull(),
  sequence: integer('sequence').notNull(),
  graduationDate: text('graduation_date').notNull(),
  issueDate: text('issue_date').notNull(),
  issuedBy: text('issued_by').notNull(),
  issuedAt: text('issued_at').notNull(),
  status: text('status').$type<CertificateStatus>().notNull().default('issued'),
  voidReason: text('void_reason'),
  voidedBy: text('voided_by'),
  voidedAt: text('voided_at'),
});

/** A certificate's history after issue (换发, 作废, 证明书): appended only. */
export const certificateEvents = sqliteTable('certificate_events', {
  id: integer('id').primaryKey(),
  certificateId: integer('certificate_id').notNull(),
  kind: text('kind').$type<CertificateEventKind>().notNull(),
  fromKind: text('from_kind'),
  toKind: text('to_kind'),
  fromDate: text('from_date'),
  toDate: text('to_date'),
  reason: text('reason'),
  by: text('by').notNull(),
  at: text('at').notNull(),
});

/** 证明书 for a lost/damaged certificate: once per certificate. */
export const certificateProofs = sqliteTable('certificate_proofs', {
  id: integer('id').primaryKey(),
  certificateId: integer('certificate_id').notNull(),
  reason: text('reason').notNull(),
  issuedBy: text('issued_by').notNull(),
  issuedAt: text('issued_at').notNull(),
});

/** 暂缓发证, set and lifted with reasons; at most one open per student. */
export const certificateHolds = sqliteTable('certificate_holds', {
  id: integer('id').primaryKey(),
  studentId: integer('student_id').notNull(),
  reason: text('reason').notNull(),
  setBy: text('set_by').notNull(),
  setAt: text('set_at').notNull(),
  liftedBy: text('lifted_by'),
  liftedAt: text('lifted_at'),
  liftReason: text('lift_reason'),
});

/** A range of blank forms as received. */
export const certificateFormRanges = sqliteTable('certificate_form_ranges', {
  id: integer('id').primaryKey(),
  firstSerial: text('first_serial').notNull(),
  lastSerial: text('last_serial').notNull(),
  sheets: integer('sheets').notNull(),
  registeredBy: text('registered_by').notNull(),
  registeredAt: text('registered_at').notNull(),
});

/** Each blank sheet by its printed serial. */
export const certificateForms = sqliteTable('certificate_forms', {
  id: integer('id').primaryKey(),
  serial: text('serial').notNull(),
  prefix: text('prefix').notNull(),
  number: integer('number').notNull(),
  rangeId: integer('range_id').notNull(),
  status: text('status').$type<CertificateFormStatus>().notNull().default('unused'),
  certificateId: integer('certificate_id'),
  spoiledReason: text('spoiled_reason'),
  spoiledBy: text('spoiled_by'),
  spoiledAt: text('spoiled_at'),
});

/** Every sheet printed. */
export const certificatePrints = sqliteTable('certificate_prints', {
  id: integer('id').primaryKey(),
  certificateId: integer('certificate_id').notNull(),
  formSerial: text('form_serial'),
  templateName: text('template_name').notNull(),
  profileName: text('profile_name').notNull(),
  reprintReason: text('reprint_reason'),
  printedBy: text('printed_by').notNull(),
  printedAt: text('printed_at').notNull(),
});
