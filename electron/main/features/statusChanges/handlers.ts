import { listClasses } from '../../../../db/queries/org';
import { getStatusChange, listStatusChanges, openOrderMessage, openStatusChange } from '../../../../db/queries/status-changes';
import {
  chainFor, clearAbsence, flagAbsence, getAbsence, holidayCalendar, listPolicies, openAbsence, replaceCalendar, saveChain, savePolicy,
} from '../../../../db/queries/status-change-config';
import { getStudent } from '../../../../db/queries/students';
import { displayNameLookup } from '../../../../db/queries/users';
import {
  chainProblem, checkTransition, policyOn, policyProblem, resumeCohort, STATUS_CHANGE_TYPES, suggestedEnd, termOf,
} from '../../../../shared/domain/status-changes';
import { chainName } from '../../../../shared/domain/approval-chains';
import { holidayCalendarProblems } from '../../../../shared/domain/working-days';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';
import { localDay } from '../../core/local-day';
import { orderItEnds } from './checks';
import { dataOf, toDetail, toStatusChange } from './dto';
import { amendOrder, attachEvidence, decideOrder, fileOrder, recordService, withdrawOrder } from './engine';
import { exportMonth } from './export';
import { printForm } from './form';
import { statusChangeSettings } from './settings';
import { statusChangeTodo } from './todo';

/**
 * 学籍异动: work orders (学籍异动申请) that move through their approval chain and change the student
 * only when finally approved. The engine is engine.ts; the rules are shared/domain/status-changes.
 */
