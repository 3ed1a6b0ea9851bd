import type { z } from 'zod';
import type { Db } from '../../../../db/client';
import { auditAppender } from '../../../../db/queries/audit';
import { attemptsOf, classStudents, deleteGrade, insertGrade, nextAttemptNo, updateGrade, type ClassStudent, type GradeRow } from '../../../../db/queries/grades';
import type { PlanCourseRow } from '../../../../db/queries/plans';
import { readGradeEntry, scoreToText, type AttemptKind } from '../../../../shared/domain/grades';
import { studentNoText } from '../../../../shared/domain/student-no';
import type { GradeEntryInput, SaveGradesInput } from '../../../../shared/ipc/schemas/grades';
import type { AppErrorData } from '../../../../shared/ipc/result';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { courseAndClass, gradeGrid } from './grid';

type Entry = z.output<typeof GradeEntryInput>;
type Issue = NonNullable<AppErrorData['issues']>[number];
type Values = Pick<GradeRow, 'kind' | 'score' | 'absent' | 'void' | 'term'>;

/** What one entry does: a new attempt, a change to a recorded one, its removal, or nothing. */
type Op =
  | { op: 'insert'; student: ClassStudent; values: Values }
  | { op: 'update'; student: ClassStudent; target: GradeRow; values: Values }
  | { op: 'delete'; student: ClassStudent; target: GradeRow }
  | { op: 'same' };

const ONE_PER_STUDENT: readonly AttemptKind[] = ['正考', '缓考', '免修'];

/** A grade as the audit trail shows it: '85', '缺考', '78（作弊）', '免修'. */
export function gradeText(v: Pick<GradeRow, 'kind' | 'score' | 'absent' | 'void'>): string {
  if (v.absent) return '缺考';
  if (v.void) return v.score === null ? '作弊' : `${v.score}（作弊）`;
  return v.score ?? (v.kind === '免修' ? '免修' : '');
}

const sameValues = (a: Values, b: Values) => a.kind === b.kind && a.score === b.score && a.absent === b.absent && a.void === b.void && a.term === b.term;

/** A problem with one entry: the entry's field it is about, and the reason in words. */
interface Problem {
  field: 'score' | 'attempt' | 'attemptNo';
  message: string;
}

/**
 * Plans one entry against the student's recorded attempts, or says what is wrong with it. Which
 * attempt an entry means: the one numbered attemptNo; else the student's 正考 (缓考, 免修: one
 * each); else the 补考/重修 taken in the entry's term; else a new attempt.
 */
function planEntry(e: Entry, course: PlanCourseRow, saveTerm: string, student: ClassStudent, recorded: readonly GradeRow[]): Op | Problem {
  const lookupTerm = e.term ?? saveTerm;
  const find = (kind: AttemptKind): GradeRow | Problem | undefined => {
    if (e.attemptNo !== undefined) return recorded.find((g) => g.attemptNo === e.attemptNo) ?? { field: 'attemptNo', message: `没有第 ${e.attemptNo} 次考试记录` };
    if (ONE_PER_STUDENT.includes(kind)) return recorded.find((g) => g.kind === kind);
    const same = recorded.filter((g) => g.kind === kind && g.term === lookupTerm);
    return same.length > 1 ? { field: 'attemptNo', message: `${lookupTerm} 有 ${same.length} 条${kind}记录，请指明是第几次` } : same[0];
  };
  if (e.remove) {
    const target = find(e.attempt);
    if (target && 'message' in target) return target;
    return target ? { op: 'delete', student, target } : { op: 'same' };
  }
  const read = readGradeEntry({ kind: e.attempt, score: e.score, absent: e.absent, void: e.void }, course.scale, lookupTerm);
  if (!read.ok) return { field: 'score', message: read.problem };
  const a = read.value;
  const target = find(a.kind);
  if (target && 'message' in target) return target;
  const values: Values = { kind: a.kind, score: scoreToText(a.score), absent: a.absent, void: a.void, term: e.term ?? target?.term ?? saveTerm };
  if (target && ONE_PER_STUDENT.includes(a.kind)) {
    const other = recorded.find((g) => g.kind === a.kind && g.attemptNo !== target.attemptNo);
    if (other) return { field: 'attempt', message: `已有${a.kind}记录（第 ${other.attemptNo} 次），每门课程只能有一条` };
  }
  if (!target) return { op: 'insert', student, values };
  return sameValues(target, values) ? { op: 'same' } : { op: 'update', student, target, values };
}

/** The key two entries of one save must not share: the attempt they write. */
const opKey = (o: Exclude<Op, { op: 'same' }>) =>
  o.op === 'insert' ? `${o.student.id}:new:${o.values.kind}:${ONE_PER_STUDENT.includes(o.values.kind) ? '' : o.values.term}` : `${o.student.id}:${o.target.attemptNo}`;

