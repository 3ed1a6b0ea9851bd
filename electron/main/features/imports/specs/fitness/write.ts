/**
 * The 体质健康 import's writer, its batches and their undo. A commit is one transaction written in
 * steps: the batch (import_batches, spec 'fitness'; imported = new scores, updated = replaced ones),
 * every score with the batch and its stamp (a replaced one keeps what it was in `replaced`), and the
 * audit trail — the batch's entry with one part per student. Undo deletes the scores the batch
 * added and puts back the ones it replaced; it waits while a later import replaced one of them
 * (undo that one first), and refuses when one was removed since.
 */
import type { z } from 'zod';
import { auditAppender } from '../../../../../../db/queries/audit';
import { batchFitness, firstReplacedLater, fitnessWriter, replacedScore, undoFitnessRow, type BatchFitness } from '../../../../../../db/queries/fitness-imports';
import { insertBatch, listBatches, markBatchUndone, type BatchRow } from '../../../../../../db/queries/imports';
import { fitnessScoreText, schoolYearText } from '../../../../../../shared/domain/graduation/fitness';
import { studentNoText, studentTag } from '../../../../../../shared/domain/student-no';
import type { ImportBatch } from '../../../../../../shared/ipc/schemas/imports';
import type { Actor, CallContext } from '../../../../core/context';
import { AppError } from '../../../../core/errors';
import type { WriteSteps } from '../../spec';
import type { FitnessEvaluation } from './evaluate';

/** Scores written between two turns of the event loop. */
const STEP_ROWS = 2000;

/** One line of an audit part: 2025-2026 学年 总分 85.5（原为 72）. */
const scoreLine = (schoolYear: number, score: number, was: number | null) =>
  `${schoolYearText(schoolYear)} 学年 总分 ${fitnessScoreText(score)}${was === null ? '' : `（原为 ${fitnessScoreText(was)}）`}`;

export async function writeFitness(ctx: CallContext, actor: Actor, ev: FitnessEvaluation, meta: { fileName: string; sheet: string }, steps: WriteSteps) {
  if (!ev.plans.length) return { batchId: null, written: 0, replaced: 0, students: 0 };
  const at = new Date(ctx.core.now());
  const stamp = { enteredBy: actor.username, enteredAt: at.toISOString() };
  const plans = [...ev.plans].sort((a, b) => a.student.id - b.student.id || a.schoolYear - b.schoolYear);
  const replaced = plans.filter((p) => p.existing).length;
  const students = new Set(plans.map((p) => p.student.id)).size;
  const skipped = ev.rows - plans.length;
  return ctx.core.folder.transactionInSteps(async (db) => {
    steps.begun();
    const batch = insertBatch(db, {
      spec: 'fitness', fileName: meta.fileName, sheet: meta.sheet, mode: 'add', rows: ev.rows, imported: plans.length - replaced, updated: replaced, skipped,
      keyChangeRequests: 0, createdBy: stamp.enteredBy, createdAt: stamp.enteredAt,
    });
    const write = fitnessWriter(db, { batchId: batch.id, ...stamp });
    const appender = auditAppender(db, at);
    const who = { userId: actor.userId, username: actor.username };
    const head = appender.add({
      ...who, action: 'fitness.import', entity: 'import', entityId: batch.id,
      summary: `导入体质健康测试成绩《${meta.fileName}》（工作表“${meta.sheet}”）：共 ${ev.rows} 行，导入 ${plans.length} 条成绩（${students} 名学生，其中替换原有成绩 ${replaced} 条），跳过 ${skipped} 行`,
      changes: [
        { field: 'fileName', before: null, after: meta.fileName },
        { field: 'sheet', before: null, after: meta.sheet },
        { field: 'rows', before: null, after: ev.rows },
        { field: 'imported', before: null, after: plans.length - replaced },
        { field: 'updated', before: null, after: replaced },
        { field: 'skipped', before: null, after: skipped },
      ],
    });
    const tag = `导入体质健康测试成绩批次 #${batch.id}《${meta.fileName}》`;
    let before: string[] = [];
    let after: string[] = [];
    for (let i = 0; i < plans.length; i++) {
      if (i > 0 && i % STEP_ROWS === 0) await steps.step(i, plans.length);
      const p = plans[i]!;
      write({ studentId: p.student.id, schoolYear: p.schoolYear, score: p.score }, p.existing);
      if (p.existing) before.push(scoreLine(p.schoolYear, p.existing.score, null));
      after.push(scoreLine(p.schoolYear, p.score, p.existing?.score ?? null));
      if (plans[i + 1]?.student.id !== p.student.id) {
        appender.add({
          ...who, action: 'fitness.import', entity: 'student', entityId: p.student.id, parentId: head.id,
          summary: `${tag}：${p.student.name}（${studentNoText(p.student.studentNo)}）${after.join('；')}`,
          changes: [{ field: 'fitnessScores', before: before.length ? before : null, after }],
        });
        before = [];
        after = [];
      }
    }
    steps.finishing();
    appender.finish();
    return { batchId: batch.id, written: plans.length, replaced, students };
  });
}

