/**
 * The grade import's writer, its batches and their undo. A commit is one transaction written in
 * steps: the batch (import_batches, spec 'grades'), every attempt numbered after the student's
 * last at that course (in the file: by term, then 正考/缓考 before 补考 before 重修), each carrying
 * the batch and its stamp (who, when), and the audit trail — the batch's entry with one part per
 * student. Undo removes exactly the batch's grades, and refuses while any of them was changed or
 * removed since, or another attempt was recorded after one of them.
 */
import { auditAppender } from '../../../../../../db/queries/audit';
import {
  batchGradeCount, batchGrades, deleteBatchGrades, firstChangedGrade, firstLaterAttempt, gradeWriter, type BatchGrade,
} from '../../../../../../db/queries/grade-imports';
import { insertBatch, listBatches, markBatchUndone, type BatchRow } from '../../../../../../db/queries/imports';
import type { AttemptKind } from '../../../../../../shared/domain/grades';
import type { ImportBatch } from '../../../../../../shared/ipc/schemas/imports';
import { studentNoText, studentTag } from '../../../../../../shared/domain/student-no';
import type { Actor, CallContext } from '../../../../core/context';
import { AppError } from '../../../../core/errors';
import { gradeText } from '../../../grades/save';
import type { WriteSteps } from '../../spec';
import type { GradeEvaluation, GradePlan } from './evaluate';
import type { z } from 'zod';

/** Attempts written between two turns of the event loop. */
const STEP_ROWS = 2000;

const KIND_ORDER: Readonly<Record<AttemptKind, number>> = { 正考: 0, 缓考: 0, 免修: 0, 补考: 1, 重修: 2 };

/** In the order their numbers are given: per student and course, by term, then kind, then row. */
const byAttemptOrder = (a: GradePlan, b: GradePlan) =>
  a.student.id - b.student.id ||
  (a.course.code < b.course.code ? -1 : a.course.code > b.course.code ? 1 : 0) ||
  (a.term < b.term ? -1 : a.term > b.term ? 1 : 0) ||
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
  a.row - b.row;

/** One line of an audit part: MATH101 高等数学 正考（第 1 次，2025-2026-1）：85. */
const gradeLine = (g: { courseCode: string; courseName: string; kind: string; attemptNo: number; term: string; score: string | null; absent: boolean | number; void: boolean | number }) =>
  `${g.courseCode} ${g.courseName} ${g.kind}（第 ${g.attemptNo} 次，${g.term}）：${gradeText({ kind: g.kind as AttemptKind, score: g.score, absent: Boolean(g.absent), void: Boolean(g.void) }) || '无成绩'}`;

export interface GradeWriteMeta {
  fileName: string;
  sheet: string;
}

export async function writeGrades(ctx: CallContext, actor: Actor, ev: GradeEvaluation, meta: GradeWriteMeta, steps: WriteSteps) {
  if (!ev.plans.length) return { batchId: null, written: 0, students: 0, courses: 0 };
  const at = new Date(ctx.core.now());
  const stamp = { enteredBy: actor.username, enteredAt: at.toISOString() };
  const plans = [...ev.plans].sort(byAttemptOrder);
  const students = new Set(plans.map((p) => p.student.id)).size;
  const courses = new Set(plans.map((p) => p.course.code)).size;
  const skipped = ev.rows - plans.length;
  return ctx.core.folder.transactionInSteps(async (db) => {
    steps.begun();
    const batch = insertBatch(db, {
      spec: 'grades', fileName: meta.fileName, sheet: meta.sheet, mode: 'add', rows: ev.rows, imported: plans.length, updated: 0, skipped,
      keyChangeRequests: 0, createdBy: stamp.enteredBy, createdAt: stamp.enteredAt,
    });
    const write = gradeWriter(db, { batchId: batch.id, ...stamp });
    const appender = auditAppender(db, at);
    const who = { userId: actor.userId, username: actor.username };
    // The batch's own entry first; one part per student lists the grades written for them.
    const head = appender.add({
      ...who, action: 'grades.import', entity: 'import', entityId: batch.id,
      summary: `导入成绩《${meta.fileName}》（工作表“${meta.sheet}”）：共 ${ev.rows} 行，导入 ${plans.length} 条成绩（${students} 名学生、${courses} 门课程），跳过 ${skipped} 行`,
      changes: [
        { field: 'fileName', before: null, after: meta.fileName },
        { field: 'sheet', before: null, after: meta.sheet },
        { field: 'rows', before: null, after: ev.rows },
        { field: 'imported', before: null, after: plans.length },
        { field: 'skipped', before: null, after: skipped },
      ],
    });
    const tag = `导入成绩批次 #${batch.id}《${meta.fileName}》`;
    let lines: string[] = [];
    const next = new Map<string, number>();
    for (let i = 0; i < plans.length; i++) {
      if (i > 0 && i % STEP_ROWS === 0) await steps.step(i, plans.length);
      const p = plans[i]!;
      const key = `${p.student.id}|${p.course.code}`;
      const attemptNo = next.get(key) ?? (ev.recorded.get(key)?.at(-1)?.attemptNo ?? 0) + 1;
      next.set(key, attemptNo + 1);
      write({ studentId: p.student.id, courseId: p.course.id, courseCode: p.course.code, attemptNo, kind: p.kind, score: p.score, absent: p.absent, void: p.void, term: p.term });
      lines.push(gradeLine({ courseCode: p.course.code, courseName: p.course.name, attemptNo, kind: p.kind, term: p.term, score: p.score, absent: p.absent, void: p.void }));
      if (plans[i + 1]?.student.id !== p.student.id) {
        appender.add({
          ...who, action: 'grades.import', entity: 'student', entityId: p.student.id, parentId: head.id,
          summary: `${tag}：${p.student.name}（${studentNoText(p.student.studentNo)}）${lines.length} 条成绩`,
          changes: [{ field: 'grades', before: null, after: lines }],
        });
        lines = [];
      }
    }
    steps.finishing();
    appender.finish();
    return { batchId: batch.id, written: plans.length, students, courses };
  });
}

