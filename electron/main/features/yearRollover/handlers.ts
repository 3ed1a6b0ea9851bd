import { auditAppender } from '../../../../db/queries/audit';
import {
  classFacts, enrolledByClass, enrolledInClasses, enrolledWithoutClass, getRollover, insertRollover, lastRollover, markGraduating, undoRollover,
} from '../../../../db/queries/year-rollover';
import type { Db } from '../../../../db/client';
import {
  canUndoRollover, planRollover, rolloverDefaultDay, schoolYearLabel, schoolYearOf, studyYearLabel, type RolloverLine,
} from '../../../../shared/domain/school-year';
import { studentNoText } from '../../../../shared/domain/student-no';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';
import { localDay } from '../../core/local-day';

/**
 * The 学年 the department is in: the last roll-over's; before the first one, the 学年 the app was set
 * up in (not today's: the 学年 moves only when the admin confirms the roll-over, not on 1 August by
 * itself).
 */
function currentYear(db: Db, now: number): number {
  const last = lastRollover(db);
  if (last) return last.toYear;
  const first = (db.$client.prepare('SELECT min(at) AS at FROM audit_log').get() as { at: string | null }).at;
  return schoolYearOf(localDay(first ? Date.parse(first) : now));
}

function plan(db: Db, fromYear: number): RolloverLine[] {
  return planRollover(enrolledByClass(db).map((c) => ({ ...c, lengthYears: Number.parseFloat(c.lengthYears) || 3 })), fromYear);
}

/** The whole department moves: a user limited to some classes may not do it for everyone. */
function assertUnscoped(ctx: CallContext) {
  if (ctx.scope()) throw new AppError('FORBIDDEN', '学年升级涉及全系学生，需由不受数据范围限制的管理员操作。');
}

/**
 * 学年升级 (issue 14): preview per class, apply in one transaction — the 学年 moves on, every 在籍在校
 * student's 在读年级 with it (their trail says so: one batch entry and one entry per student), and
 * the cohorts now in their last year are marked 毕业年级 for the graduation work — and undo the
 * same day.
 */
