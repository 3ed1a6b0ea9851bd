/**
 * The roster spec's writer: writing an import (one transaction: classes it creates, students, guardians, history, change
 * requests, the batch and its items, the audit trail) and undoing a batch.
 */
import { auditAppender, diffFields, type AuditEntry, type FieldChange } from '../../../../../../db/queries/audit';
import {
  batchItems, deleteCreatedStudents, createdStudentWithRecords, firstChangedItem, importWriters, insertBatch, listBatches, markBatchUndone, noteNumbersAssigned,
  withSearchIndexDeferred, type BatchRow,
} from '../../../../../../db/queries/imports';
import { fileKeyChange, KeyChangeOpenError, withdrawKeyChange } from '../../../../../../db/queries/keyChanges';
import { insertClass } from '../../../../../../db/queries/org';
import { getStudent, getStudentsByIds, replaceGuardians, updateStudentRow, type StudentRow } from '../../../../../../db/queries/students';
import { classes } from '../../../../../../db/schema';
import type { Db } from '../../../../../../db/client';
import { eq } from 'drizzle-orm';
import { studentTag, studentNoText } from '../../../../../../shared/domain/student-no';
import { getStudentNoRule } from '../../../../../../db/queries/student-numbers';
import { assignNumbers, type NumberingResult } from '../../../studentNumbers/assign';
import type { ImportBatch } from '../../../../../../shared/ipc/schemas/imports';
import { fieldLabel } from '../../../../../../shared/domain/student-fields';
import { keyChangeRequestSummary, REQUEST_STATUS_FIELD } from '../../../../../../shared/domain/key-changes';
import type { Actor, CallContext } from '../../../../core/context';
import { AppError } from '../../../../core/errors';
import { AUDITED_STUDENT_FIELDS } from '../../../students/handlers';
import type { WriteSteps } from '../../spec';
import type { ClassRef, Evaluation, GuardianInput, ImportSettings } from './validate';
import type { z } from 'zod';

type Audit = Omit<AuditEntry, 'userId' | 'username'>;

/** Copied once, not per row (diffFields wants a mutable list). */
const AUDITED: (keyof StudentRow & string)[] = [...AUDITED_STUDENT_FIELDS];

const guardianText = (list: readonly { name: string; relation: string; phone?: string | null }[]) =>
  list.map((g) => `${g.relation} ${g.name} ${g.phone ?? ''}`.trim()).join('；');


export interface CommitMeta {
  fileName: string;
  sheet: string;
  settings: ImportSettings;
  /** 学号编排 of the new students without a 学号, by the saved rule, in the same transaction. */
  assignStudentNo?: boolean;
}

/** Rows written between two turns of the event loop (~0.1 s of work at a time). */
const STEP_ROWS = 500;

/**
 * The checks plan no request for a student who has one open (a warning on the row instead). One
 * filed since they ran (by another connection) makes the plan stale: the whole import rolls back.
 */
function fileImportRequest(db: Db, row: number, s: StudentRow, v: Parameters<typeof fileKeyChange>[1]) {
  try {
    return fileKeyChange(db, v);
  } catch (e) {
    if (!(e instanceof KeyChangeOpenError)) throw e;
    throw new AppError('CONFLICT', `第 ${row} 行：学生 ${s.name}${s.studentNo ? `（学号 ${s.studentNo}）` : ''}在检查之后已有一份正在办理的变更申请（第 ${e.open.id} 号），本次导入未写入任何数据，请重新检查后再导入。`);
  }
}

export interface CommitCounts {
  batchId: number | null;
  imported: number;
  updated: number;
  keyChangeRequests: number;
  /** What 学号编排 did for the new students (when asked for). */
  numbering: NumberingResult | null;
}

/**
 * Executes the plan of an evaluation in ONE transaction, written in steps (see WriteSteps). Call
 * it under core.writeGate.exclusive, right after evaluate(): nothing else can change the database
 * from the checks to the end of the write.
 */