// ---------------------------------------------------------------------------
// Batches and undo

const gradeTag = (g: BatchGrade) => `学生 ${studentTag(g.studentName, g.studentNo)}的 ${g.courseCode} ${g.courseName} ${g.kind}（第 ${g.attemptNo} 次）`;

/** Why the batch cannot be undone now; null when it can. */
function blockedReason(ctx: CallContext, b: BatchRow): string | null {
  if (b.undoneAt) return `该批次已于 ${b.undoneAt.slice(0, 16).replace('T', ' ')} 由 ${b.undoneBy ?? ''} 撤销`;
  const db = ctx.db();
  const changed = firstChangedGrade(db, b.id, { enteredBy: b.createdBy, enteredAt: b.createdAt });
  if (changed) return `${gradeTag(changed)}成绩在导入后已被修改，不能撤销此批次`;
  const left = batchGradeCount(db, b.id);
  if (left < b.imported) return `本批次导入的成绩中有 ${b.imported - left} 条在导入后已被删除，不能撤销此批次`;
  const later = firstLaterAttempt(db, b.id);
  if (later) return `${gradeTag(later)}在导入后录入，撤销会使它失去之前的考试记录，不能撤销此批次`;
  return null;
}

export function gradeBatches(ctx: CallContext): z.infer<typeof ImportBatch>[] {
  return listBatches(ctx.db(), 'grades').map((b) => {
    const reason = blockedReason(ctx, b);
    return {
      id: b.id, spec: 'grades', fileName: b.fileName, createdBy: b.createdBy, createdAt: b.createdAt, mode: b.mode, rows: b.rows, imported: b.imported,
      updated: b.updated, skipped: b.skipped, undoneAt: b.undoneAt, undoable: reason === null, undoBlockedReason: reason,
    };
  });
}

export function undoGrades(ctx: CallContext, b: BatchRow): { removed: number; restored: number } {
  const actor = ctx.actor();
  const at = new Date(ctx.core.now());
  return ctx.core.folder.transaction((db) => {
    // Checked inside the transaction: nothing changes between the check and the delete.
    const reason = blockedReason(ctx, b);
    if (reason) throw new AppError('CONFLICT', reason);
    const grades = batchGrades(db, b.id);
    const appender = auditAppender(db, at);
    const who = { userId: actor.userId, username: actor.username };
    const tag = `撤销导入成绩批次 #${b.id}《${b.fileName}》`;
    const head = appender.add({
      ...who, action: 'imports.undo', entity: 'import', entityId: b.id,
      summary: `${tag}：删除该批次导入的 ${grades.length} 条成绩`, changes: [{ field: 'undoneAt', before: null, after: at.toISOString() }],
    });
    for (let i = 0; i < grades.length; ) {
      const first = grades[i]!;
      let j = i;
      while (j < grades.length && grades[j]!.studentId === first.studentId) j++;
      const lines = grades.slice(i, j).map(gradeLine);
      appender.add({
        ...who, action: 'imports.undo', entity: 'student', entityId: first.studentId, parentId: head.id,
        summary: `${tag}：删除 ${first.studentName}（${studentNoText(first.studentNo)}）导入的 ${lines.length} 条成绩`,
        changes: [{ field: 'grades', before: lines, after: null }],
      });
      i = j;
    }
    const removed = deleteBatchGrades(db, b.id);
    markBatchUndone(db, b.id, actor.username, at.toISOString());
    appender.finish();
    return { removed, restored: 0 };
  });
}