export const statusChangesHandlers: FeatureHandlers<'statusChanges'> = {
  'statusChanges.list': ({ states, type, studentId, page, pageSize }, ctx) => {
    const db = ctx.db();
    const actor = ctx.actor();
    const { rows, total } = listStatusChanges(db, { states, type, studentId, classScope: ctx.scope(), limit: pageSize, offset: page * pageSize });
    const nameOf = displayNameLookup(db);
    const calendar = holidayCalendar(db);
    return { rows: rows.map((r) => toStatusChange(db, r, actor, nameOf, calendar)), total };
  },

  'statusChanges.get': ({ id }, ctx) => {
    const r = getStatusChange(ctx.db(), id);
    if (!r) throw new AppError('NOT_FOUND', '找不到该学籍异动');
    return toDetail(ctx.db(), r, ctx.actor());
  },

  // What the filing form suggests: the model's refusal up front, the term, the end date by policy,
  // and for a 复学 the class of the cohort the student rejoins (接续学业).
  'statusChanges.draft': ({ studentId, type, subtype, effectiveDate, amending }, ctx) => {
    const db = ctx.db();
    const s = getStudent(db, studentId);
    if (!s) throw new AppError('NOT_FOUND', '找不到该学生');
    const t = checkTransition(type, { status: s.status, registered: s.registered }, subtype);
    // Said before anything is typed: an open order stops filing another for the same student.
    const open = openStatusChange(db, s.id);
    const blocking = open && open.id !== amending ? open : null;
    const policy = policyOn(listPolicies(db), effectiveDate);
    let targetClassId: number | null = null;
    const ended = orderItEnds(db, type, s.id);
    if (ended && s.classId) {
      const classes = listClasses(db);
      const from = classes.find((c) => c.id === s.classId);
      if (from) {
        const cohort = resumeCohort(from.cohortYear, dataOf(ended).effectiveDate, effectiveDate);
        targetClassId = classes.find((c) => c.majorId === from.majorId && c.cohortYear === cohort)?.id ?? null;
      }
    }
    return {
      refusal: blocking ? openOrderMessage(blocking.id) : t.ok ? null : t.message,
      term: termOf(effectiveDate),
      expectedEnd: suggestedEnd(type, subtype, effectiveDate, policy),
      targetClassId,
      evidence: [...STATUS_CHANGE_TYPES[type].evidence],
      steps: chainFor(db, type),
    };
  },

  'statusChanges.file': (input, ctx) => fileOrder(ctx, input),
  'statusChanges.amend': (input, ctx) => amendOrder(ctx, input),
  'statusChanges.decide': (input, ctx) => decideOrder(ctx, input),
  'statusChanges.withdraw': ({ id }, ctx) => withdrawOrder(ctx, id),
  'statusChanges.attach': (input, ctx) => attachEvidence(ctx, input),
  'statusChanges.recordService': (input, ctx) => recordService(ctx, input),
  'statusChanges.todo': (_input, ctx) => statusChangeTodo(ctx),
  'statusChanges.settings': (_input, ctx) => statusChangeSettings(ctx.db()),

  'statusChanges.saveChain': ({ type, steps }, ctx) => {
    const problem = chainProblem(steps);
    if (problem) throw new AppError('VALIDATION', problem, 'steps');
    const now = new Date(ctx.core.now()).toISOString();
    ctx.write((tx, actor) => {
      saveChain(tx, type, steps, actor.username, now);
      return { value: null, audit: [{ action: 'statusChanges.saveChain', entity: 'settings', entityId: null, summary: `修改${chainName(type)}的审批流程：${steps.map((s) => s.label).join(' → ')}` }] };
    });
    return statusChangeSettings(ctx.db());
  },

  'statusChanges.savePolicy': (policy, ctx) => {
    const problem = policyProblem(policy);
    if (problem) throw new AppError('VALIDATION', problem);
    const now = new Date(ctx.core.now()).toISOString();
    ctx.write((tx, actor) => {
      savePolicy(tx, policy, actor.username, now);
      return { value: null, audit: [{ action: 'statusChanges.savePolicy', entity: 'settings', entityId: null, summary: `修改学籍管理规定参数（自 ${policy.effectiveFrom} 起）`, changes: [{ field: 'policy', before: null, after: policy }] }] };
    });
    return statusChangeSettings(ctx.db());
  },

  'statusChanges.saveCalendar': (calendar, ctx) => {
    const problems = holidayCalendarProblems({ holidays: calendar.holidays.map((d) => d.day), workdays: calendar.workdays.map((d) => d.day) });
    if (problems.length) throw new AppError('VALIDATION', problems[0]!, 'calendar', problems.map((message) => ({ message })));
    ctx.write((tx) => {
      replaceCalendar(tx, calendar);
      return { value: null, audit: [{ action: 'statusChanges.saveCalendar', entity: 'settings', entityId: null, summary: `修改节假日安排（放假 ${calendar.holidays.length} 天，调休上班 ${calendar.workdays.length} 天）` }] };
    });
    return statusChangeSettings(ctx.db());
  },

  'statusChanges.flagAbsent': ({ studentId, since, note }, ctx) => {
    const db = ctx.db();
    const s = getStudent(db, studentId);
    if (!s) throw new AppError('NOT_FOUND', '找不到该学生');
    if (s.status !== 'enrolled') throw new AppError('VALIDATION', '只有在籍在校的学生需要登记缺勤', 'studentId');
    if (since > localDay(ctx.core.now())) throw new AppError('VALIDATION', '缺勤开始日期不能晚于今天', 'since');
    if (openAbsence(db, studentId)) throw new AppError('CONFLICT', '该学生已登记为缺勤，请先解除原登记');
    const now = new Date(ctx.core.now()).toISOString();
    ctx.write((tx, actor) => {
      flagAbsence(tx, { studentId, since, note: note ?? '', by: actor.username, at: now });
      return { value: null, audit: [{ action: 'statusChanges.flagAbsent', entity: 'student', entityId: studentId, summary: `登记缺勤：${s.name}，自 ${since} 起${note ? `（${note}）` : ''}` }] };
    });
    return null;
  },

  'statusChanges.clearAbsent': ({ id }, ctx) => {
    const f = getAbsence(ctx.db(), id);
    if (!f) throw new AppError('NOT_FOUND', '找不到该缺勤登记');
    const now = new Date(ctx.core.now()).toISOString();
    ctx.write((tx, actor) => {
      if (!clearAbsence(tx, id, actor.username, now)) throw new AppError('CONFLICT', '该缺勤登记已经解除');
      return { value: null, audit: [{ action: 'statusChanges.clearAbsent', entity: 'student', entityId: f.studentId, summary: `解除缺勤登记（自 ${f.since} 起，${localDay(ctx.core.now())} 解除）` }] };
    });
    return null;
  },

  'statusChanges.exportMonth': (input, ctx) => exportMonth(ctx, input),
  'statusChanges.form': (input, ctx) => printForm(ctx, input),
};
