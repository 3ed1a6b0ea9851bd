import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { isActiveStatus } from '../../shared/domain/codes';
import { nameChars, namePinyin } from '../../shared/domain/name-pinyin';
import type { Db } from '../client';
import { attachments, classHistory, classes, guardians, statusHistory, studentRecords, students } from '../schema';

export type StudentRow = typeof students.$inferSelect;
export type StudentInsert = typeof students.$inferInsert;
export type GuardianInput = { name: string; relation: string; phone?: string | null; workUnit?: string | null };

export function getStudent(db: Db, id: number): StudentRow | undefined {
  return db.select().from(students).where(eq(students.id, id)).get();
}

export function findByStudentNo(db: Db, studentNo: string): StudentRow | undefined {
  return db.select().from(students).where(eq(students.studentNo, studentNo)).get();
}

/** The student holding an active 学籍 with this ID number, if any (查重). */
export function findActiveByIdNumber(db: Db, idNumber: string, excludeId?: number): StudentRow | undefined {
  const rows = db.select().from(students).where(eq(students.idNumber, idNumber)).all();
  return rows.find((r) => isActiveStatus(r.status) && r.id !== excludeId);
}

export function findByExamNo(db: Db, examNo: string, excludeId?: number): StudentRow | undefined {
  const cond = excludeId ? and(eq(students.examNo, examNo), ne(students.id, excludeId)) : eq(students.examNo, examNo);
  return db.select().from(students).where(cond).get();
}

/**
 * Likely duplicates: the same ID number, or the same name and birth date. The query on its own,
 * so a test can check that it searches indexes (students_birth_date, students_id_number).
 */
export function likelyDuplicatesQuery(db: Db, name: string, birthDate: string, idNumber?: string, excludeId?: number) {
  const cond = or(and(eq(students.name, name), eq(students.birthDate, birthDate)), idNumber ? eq(students.idNumber, idNumber) : undefined);
  return db
    .select({ id: students.id, studentNo: students.studentNo, name: students.name, birthDate: students.birthDate, idNumber: students.idNumber, status: students.status, className: classes.name })
    .from(students)
    .leftJoin(classes, eq(classes.id, students.classId))
    .where(excludeId ? and(cond, ne(students.id, excludeId)) : cond)
    .limit(20);
}

export function likelyDuplicates(db: Db, name: string, birthDate: string, idNumber?: string, excludeId?: number) {
  return likelyDuplicatesQuery(db, name, birthDate, idNumber, excludeId).all();
}

/** Name search keys are derived here, so every writer (form, import, CLI) keeps them right. */
export function withSearchKeys<T extends { name?: string }>(values: T): T & { namePinyin?: string; nameInitials?: string; nameChars?: string } {
  if (values.name === undefined) return values;
  const py = namePinyin(values.name);
  return { ...values, namePinyin: py.full, nameInitials: py.initials, nameChars: nameChars(values.name) };
}

export function insertStudent(db: Db, values: StudentInsert): StudentRow {
  return db.insert(students).values(withSearchKeys(values)).returning().get();
}

export function updateStudentRow(db: Db, id: number, patch: Partial<StudentInsert>): StudentRow {
  return db
    .update(students)
    .set({ ...withSearchKeys(patch), version: sql`${students.version} + 1` })
    .where(eq(students.id, id))
    .returning()
    .get();
}

export function listGuardians(db: Db, studentId: number) {
  return db.select().from(guardians).where(eq(guardians.studentId, studentId)).orderBy(asc(guardians.id)).all();
}

export function replaceGuardians(db: Db, studentId: number, list: GuardianInput[]): void {
  db.delete(guardians).where(eq(guardians.studentId, studentId)).run();
  for (const g of list) db.insert(guardians).values({ studentId, name: g.name, relation: g.relation, phone: g.phone ?? null, workUnit: g.workUnit ?? null }).run();
}

export function listRecords(db: Db, studentId: number) {
  return db.select().from(studentRecords).where(eq(studentRecords.studentId, studentId)).orderBy(asc(studentRecords.date)).all();
}

export function listStatusHistory(db: Db, studentId: number) {
  return db.select().from(statusHistory).where(eq(statusHistory.studentId, studentId)).orderBy(asc(statusHistory.id)).all();
}

export function addStatusHistory(db: Db, v: typeof statusHistory.$inferInsert) {
  db.insert(statusHistory).values(v).run();
}

export function listClassHistory(db: Db, studentId: number) {
  return db.select().from(classHistory).where(eq(classHistory.studentId, studentId)).orderBy(asc(classHistory.id)).all();
}

export function addClassHistory(db: Db, v: typeof classHistory.$inferInsert) {
  db.insert(classHistory).values(v).run();
}

export function listAttachments(db: Db, studentId: number) {
  return db.select().from(attachments).where(eq(attachments.studentId, studentId)).orderBy(asc(attachments.id)).all();
}

export function getStudentsByIds(db: Db, ids: number[]): StudentRow[] {
  const out: StudentRow[] = [];
  // SQLite limits bound parameters; chunk large selections.
  for (let i = 0; i < ids.length; i += 500) out.push(...db.select().from(students).where(inArray(students.id, ids.slice(i, i + 500))).all());
  return out;
}

/** Students a person names in a filter: by 学号, 身份证号 or 考生号 exactly, or by name (exact or its start); at most 200. */
export function findStudentIds(db: Db, text: string): number[] {
  const t = text.trim();
  if (!t) return [];
  const rows = db.$client
    .prepare(
      `SELECT id FROM students WHERE student_no = @t OR id_number = upper(@t) OR exam_no = @t OR name = @t OR name LIKE @prefix ESCAPE '\\' LIMIT 200`,
    )
    .all({ t, prefix: `${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }) as { id: number }[];
  return rows.map((r) => r.id);
}
