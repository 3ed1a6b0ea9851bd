/**
 * Photo imports as batches (导入记录): what each import did to each student's photo, so that it can
 * be listed beside the roster imports and undone. Call the writers inside the import's transaction.
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { photoBatches, photoBatchItems } from '../schema';

export type PhotoBatchRow = typeof photoBatches.$inferSelect;
export type PhotoBatchItem = typeof photoBatchItems.$inferSelect;

export function insertPhotoBatch(db: Db, batch: typeof photoBatches.$inferInsert, items: Omit<typeof photoBatchItems.$inferInsert, 'batchId'>[]): PhotoBatchRow {
  const row = db.insert(photoBatches).values(batch).returning().get();
  for (const it of items) db.insert(photoBatchItems).values({ ...it, batchId: row.id }).run();
  return row;
}

export function getPhotoBatch(db: Db, id: number): PhotoBatchRow | undefined {
  return db.select().from(photoBatches).where(eq(photoBatches.id, id)).get();
}

/** Newest first. */
export function listPhotoBatches(db: Db, limit = 200): PhotoBatchRow[] {
  return db.select().from(photoBatches).orderBy(desc(photoBatches.id)).limit(limit).all();
}

export function itemsOfPhotoBatch(db: Db, batchId: number): PhotoBatchItem[] {
  return db.select().from(photoBatchItems).where(eq(photoBatchItems.batchId, batchId)).orderBy(photoBatchItems.id).all();
}

export function markPhotoBatchUndone(db: Db, id: number, by: string, at: string): void {
  db.update(photoBatches).set({ undoneBy: by, undoneAt: at }).where(eq(photoBatches.id, id)).run();
}

/**
 * The first student whose photo the batch set and who since has another photo (or is deleted):
 * undoing would then throw away a later change, so the batch can no longer be undone.
 */
export function firstChangedPhoto(db: Db, batchId: number): { studentNo: string | null; studentName: string; name: string | null; deleted: boolean } | null {
  const r = db.$client
    .prepare(
      `SELECT i.student_no AS studentNo, i.student_name AS studentName, s.name AS name, s.id IS NULL AS deleted
         FROM photo_batch_items i LEFT JOIN students s ON s.id = i.student_id
        WHERE i.batch_id = ? AND i.action = 'set' AND (s.id IS NULL OR s.photo_attachment_id IS NOT i.photo_after)
        ORDER BY i.id LIMIT 1`,
    )
    .get(batchId) as { studentNo: string | null; studentName: string; name: string | null; deleted: number } | undefined;
  return r ? { studentNo: r.studentNo, studentName: r.studentName, name: r.name, deleted: Boolean(r.deleted) } : null;
}
