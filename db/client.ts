import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SqliteDb } from './open';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: SqliteDb };

/** Drizzle over an already unlocked connection. Query functions take this as their first argument. */
export function toDrizzle(sqlite: SqliteDb): Db {
  return drizzle(sqlite, { schema }) as Db;
}
