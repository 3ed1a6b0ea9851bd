import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { classes, majors, students } from '../schema';

export function listMajors(db: Db) {
  return db
    .select({
      id: majors.id, code: majors.code, name: majors.name, level: majors.level, lengthYears: majors.lengthYears, studyForm: majors.studyForm,
      studentCount: sql<number>`(SELECT count(*) FROM students s JOIN classes c ON c.id = s.class_id WHERE c.major_id = "majors"."id")`,
    })
    .from(majors)
    .orderBy(asc(majors.code))
    .all();
}

export function listClasses(db: Db) {
  return db
    .select({
      id: classes.id, name: classes.name, majorId: classes.majorId, majorName: majors.name, cohortYear: classes.cohortYear,
      headTeacher: classes.headTeacher, establishedOn: classes.establishedOn, lengthYears: classes.lengthYears, classType: classes.classType,
      studentCount: sql<number>`(SELECT count(*) FROM students s WHERE s.class_id = "classes"."id")`,
    })
    .from(classes)
    .innerJoin(majors, eq(majors.id, classes.majorId))
    .orderBy(asc(classes.cohortYear), asc(classes.name))
    .all();
}

export const getMajor = (db: Db, id: number) => db.select().from(majors).where(eq(majors.id, id)).get();
export const getMajorByCode = (db: Db, code: string) => db.select().from(majors).where(eq(majors.code, code)).get();
export const getClass = (db: Db, id: number) => db.select().from(classes).where(eq(classes.id, id)).get();
export const getClassByName = (db: Db, name: string) => db.select().from(classes).where(eq(classes.name, name)).get();
export const insertMajor = (db: Db, v: typeof majors.$inferInsert) => db.insert(majors).values(v).returning().get();
export const updateMajorRow = (db: Db, id: number, v: Partial<typeof majors.$inferInsert>) => db.update(majors).set(v).where(eq(majors.id, id)).returning().get();
export const insertClass = (db: Db, v: typeof classes.$inferInsert) => db.insert(classes).values(v).returning().get();
export const updateClassRow = (db: Db, id: number, v: Partial<typeof classes.$inferInsert>) => db.update(classes).set(v).where(eq(classes.id, id)).returning().get();
export const studentCount = (db: Db) => (db.select({ n: sql<number>`count(*)` }).from(students).get()?.n ?? 0);