export const yearRolloverHandlers: FeatureHandlers<'yearRollover'> = {
  'yearRollover.preview': ({ effectiveOn }, ctx) => {
    assertUnscoped(ctx);
    const db = ctx.db();
    const now = ctx.core.now();
    const fromYear = currentYear(db, now);
    const lines = plan(db, fromYear);
    const last = lastRollover(db);
    return {
      fromYear, toYear: fromYear + 1, fromLabel: schoolYearLabel(fromYear), toLabel: schoolYearLabel(fromYear + 1),
      effectiveOn: effectiveOn ?? rolloverDefaultDay(fromYear + 1),
      lines,
      totals: { students: lines.reduce((n, l) => n + l.students, 0), graduating: lines.filter((l) => l.graduating).reduce((n, l) => n + l.students, 0), withoutClass: enrolledWithoutClass(db) },
      last: last ? { id: last.id, fromYear: last.fromYear, toYear: last.toYear, appliedAt: last.appliedAt, appliedBy: last.appliedBy, canUndo: canUndoRollover(last.appliedAt, now) } : null,
    };
  },

  'yearRollover.apply': ({ effectiveOn, fromYear }, ctx) => {
    assertUnscoped(ctx);
    const now = ctx.core.now();
    const at = new Date(now);
    if (schoolYearOf(effectiveOn) !== fromYear + 1) throw new AppError('VALIDATION', `升级日期应在${schoolYearLabel(fromYear + 1)}内（通常为 ${rolloverDefaultDay(fromYear + 1)}）`, 'effectiveOn');
    // Not ahead of time: confirmed early, a cohort would be marked 毕业年级 a year too soon.
    if (effectiveOn > localDay(now)) throw new AppError('VALIDATION', `升级日期 ${effectiveOn} 还没到，请到当天或之后再升级`, 'effectiveOn');
    return ctx.write((db, actor) => {
      // Read inside the transaction: two windows confirming at once cannot both roll the year on.
      if (currentYear(db, now) !== fromYear) throw new AppError('CONFLICT', `系里已经是${schoolYearLabel(currentYear(db, now))}，请刷新后再看。`);
      // One read of the students: the per-class counts of the plan come from it too.
      const students = enrolledInClasses(db);
      const counts = new Map<number, number>();
      for (const s of students) counts.set(s.classId, (counts.get(s.classId) ?? 0) + 1);
      const lines = planRollover(
        classFacts(db).filter((c) => counts.has(c.classId)).map((c) => ({ ...c, lengthYears: Number.parseFloat(c.lengthYears) || 3, students: counts.get(c.classId)! })),
        fromYear,
      );
      // Each class's move in words, once (an entry per student repeats it).
      const byClass = new Map(lines.map((l) => [l.classId, { ...l, move: `${studyYearLabel(l.fromStudyYear)} → ${studyYearLabel(l.toStudyYear)}` }]));
      const row = insertRollover(db, { fromYear, toYear: fromYear + 1, effectiveOn, appliedBy: actor.username, appliedAt: at.toISOString(), summary: JSON.stringify(lines) });
      const graduating = markGraduating(db, row.id, lines.filter((l) => l.graduating).map((l) => l.classId));
      const marked = new Set(graduating);
      // The batch and its parts go through one appender (ctx.write's own entries would come after them).
      const audit = auditAppender(db, at);
      const who = { userId: actor.userId, username: actor.username };
      const batch = audit.add({
        ...who, action: 'yearRollover.apply', entity: 'students', entityId: null,
        summary: `学年升级：${schoolYearLabel(fromYear)} → ${schoolYearLabel(fromYear + 1)}（${effectiveOn} 起），在籍在校 ${students.length} 人升入下一年级，${graduating.length} 人标记为毕业年级`,
        changes: [{ field: 'schoolYear', before: fromYear, after: fromYear + 1 }],
      });
      for (const s of students) {
        const l = byClass.get(s.classId)!;
        audit.add({
          ...who, action: 'yearRollover.apply', entity: 'student', entityId: s.id, parentId: batch.id,
          summary: `学年升级：${s.name}（${studentNoText(s.studentNo)}）${l.move}${marked.has(s.id) ? '，毕业年级' : ''}`,
          changes: [{ field: 'studyYear', before: l.fromStudyYear, after: l.toStudyYear }, ...(marked.has(s.id) ? [{ field: 'graduating', before: false, after: true }] : [])],
        });
      }
      audit.finish();
      return { value: { id: row.id, toYear: fromYear + 1, students: students.length, graduating: graduating.length }, audit: [] };
    });
  },

  'yearRollover.undo': ({ id }, ctx) => {
    assertUnscoped(ctx);
    const now = ctx.core.now();
    const iso = new Date(now).toISOString();
    return ctx.write((db, actor) => {
      // Checked inside the write: another connection (the CLI) may have rolled on since.
      const r = getRollover(db, id);
      if (!r) throw new AppError('NOT_FOUND', '找不到该次学年升级');
      if (r.undoneAt) throw new AppError('CONFLICT', '该次学年升级已经撤销。');
      if (lastRollover(db)?.id !== r.id) throw new AppError('CONFLICT', '只能撤销最近一次学年升级。');
      if (!canUndoRollover(r.appliedAt, now)) throw new AppError('CONFLICT', '学年升级只能在当天撤销；之后请按学籍异动逐个调整。');
      const cleared = undoRollover(db, r.id, actor.username, iso);
      const students = (JSON.parse(r.summary) as RolloverLine[]).reduce((n, l) => n + l.students, 0);
      return {
        value: { id: r.id, toYear: r.fromYear, students, graduating: cleared },
        audit: [{ action: 'yearRollover.undo', entity: 'students', entityId: null, summary: `撤销学年升级：回到${schoolYearLabel(r.fromYear)}，取消 ${cleared} 人的毕业年级标记`, changes: [{ field: 'schoolYear', before: r.toYear, after: r.fromYear }] }],
      };
    });
  },
};
