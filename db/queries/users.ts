import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { users } from '../schema';

export type UserRecord = typeof users.$inferSelect;

export function getUserById(db: Db, id: number): UserRecord | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function getUserByName(db: Db, username: string): UserRecord | undefined {
  // The column is COLLATE NOCASE, so this matches regardless of case.
  return db.select().from(users).where(eq(users.username, username.trim())).get();
}

export function listUsers(db: Db): UserRecord[] {
  return db.select().from(users).orderBy(asc(users.id)).all();
}

export function insertUser(db: Db, u: typeof users.$inferInsert): UserRecord {
  return db.insert(users).values(u).returning().get();
}

export function updateUser(db: Db, id: number, patch: Partial<typeof users.$inferInsert>): UserRecord {
  return db.update(users).set(patch).where(eq(users.id, id)).returning().get();
}

export function countActiveAdmins(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).where(sql`${users.role} = 'admin' AND ${users.disabled} = 0`).get()?.n ?? 0;
}

/**
 * Who did something, as people know them (张老师) rather than by user name, for records that store
 * the user name. A name no account has (an account since removed, 系统) is shown as stored.
 */
export function displayNameLookup(db: Db): (username: string) => string {
  const byName = new Map(listUsers(db).map((u) => [u.username.toLowerCase(), u.displayName]));
  return (username) => byName.get(username.toLowerCase()) ?? username;
}