export async function writeImport(ctx: CallContext, actor: Actor, ev: Evaluation, meta: CommitMeta, steps: WriteSteps): Promise<CommitCounts> {
  if (!ev.plans.length) return { batchId: null, imported: 0, updated: 0, keyChangeRequests: 0, numbering: null };
  const nowDate = new Date(ctx.core.now());
  const now = nowDate.toISOString();
  const today = now.slice(0, 10);
  const by = actor.username;
  return ctx.core.folder.transactionInSteps(async (db) => {
    steps.begun();
    const w = importWriters(db);
    const appender = auditAppender(db, nowDate);
    const imported = ev.plans.filter((p) => p.kind === 'add').length;
    const updated = ev.plans.filter((p) => p.kind === 'update' && p.changes).length;
    const requests = ev.plans.filter((p) => p.kind === 'update' && p.keyChange).length;
    const skipped = ev.rows - imported - updated;
    const batch = insertBatch(db, {
      spec: 'roster', fileName: meta.fileName, sheet: meta.sheet, mode: meta.settings.mode, rows: ev.rows, imported, updated, skipped,
      keyChangeRequests: requests, createdBy: by, createdAt: now,
    });
    const batchTag = `导入批次 #${batch.id}《${meta.fileName}》`;
    const newClassNames = [...ev.newClasses.values()].map((c) => c.name);
    const numbering = meta.assignStudentNo && ev.plans.some((p) => p.kind === 'add' && !p.record.studentNo);

    // The batch's own entry comes first; every entry below is part of it (the log lists the import
    // once and expands it to these rows).
    const head = appender.add({
      userId: actor.userId, username: actor.username,
      action: 'imports.commit', entity: 'import', entityId: batch.id,
      summary: `导入《${meta.fileName}》（工作表“${meta.sheet}”，${meta.settings.mode === 'add' ? '新增学生' : '更新已有学生'}）：共 ${ev.rows} 行，新建 ${imported} 人，更新 ${updated} 人，跳过 ${skipped} 行${requests ? `，提交变更申请 ${requests} 份` : ''}${newClassNames.length ? `，新建班级 ${newClassNames.join('、')}` : ''}${numbering ? '，按学号规则为没有学号的新生编排学号' : ''}`,
      changes: [
        { field: 'fileName', before: null, after: meta.fileName },
        { field: 'sheet', before: null, after: meta.sheet },
        { field: 'mode', before: null, after: meta.settings.mode },
        { field: 'rows', before: null, after: ev.rows },
        { field: 'imported', before: null, after: imported },
        { field: 'updated', before: null, after: updated },
        { field: 'skipped', before: null, after: skipped },
        { field: 'keyChangeRequests', before: null, after: requests },
      ],
    });
    const audit = (a: Audit) => appender.add({ ...a, userId: actor.userId, username: actor.username, parentId: head.id });

    // Classes named in the file that do not exist yet.
    const created = new Map<string, { id: number; name: string }>();
    for (const nc of ev.newClasses.values()) {
      const row = insertClass(db, { name: nc.name, majorId: nc.majorId, cohortYear: nc.cohortYear, headTeacher: null, establishedOn: `${nc.cohortYear}-09`, lengthYears: nc.lengthYears, classType: '普通班', createdAt: now, updatedAt: now });
      created.set(nc.name, { id: row.id, name: row.name });
      audit({ action: 'org.createClass', entity: 'class', entityId: row.id, summary: `导入《${meta.fileName}》时新建班级 ${row.name}`, changes: diffFields(null, row, ['name', 'majorId', 'cohortYear', 'establishedOn', 'lengthYears', 'classType']) });
    }
    const classOf = (ref: ClassRef | null): { id: number; name: string } | null => (ref ? ('create' in ref ? created.get(ref.create) ?? null : ref) : null);

    const unnumbered: number[] = [];
    const writePlans = async () => {
      const total = ev.plans.length;
      for (let i = 0; i < total; i++) {
        if (i > 0 && i % STEP_ROWS === 0) await steps.step(i, total);
        const p = ev.plans[i]!;
        if (p.kind === 'add') {
          const cls = classOf(p.classRef);
          const record = { ...p.record, classId: cls?.id ?? null, createdAt: now, updatedAt: now };
          const { id, version } = w.insertStudent(record, p.searchKeys);
          if (!record.studentNo) unnumbered.push(id);
          if (p.guardian) w.insertGuardian(id, p.guardian);
          w.statusHistory(id, null, record.status ?? 'enrolled', today, '建档（批量导入）', by, now);
          if (cls) w.classHistory(id, cls.id, cls.name, today, by);
          w.item({ batchId: batch.id, studentId: id, action: 'created', rowNo: p.row, studentNo: record.studentNo ?? null, studentName: record.name, versionAfter: version });
          const changes: FieldChange[] = diffFields(null, record as Partial<StudentRow>, AUDITED);
          if (p.guardian) changes.push({ field: 'guardians', before: null, after: guardianText([p.guardian]) });
          audit({ action: 'imports.commit', entity: 'student', entityId: id, summary: `${batchTag}第 ${p.row} 行：新建学生档案 ${record.name}（${studentNoText(record.studentNo)}）`, changes });
          continue;
        }
        const before = p.before;
        let after: StudentRow = before;
        if (p.changes) {
          const cls = classOf(p.classRef);
          const patch = { ...p.patch, ...(cls ? { classId: cls.id } : {}), updatedAt: now };
          after = updateStudentRow(db, before.id, patch);
          if (p.guardians) replaceGuardians(db, before.id, p.guardians);
          if (before.status !== after.status) w.statusHistory(after.id, before.status, after.status, today, '档案修改（批量导入）', by, now);
          if (before.classId !== after.classId && cls) w.classHistory(after.id, cls.id, cls.name, today, by);
          w.item({
            batchId: batch.id, studentId: after.id, action: 'updated', rowNo: p.row, studentNo: after.studentNo, studentName: after.name, versionAfter: after.version,
            before: JSON.stringify({ student: before, guardians: p.beforeGuardians.map((g) => ({ name: g.name, relation: g.relation, phone: g.phone, workUnit: g.workUnit })) }),
          });
          const changes = diffFields(before, after, AUDITED);
          if (p.guardians) changes.push({ field: 'guardians', before: guardianText(p.beforeGuardians), after: guardianText(p.guardians) });
          audit({ action: 'imports.commit', entity: 'student', entityId: after.id, summary: `${batchTag}第 ${p.row} 行：修改学生档案 ${after.name}（${studentNoText(after.studentNo)}）`, changes });
        }
        if (p.keyChange) {
          const reason = `${batchTag}第 ${p.row} 行的关键信息与档案不一致（学生已注册，导入不直接修改）`;
          const req = fileImportRequest(db, p.row, after, { studentId: before.id, changes: p.keyChange, reason, requestedBy: by, requestedAt: now });
          w.item({ batchId: batch.id, studentId: before.id, action: 'requested', rowNo: p.row, studentNo: after.studentNo, studentName: after.name, versionAfter: after.version, keyChangeRequestId: req.id });
          audit({ action: 'keyChanges.request', entity: 'student', entityId: before.id, summary: keyChangeRequestSummary(req.id, p.keyChange.map((c) => fieldLabel(c.field)), reason), changes: p.keyChange });
        }
      }
      steps.finishing();
    };

    // Many new students: fill the search index once at the end (see withSearchIndexDeferred).
    if (imported >= 1000) await withSearchIndexDeferred(db, writePlans, steps.pause);
    else await writePlans();

    let numbered: NumberingResult | null = null;
    if (meta.assignStudentNo && unnumbered.length) {
      numbered = assignNumbers(db, { ids: unnumbered }, getStudentNoRule(db), now, batchTag, audit);
      // The batch's record of each student follows, so undo still sees them unchanged since the import.
      noteNumbersAssigned(db, batch.id, numbered.assigned);
    }

    appender.finish();
    return { batchId: batch.id, imported, updated, keyChangeRequests: requests, numbering: numbered };
  });
}

