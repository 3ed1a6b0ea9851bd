/** What the home page asks of the whole department. */
import { count } from 'drizzle-orm';
import type { Db } from '../client';
import { classes, majors, students } from '../schema';

/** How far the department is set up: an empty install has none of these. */
export function departmentCounts(db: Db): { majors: number; classes: number; students: number } {
  const n = (table: typeof majors | typeof classes | typeof students) => db.select({ n: count() }).from(table).get()?.n ?? 0;
  return { majors: n(majors), classes: n(classes), students: n(students) };
}
