/**
 * The 体质健康测试成绩 import in the database (migration 0027 fitness_scores): the scores already
 * recorded (the checks compare against them), the write — a score for a student and 学年 that
 * already has one replaces it and keeps what it replaced in `replaced` — and the batch's undo,
 * which deletes the scores it added and puts back the ones it replaced.
 */
import type { Db } from '../client';

/** A recorded score, keyed by `${studentId}|${schoolYear}` in recordedFitness. */
export interface RecordedFitness {
  id: number;
  studentId: number;
  schoolYear: number;
  score: number;
  enteredBy: string;
  enteredAt: string;
  batchId: number | null;
  replaced: string | null;
}

export const fitnessKey = (studentId: number, schoolYear: number) => `${studentId}|${schoolYear}`;

const COLUMNS = `id, student_id AS studentId, school_year AS schoolYear, score, entered_by AS enteredBy, entered_at AS enteredAt, batch_id AS batchId, replaced`;

/** Every recorded score (one per student and 学年: a few per student), in one query. */
export function recordedFitness(db: Db): Map<string, RecordedFitness> {
  const out = new Map<string, RecordedFitness>();
  for (const r of db.$client.prepare(`SELECT ${COLUMNS} FROM fitness_scores`).all() as RecordedFitness[]) out.set(fitnessKey(r.studentId, r.schoolYear), r);
  return out;
}

/**
 * What a replaced row was, to be put back by the undo of the batch that replaced it. Its own
 * `replaced` goes along, so the undo of the batch before can still put back what that one replaced.
 */
export interface ReplacedFitness {
  score: number;
  enteredBy: string;
  enteredAt: string;
  batchId: number | null;
  replaced: ReplacedFitness | null;
}

const parseReplaced = (json: string | null): ReplacedFitness | null => (json ? (JSON.parse(json) as ReplacedFitness) : null);

/** The import's write, prepared once: a new score, or one replacing `existing` (read in the same transaction). */
export function fitnessWriter(db: Db, stamp: { batchId: number; enteredBy: string; enteredAt: string }) {
  const ins = db.$client.prepare('INSERT INTO fitness_scores (student_id, school_year, score, entered_by, entered_at, batch_id) VALUES (?,?,?,?,?,?)');
  const upd = db.$client.prepare('UPDATE fitness_scores SET score = ?, entered_by = ?, entered_at = ?, batch_id = ?, replaced = ? WHERE id = ?');
  return (v: { studentId: number; schoolYear: number; score: number }, existing: RecordedFitness | null) => {
    if (!existing) return void ins.run(v.studentId, v.schoolYear, v.score, stamp.enteredBy, stamp.enteredAt, stamp.batchId);
    const was: ReplacedFitness = { score: existing.score, enteredBy: existing.enteredBy, enteredAt: existing.enteredAt, batchId: existing.batchId, replaced: parseReplaced(existing.replaced) };
    upd.run(v.score, stamp.enteredBy, stamp.enteredAt, stamp.batchId, JSON.stringify(was), existing.id);
  };
}

/** A score of a batch with its student, for messages and the undo's audit. */
export interface BatchFitness {
  id: number;
  studentId: number;
  studentNo: string | null;
  studentName: string;
  schoolYear: number;
  score: number;
  enteredBy: string;
  enteredAt: string;
  replaced: string | null;
}

const BATCH_ROW = `SELECT f.id, f.student_id AS studentId, s.student_no AS studentNo, s.name AS studentName, f.school_year AS schoolYear, f.score,
                          f.entered_by AS enteredBy, f.entered_at AS enteredAt, f.replaced
                     FROM fitness_scores f JOIN students s ON s.id = f.student_id`;

export const batchFitness = (db: Db, batchId: number): BatchFitness[] =>
  db.$client.prepare(`${BATCH_ROW} WHERE f.batch_id = ? ORDER BY f.student_id, f.school_year`).all(batchId) as BatchFitness[];

/**
 * The first of the batch's scores that a later import replaced (its `replaced` names the batch):
 * that import must be undone first, or the undo would put back a score it no longer holds.
 */
export const firstReplacedLater = (db: Db, batchId: number): (BatchFitness & { by: number }) | undefined =>
  db.$client.prepare(`${BATCH_ROW.replace('f.replaced', 'f.replaced, f.batch_id AS by')} WHERE f.batch_id IS NOT ? AND json_extract(f.replaced, '$.batchId') = ? ORDER BY f.id LIMIT 1`).get(batchId, batchId) as
    | (BatchFitness & { by: number })
    | undefined;

/** Undoes one score of a batch: deleted when it was new, else the score it replaced is put back. */
export function undoFitnessRow(db: Db, row: BatchFitness): void {
  const was = parseReplaced(row.replaced);
  if (!was) return void db.$client.prepare('DELETE FROM fitness_scores WHERE id = ?').run(row.id);
  db.$client
    .prepare('UPDATE fitness_scores SET score = ?, entered_by = ?, entered_at = ?, batch_id = ?, replaced = ? WHERE id = ?')
    .run(was.score, was.enteredBy, was.enteredAt, was.batchId, was.replaced ? JSON.stringify(was.replaced) : null, row.id);
}

/** The score a batch row replaced (null: it was new). */
export const replacedScore = (row: { replaced: string | null }): number | null => parseReplaced(row.replaced)?.score ?? null;