// ---------------------------------------------------------------------------
// Batches and undo

function blockedReason(ctx: CallContext, b: BatchRow): string | null {
  if (b.undoneAt) return `该批次已于 ${b.undoneAt.slice(0, 16).replace('T', ' ')} 由 ${b.undoneBy ?? ''} 撤销`;
  const changed = firstChangedItem(ctx.db(), b.id);
  if (!changed) {
    const kept = createdStudentWithRecords(ctx.db(), b.id);
    return kept ? `学生 ${studentTag(kept.name, kept.studentNo)}在导入后已有${kept.what}，不能撤销此批次` : null;
  }
  return changed.deleted
    ? `学生 ${studentTag(changed.studentName, changed.studentNo)}在导入后已被删除，不能撤销此批次`
    : `学生 ${studentTag(changed.name ?? changed.studentName, changed.studentNo)}在导入后已被修改，不能撤销此批次`;
}

export function batchesDto(ctx: CallContext): z.infer<typeof ImportBatch>[] {
  return listBatches(ctx.db(), 'roster').map((b) => {
    const reason = blockedReason(ctx, b);
    return {
      id: b.id, spec: 'roster', fileName: b.fileName, createdBy: b.createdBy, createdAt: b.createdAt, mode: b.mode, rows: b.rows, imported: b.imported,
      updated: b.updated, skipped: b.skipped, undoneAt: b.undoneAt, undoable: reason === null, undoBlockedReason: reason,
    };
  });
}