/**
 * grades.save: every entry is read with the grid's own rules (readGradeEntry) and placed against
 * the recorded attempts, all inside one transaction; any problem refuses the whole save with each
 * row named, and nothing is written. The save is one audit entry with a part per grade changed.
 */
export function saveGrades(ctx: CallContext, input: z.output<typeof SaveGradesInput>) {
  const at = new Date(ctx.core.now());
  return ctx.write((db, actor) => {
    const { course, cls } = courseAndClass(db, input.courseId, input.classId);
    const roster = new Map(classStudents(db, cls.id).map((s) => [s.id, s]));
    const recorded = new Map<number, GradeRow[]>();
    const attempts = (id: number) => recorded.get(id) ?? recorded.set(id, attemptsOf(db, id, course.code)).get(id)!;
    const issues: Issue[] = [];
    const ops: Exclude<Op, { op: 'same' }>[] = [];
    const firstRow = new Map<string, number>();
    let unchanged = 0;
    input.entries.forEach((e, i) => {
      const row = i + 1;
      const student = roster.get(e.studentId);
      const problem = (field: string, message: string) => issues.push({ row, field: `entries.${i}.${field}`, message: `第 ${row} 行${student ? ` ${student.name}（${studentNoText(student.studentNo)}）` : ''}${e.attempt}：${message}` });
      if (!student) return problem('studentId', `该学生不在${cls.name}`);
      const op = planEntry(e, course, input.term, student, attempts(student.id));
      if ('message' in op) return problem(op.field, op.message);
      if (op.op === 'same') return void unchanged++;
      const key = opKey(op);
      const earlier = firstRow.get(key);
      if (earlier !== undefined) return problem('attempt', `与第 ${earlier} 行是同一条考试记录`);
      firstRow.set(key, row);
      ops.push(op);
    });
    if (issues.length) {
      throw new AppError('VALIDATION', `有 ${issues.length} 处成绩无法保存，本次未保存任何成绩。${issues[0]!.message}`, issues[0]!.field, issues);
    }
    const counts = writeOps(db, ops, course, cls.name, actor, at);
    return { value: { ...counts, unchanged, grid: gradeGrid(db, course, cls) }, audit: [] };
  });
}

/** Removals first, then changes, then new attempts (numbered after the student's last). */
function writeOps(db: Db, ops: Exclude<Op, { op: 'same' }>[], course: PlanCourseRow, className: string, actor: { userId: number; username: string }, at: Date) {
  const counts = { added: ops.filter((o) => o.op === 'insert').length, updated: ops.filter((o) => o.op === 'update').length, removed: ops.filter((o) => o.op === 'delete').length };
  if (!ops.length) return counts;
  const who = { userId: actor.userId, username: actor.username };
  // The save and its parts through one appender: the log lists the save once and expands it.
  const audit = auditAppender(db, at);
  const done = [counts.added && `新增 ${counts.added} 条`, counts.updated && `修改 ${counts.updated} 条`, counts.removed && `删除 ${counts.removed} 条`].filter(Boolean).join('、');
  const batch = audit.add({
    ...who, action: 'grades.save', entity: 'grades', entityId: course.id,
    summary: `录入成绩：${className} ${course.code} ${course.name}，${done}`,
    changes: [{ field: 'className', before: null, after: className }, { field: 'course', before: null, after: `${course.code} ${course.name}` }],
  });
  const stamp = { enteredBy: actor.username, enteredAt: at.toISOString() };
  const order = { delete: 0, update: 1, insert: 2 } as const;
  for (const o of [...ops].sort((a, b) => order[a.op] - order[b.op])) {
    let attemptNo: number;
    let before: string | null = null;
    let after: string | null = null;
    if (o.op === 'delete') {
      deleteGrade(db, o.target.id);
      attemptNo = o.target.attemptNo;
      before = gradeText(o.target);
    } else if (o.op === 'update') {
      updateGrade(db, o.target.id, { ...o.values, ...stamp });
      attemptNo = o.target.attemptNo;
      [before, after] = [gradeText(o.target), gradeText(o.values)];
    } else {
      attemptNo = nextAttemptNo(db, o.student.id, course.code);
      insertGrade(db, { studentId: o.student.id, courseId: course.id, courseCode: course.code, attemptNo, ...o.values, ...stamp, batchId: null });
      after = gradeText(o.values);
    }
    const { kind, term } = o.op === 'delete' ? o.target : o.values;
    audit.add({
      ...who, action: 'grades.save', entity: 'student', entityId: o.student.id, parentId: batch.id,
      summary: `${o.student.name}（${studentNoText(o.student.studentNo)}）${course.code} ${course.name} ${kind}（第 ${attemptNo} 次，${term}）：${before ?? '（无）'} → ${after ?? '（删除）'}`,
      changes: [{ field: 'grade', before, after }],
    });
  }
  audit.finish();
  return counts;
}
