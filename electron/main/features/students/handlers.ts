import { studentNoText } from '../../../../shared/domain/student-no';
import { diffFields, listAudit } from '../../../../db/queries/audit';
import { getClass } from '../../../../db/queries/org';
import { rosterIds, rosterPage } from '../../../../db/queries/roster';
import { studentsOutside } from '../../../../db/queries/scopes';
import {
  addClassHistory, addStatusHistory, getStudent, getStudentsByIds, insertStudent, likelyDuplicates, listGuardians,
  replaceGuardians, updateStudentRow, type StudentRow,
} from '../../../../db/queries/students';
import { studentRecords } from '../../../../db/schema';
import { eq } from 'drizzle-orm';
import { LOCKED_FIELDS, fieldLabel } from '../../../../shared/domain/student-fields';
import { studentStatusName } from '../../../../shared/domain/codes';
import type { AuditEntry } from '../../../../db/queries/audit';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';
import { exportStudents } from './export';
import { canSeeIdentity, maskFieldValue, maskIdentity } from './masking';
import { loadProfile } from './profile';
import { assertStudentValid } from './validate';

/** The student columns whose changes the audit trail records field by field. */
export const AUDITED_STUDENT_FIELDS = [
  'studentNo', 'examNo', 'name', 'formerName', 'gender', 'birthDate', 'idNumber', 'ethnicityCode', 'politicalStatusCode',
  'nativePlace', 'sourceRegion', 'householdAddress', 'homeAddress', 'phone', 'email', 'enrolmentDate',
  'expectedGraduationDate', 'status', 'classId', 'dormitory', 'notes', 'registered',
] as const satisfies readonly (keyof StudentRow)[];

type Audit = Omit<AuditEntry, 'userId' | 'username'>;
/** The most students one bulk action takes (the contract's limit on ids). */
const MAX_BULK = 20_000;
const today = (ctx: CallContext) => new Date(ctx.core.now());
const isoDay = (ctx: CallContext) => new Date(ctx.core.now()).toISOString().slice(0, 10);

function profileFor(ctx: CallContext, id: number) {
  return loadProfile(ctx.db(), id, canSeeIdentity(ctx.actor().role));
}

function mustGet(ctx: CallContext, id: number): StudentRow {
  const s = getStudent(ctx.db(), id);
  if (!s) throw new AppError('NOT_FOUND', '找不到该学生，可能已被删除');
  return s;
}

/** History rows that follow a change of status or class, written in the same transaction. */
function recordMoves(ctx: CallContext, before: StudentRow | null, after: StudentRow, by: string) {
  const db = ctx.db();
  if (!before || before.status !== after.status) {
    addStatusHistory(db, { studentId: after.id, fromStatus: before?.status ?? null, toStatus: after.status, effective: isoDay(ctx), reason: before ? '档案修改' : '建档', createdBy: by, createdAt: today(ctx).toISOString() });
  }
  if ((before?.classId ?? null) !== after.classId && after.classId != null) {
    const c = getClass(db, after.classId);
    addClassHistory(db, { studentId: after.id, classId: after.classId, className: c?.name ?? '', fromDate: isoDay(ctx), createdBy: by });
  }
}

function guardianSummary(list: { name: string; relation: string; phone?: string | null }[]) {
  return list.map((g) => `${g.relation} ${g.name} ${g.phone ?? ''}`.trim()).join('；');
}