// ---------------------------------------------------------------------------
// Batches and undo

const rowTag = (r: { studentName: string; studentNo: string | null; schoolYear: number }) => `学生 ${studentTag(r.studentName, r.studentNo)}的 ${schoolYearText(r.schoolYear)} 学年体质健康测试成绩`;

/** Why the batch cannot be undone now; null when it can. */
function blockedReason(ctx: CallContext, b: BatchRow): string | null {
  if (b.undoneAt) return `该批次已于 ${b.undoneAt.slice(0, 16).replace('T', ' ')} 由 ${b.undoneBy ?? ''} 撤销`;
  const db = ctx.db();
  const later = firstReplacedLater(db, b.id);
  if (later) return `${rowTag(later)}已被之后的导入批次 #${later.by} 替换，请先撤销批次 #${later.by}`;
  const rows = batchFitness(db, b.id);
  const changed = rows.find((r) => r.enteredBy !== b.createdBy || r.enteredAt !== b.createdAt);
  if (changed) return `${rowTag(changed)}在导入后已被修改，不能撤销此批次`;
  if (rows.length < b.imported + b.updated) return `本批次导入的成绩中有 ${b.imported + b.updated - rows.length} 条在导入后已被删除（如学生已删除），不能撤销此批次`;
  return null;
}

export function fitnessBatches(ctx: CallContext): z.infer<typeof ImportBatch>[] {
  return listBatches(ctx.db(), 'fitness').map((b) => {
    const reason = blockedReason(ctx, b);
    return {
      id: b.id, spec: 'fitness', fileName: b.fileName, createdBy: b.createdBy, createdAt: b.createdAt, mode: b.mode, rows: b.rows, imported: b.imported,
      updated: b.updated, skipped: b.skipped, undoneAt: b.undoneAt, undoable: reason === null, undoBlockedReason: reason,
    };
  });
}

export function undoFitness(ctx: CallContext, b: BatchRow): { removed: number; restored: number } {
  const actor = ctx.actor();
  const at = new Date(ctx.core.now());
  return ctx.core.folder.transaction((db) => {
    // Checked inside the transaction: nothing changes between the check and the undo.
    const reason = blockedReason(ctx, b);
    if (reason) throw new AppError('CONFLICT', reason);
    const rows = batchFitness(db, b.id);
    const restored = rows.filter((r) => r.replaced !== null).length;
    const appender = auditAppender(db, at);
    const who = { userId: actor.userId, username: actor.username };
    const tag = `撤销导入体质健康测试成绩批次 #${b.id}《${b.fileName}》`;
    const head = appender.add({
      ...who, action: 'imports.undo', entity: 'import', entityId: b.id,
      summary: `${tag}：删除该批次新增的 ${rows.length - restored} 条成绩，恢复被替换的 ${restored} 条`,
      changes: [{ field: 'undoneAt', before: null, after: at.toISOString() }],
    });
    const byStudent = new Map<number, BatchFitness[]>();
    for (const r of rows) byStudent.set(r.studentId, [...(byStudent.get(r.studentId) ?? []), r]);
    for (const list of byStudent.values()) {
      const first = list[0]!;
      const back = list.filter((r) => r.replaced !== null).map((r) => scoreLine(r.schoolYear, replacedScore(r)!, null));
      appender.add({
        ...who, action: 'imports.undo', entity: 'student', entityId: first.studentId, parentId: head.id,
        summary: `${tag}：${first.studentName}（${studentNoText(first.studentNo)}）${list.map((r) => (r.replaced === null ? `删除 ${scoreLine(r.schoolYear, r.score, null)}` : `恢复为 ${scoreLine(r.schoolYear, replacedScore(r)!, null)}`)).join('；')}`,
        changes: [{ field: 'fitnessScores', before: list.map((r) => scoreLine(r.schoolYear, r.score, null)), after: back.length ? back : null }],
      });
    }
    for (const r of rows) undoFitnessRow(db, r);
    markBatchUndone(db, b.id, actor.username, at.toISOString());
    appender.finish();
    return { removed: rows.length - restored, restored };
  });
}