export function undoBatch(ctx: CallContext, b: BatchRow): { removed: number; restored: number } {
  const db = ctx.db();
  const id = b.id;
  const reason = blockedReason(ctx, b);
  if (reason) throw new AppError('CONFLICT', reason);
  const items = batchItems(db, id);
  const nowDate = new Date(ctx.core.now());
  const now = nowDate.toISOString();
  const today = now.slice(0, 10);
  const actor = ctx.actor();
  return ctx.core.folder.transaction((tx) => {
    const w = importWriters(tx);
    const appender = auditAppender(tx, nowDate);
    const tag = `撤销导入批次 #${b.id}《${b.fileName}》`;
    const createdStudents = getStudentsByIds(tx, items.filter((it) => it.action === 'created').map((it) => it.studentId)).sort((a, b) => a.id - b.id);
    const toRestore = items.filter((it) => it.action === 'updated' && it.before).length;
    // The undo's own entry first, its per-student entries part of it (one entry in the log, like the import).
    const head = appender.add({
      userId: actor.userId, username: actor.username, action: 'imports.undo', entity: 'import', entityId: id,
      summary: `${tag}：删除新建的学生 ${createdStudents.length} 人，恢复更新前的学生 ${toRestore} 人`, changes: [{ field: 'undoneAt', before: null, after: now }],
    });
    const audit = (a: Audit) => appender.add({ ...a, userId: actor.userId, username: actor.username, parentId: head.id });
    let removed = 0;
    let restored = 0;
    // The students the batch created: audited one by one, deleted in one statement.
    for (const s of createdStudents) {
      audit({ action: 'imports.undo', entity: 'student', entityId: s.id, summary: `${tag}：删除导入时新建的学生档案 ${s.name}（${studentNoText(s.studentNo)}）`, changes: diffFields(s, null, AUDITED) });
    }
    removed = deleteCreatedStudents(tx, b.id);
    for (const it of items) {
      if (it.action === 'updated' && it.before) {
        const saved = JSON.parse(it.before) as { student: StudentRow; guardians: GuardianInput[] };
        const current = getStudent(tx, it.studentId);
        if (!current) continue;
        const patch = Object.fromEntries(AUDITED.map((f) => [f, saved.student[f]])) as Partial<StudentRow>;
        const after = updateStudentRow(tx, current.id, { ...patch, updatedAt: now });
        replaceGuardians(tx, current.id, saved.guardians);
        if (current.status !== after.status) w.statusHistory(after.id, current.status, after.status, today, '撤销导入', actor.username, now);
        if (current.classId !== after.classId && after.classId != null) {
          const c = tx.select().from(classes).where(eq(classes.id, after.classId)).get();
          w.classHistory(after.id, after.classId, c?.name ?? '', today, actor.username);
        }
        restored++;
        audit({ action: 'imports.undo', entity: 'student', entityId: after.id, summary: `${tag}：恢复学生档案 ${after.name}（${studentNoText(after.studentNo)}）导入前的内容`, changes: diffFields(current, after, AUDITED) });
      } else if (it.action === 'requested' && it.keyChangeRequestId) {
        const r = withdrawKeyChange(tx, it.keyChangeRequestId, { by: actor.username, at: now, comment: `${tag}，该申请随之撤回` });
        if (!r) continue;
        audit({ action: 'imports.undo', entity: 'student', entityId: r.studentId, summary: `${tag}：撤回由该批次提交的信息变更申请（第 ${r.id} 号）`, changes: [{ field: REQUEST_STATUS_FIELD, before: 'pending', after: 'withdrawn' }] });
      }
    }
    markBatchUndone(tx, id, actor.username, now);
    appender.finish();
    return { removed, restored };
  });
}