export const studentsHandlers: FeatureHandlers<'students'> = {
  'students.list': (input, ctx) => {
    const full = canSeeIdentity(ctx.actor().role);
    // The order of birth dates would tell what their masked part hides.
    if (!full && input.sort?.field === 'birthDate') throw new AppError('FORBIDDEN', '您的角色只能看到出生年份，不能按出生日期排序');
    const { rows, total } = rosterPage(ctx.db(), input, { identity: full, classIds: ctx.scope() });
    return { rows: full ? rows : rows.map(maskIdentity), total, masked: !full };
  },

  'students.get': ({ id }, ctx) => profileFor(ctx, id),

  'students.ids': ({ filter }, ctx) => rosterIds(ctx.db(), filter, MAX_BULK, { identity: canSeeIdentity(ctx.actor().role), classIds: ctx.scope() }),

  'students.create': ({ guardians, ...input }, ctx) => {
    const idNumber = assertStudentValid(ctx.db(), input, today(ctx));
    const now = today(ctx).toISOString();
    const created = ctx.write((db, actor) => {
      const row = insertStudent(db, { ...input, idNumber, createdAt: now, updatedAt: now });
      replaceGuardians(db, row.id, guardians);
      recordMoves(ctx, null, row, actor.username);
      const changes = diffFields(null, row, [...AUDITED_STUDENT_FIELDS]);
      if (guardians.length) changes.push({ field: 'guardians', before: null, after: guardianSummary(guardians) });
      return { value: row, audit: [{ action: 'students.create', entity: 'student', entityId: row.id, summary: `新建学生档案 ${row.name}（${studentNoText(row.studentNo)}）`, changes }] };
    });
    return profileFor(ctx, created.id);
  },

  'students.update': ({ id, version, patch: { guardians, ...patch } }, ctx) => {
    const before = mustGet(ctx, id);
    if (before.version !== version) throw new AppError('CONFLICT', '该学生档案已被他人修改，请刷新后再保存。');
    if (before.registered) {
      const touched = LOCKED_FIELDS.filter((f) => f in patch && (patch as Record<string, unknown>)[f] !== (before as Record<string, unknown>)[f]);
      if (touched.length) {
        throw new AppError('CONFLICT', `学生已注册，${touched.map(fieldLabel).join('、')}不能直接修改，请提交信息变更申请并经审批。`, touched[0]);
      }
    }
    const merged = { ...before, ...patch };
    const idNumber = assertStudentValid(ctx.db(), merged, today(ctx), id);
    ctx.write((db, actor) => {
      const oldGuardians = listGuardians(db, id);
      const after = updateStudentRow(db, id, { ...patch, ...(patch.idNumber ? { idNumber } : {}), updatedAt: today(ctx).toISOString() });
      const changes = diffFields(before, after, [...AUDITED_STUDENT_FIELDS]);
      if (guardians) {
        replaceGuardians(db, id, guardians);
        const b = guardianSummary(oldGuardians);
        const a = guardianSummary(guardians);
        if (a !== b) changes.push({ field: 'guardians', before: b, after: a });
      }
      recordMoves(ctx, before, after, actor.username);
      return { value: after, audit: changes.length ? [{ action: 'students.update', entity: 'student', entityId: id, summary: `修改学生档案 ${after.name}（${studentNoText(after.studentNo)}）`, changes }] : [] };
    });
    return profileFor(ctx, id);
  },

  'students.register': ({ ids }, ctx) => {
    const targets = getStudentsByIds(ctx.db(), ids).filter((s) => !s.registered);
    ctx.write((db) => {
      const audit: Audit[] = [];
      for (const s of targets) {
        updateStudentRow(db, s.id, { registered: true, updatedAt: today(ctx).toISOString() });
        audit.push({ action: 'students.register', entity: 'student', entityId: s.id, summary: `注册学籍 ${s.name}（${studentNoText(s.studentNo)}），姓名、性别、出生日期、身份证号、照片自此锁定`, changes: [{ field: 'registered', before: false, after: true }] });
      }
      return { value: null, audit };
    });
    return { count: targets.length };
  },

  'students.bulkUpdate': ({ ids, patch }, ctx) => {
    const db = ctx.db();
    if (patch.classId !== undefined && !getClass(db, patch.classId)) throw new AppError('VALIDATION', '所选班级不存在', 'classId');
    const targets = getStudentsByIds(db, ids);
    if (targets.length !== new Set(ids).size) throw new AppError('NOT_FOUND', '所选学生中有已被删除的记录，请刷新后重试');
    const fields = Object.keys(patch) as (keyof typeof patch)[];
    ctx.write((tx, actor) => {
      const audit: Audit[] = [];
      for (const before of targets) {
        const after = updateStudentRow(tx, before.id, { ...patch, updatedAt: today(ctx).toISOString() });
        recordMoves(ctx, before, after, actor.username);
        const changes = diffFields(before, after, fields);
        if (changes.length) audit.push({ action: 'students.bulkUpdate', entity: 'student', entityId: before.id, summary: `批量修改 ${after.name}（${studentNoText(after.studentNo)}）：${fields.map(fieldLabelOrClass).join('、')}`, changes });
      }
      return { value: null, audit };
    });
    return { count: targets.length };
  },

  'students.duplicates': ({ name, birthDate, idNumber, excludeId }, ctx) => {
    const found = likelyDuplicates(ctx.db(), name, birthDate, idNumber, excludeId);
    // Candidates in other counselors' classes are not shown (数据范围).
    const scope = ctx.scope();
    const outside = new Set(scope ? studentsOutside(ctx.db(), found.map((r) => r.id), scope) : []);
    const rows = found.filter((r) => !outside.has(r.id));
    const full = canSeeIdentity(ctx.actor().role);
    return rows.map((r) => ({
      ...(full ? r : maskIdentity(r)),
      reason: idNumber && r.idNumber === idNumber ? '身份证号相同' : '姓名和出生日期相同',
      status: studentStatusName(r.status) ?? r.status,
    }));
  },

  'students.export': (input, ctx) => exportStudents(ctx, input),

  'students.addRecord': ({ studentId, ...rec }, ctx) => {
    const s = mustGet(ctx, studentId);
    const now = today(ctx).toISOString();
    ctx.write((db) => {
      const row = db.insert(studentRecords).values({ studentId, ...rec, level: rec.level ?? null, endDate: rec.endDate ?? null, docNo: rec.docNo ?? null, term: rec.term ?? null, notes: rec.notes ?? null, createdAt: now, updatedAt: now }).returning().get();
      return { value: row, audit: [{ action: `students.addRecord`, entity: 'student', entityId: studentId, summary: `为 ${s.name} 添加${RECORD_LABELS[rec.kind]}：${rec.title}`, changes: diffFields(null, row, ['kind', 'title', 'level', 'date', 'endDate', 'docNo', 'term']) }] };
    });
    return profileFor(ctx, studentId);
  },

  'students.removeRecord': ({ id }, ctx) => {
    const rec = ctx.db().select().from(studentRecords).where(eq(studentRecords.id, id)).get();
    if (!rec) throw new AppError('NOT_FOUND', '找不到该记录');
    ctx.write((db) => {
      db.delete(studentRecords).where(eq(studentRecords.id, id)).run();
      return { value: null, audit: [{ action: 'students.removeRecord', entity: 'student', entityId: rec.studentId, summary: `删除${RECORD_LABELS[rec.kind]}：${rec.title}`, changes: diffFields(rec, null, ['kind', 'title', 'level', 'date', 'endDate', 'docNo', 'term']) }] };
    });
    return profileFor(ctx, rec.studentId);
  },

  'students.history': ({ id }, ctx) => {
    mustGet(ctx, id);
    const rows = listAudit(ctx.db(), { entity: 'student', entityId: String(id), page: 0, pageSize: 500 }).rows;
    if (canSeeIdentity(ctx.actor().role)) return rows;
    // The trail holds full values; roles that see masked data get masked history too.
    return rows.map((r) => ({ ...r, changes: r.changes.map(maskChange) }));
  },
};

/** A history entry's change as a masked reader sees it (guardians: a summary with their phones). */
function maskChange(c: { field: string; before: unknown; after: unknown }) {
  const m = (v: unknown) => (c.field === 'guardians' ? (v == null || v === '' ? v : '（已隐藏）') : maskFieldValue(c.field, v));
  return { ...c, before: m(c.before), after: m(c.after) };
}

const RECORD_LABELS = { reward: '奖励', punishment: '处分', position: '学生干部任职', political: '政治面貌记录' } as const;
const fieldLabelOrClass = (f: string) => (f === 'classId' ? '班级' : fieldLabel(f));
