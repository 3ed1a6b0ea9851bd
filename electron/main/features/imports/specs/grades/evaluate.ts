/**
 * The grade import's database checks and its plan. Each checked row is placed against the records:
 * the student (by 学号, else 身份证号; both given must be the same student, a 姓名 given must be
 * theirs), the course (its code in the plan the student's class studies under, as plans.forClass),
 * the term (the row's, else the course's term for the class's cohort) and the attempt (one 正考,
 * 缓考, 免修 per course; one 补考/重修 per course and term — in the file and against the records).
 * A row already recorded exactly so is left out with a note, anything else that clashes is an
 * error on the cell that says so. Synchronous: commit runs it under the write gate.
 */
import type { Db } from '../../../../../../db/client';
import { attemptsOfStudents, classesWithPlans, type ImportClass, type PlanInForce, type RecordedAttempt } from '../../../../../../db/queries/grade-imports';
import type { ExistingStudent } from '../../../../../../db/queries/imports';
import type { PlanCourseRow } from '../../../../../../db/queries/plans';
import { cohortTerm, scaleProblem, scoreToText, type AttemptKind } from '../../../../../../shared/domain/grades';
import { cellRef, GRADES_CATALOGUE, makeIssue, type GradeFieldKey, type ImportErrorCode } from '../../../../../../shared/domain/import';
import { studentTag } from '../../../../../../shared/domain/student-no';
import { headerOfFor } from '../../sheet';
import type { EvaluationBase } from '../../spec';
import { loadStudentKeys, nameKey, studentMatcher, type StudentKeyLookups } from '../students-by-key';
import type { GradeIssue, GradeRows, RowAttempt } from './check';
import { gradeText } from '../../../grades/save';

/** What the checks compare the file against, read in one go (open reads it while the file is parsed). */
export interface GradeLookups extends StudentKeyLookups {
  classes: Map<number, ImportClass>;
  planOf: Map<number, PlanInForce | null>;
}

export function loadGradeLookups(db: Db): GradeLookups {
  return { ...loadStudentKeys(db), ...classesWithPlans(db) };
}

/** One attempt to write. */
export interface GradePlan {
  row: number;
  student: ExistingStudent;
  course: PlanCourseRow;
  kind: AttemptKind;
  score: string | null;
  absent: boolean;
  void: boolean;
  term: string;
}

export interface GradeEvaluation extends EvaluationBase {
  plans: GradePlan[];
  /** Recorded attempts of the students written, by `${studentId}|${code}` (their numbers go on from these). */
  recorded: Map<string, RecordedAttempt[]>;
  alreadyRecorded: number;
}

/** 正考, 缓考 and 免修 are taken once per course; 补考 and 重修 once per course and term. */
const ONCE: readonly AttemptKind[] = ['正考', '缓考', '免修'];
const slotOf = (kind: string, term: string) => (ONCE.includes(kind as AttemptKind) ? kind : `${kind}（${term}）`);


/** A recorded or planned attempt in the words of a message: 正考（第 1 次，2025-2026-1）85. */
const attemptWords = (a: { kind: string; score: string | null; absent: boolean | number; void: boolean | number; term: string; attemptNo?: number }) =>
  `${a.kind}（${a.attemptNo ? `第 ${a.attemptNo} 次，` : ''}${a.term}）${gradeText({ kind: a.kind as AttemptKind, score: a.score, absent: Boolean(a.absent), void: Boolean(a.void) }) || '无成绩'}`;

const sameAttempt = (r: RecordedAttempt, p: { kind: string; score: string | null; absent: boolean; void: boolean; term: string }) =>
  r.kind === p.kind && r.score === p.score && Boolean(r.absent) === p.absent && Boolean(r.void) === p.void && r.term === p.term;

interface Placed {
  index: number;
  row: number;
  issues: GradeIssue[];
  student: ExistingStudent | null;
  course: PlanCourseRow | null;
  attempt: (RowAttempt & { term: string }) | null;
  skip: boolean;
}

export function evaluateGrades(db: Db, checked: GradeRows, lookups: GradeLookups, scope: readonly number[] | null): GradeEvaluation {
  const headerOf = headerOfFor(checked.layout.headers, checked.mapping, GRADES_CATALOGUE);
  const matcher = studentMatcher(lookups, scope);
  const names = new Map<number, string>();

  const placed: Placed[] = checked.rows.map((r) => {
    const issues = [...r.issues];
    const add = (field: GradeFieldKey, code: ImportErrorCode, reason: string, severity: 'error' | 'warning' = 'error') =>
      issues.push(makeIssue({ row: r.row, column: headerOf(field), field, code, message: `${cellRef(r.row, headerOf(field))}：${reason}`, severity }));
    const out: Placed = { index: r.index, row: r.row, issues, student: null, course: null, attempt: null, skip: false };
    if (r.name) names.set(r.row, r.name);

    // The student.
    const student = matcher.find(r, add);
    if (!student) return out;
    out.student = student;
    if (!r.name) names.set(r.row, student.name);

    // The course, in the plan the student's class studies under.
    const cls = student.classId === null ? undefined : lookups.classes.get(student.classId);
    const plan = cls ? lookups.planOf.get(cls.id) : null;
    if (!r.courseCode) return out;
    if (!cls) {
      add('courseCode', 'NO_PLAN', `学生 ${studentTag(student.name, student.studentNo)}没有班级，无法确定适用的培养方案`);
      return out;
    }
    if (!plan) {
      add('courseCode', 'NO_PLAN', `${cls.name}没有适用的人才培养方案（本专业 ${cls.cohortYear} 级及以前年级都没有），请先在“培养方案”中建立`);
      return out;
    }
    const course = plan.courses.get(r.courseCode);
    if (!course) {
      add('courseCode', 'UNKNOWN_COURSE', `课程代码 ${r.courseCode} 不在${cls.name}适用的培养方案（${plan.majorName} ${plan.cohortYear} 级第 ${plan.version} 版）中`);
      return out;
    }
    out.course = course;
    if (r.courseName && nameKey(r.courseName) !== nameKey(course.name)) {
      add('courseName', 'COURSE_NAME_MISMATCH', `课程代码 ${course.code} 在培养方案中是“${course.name}”，文件中为“${r.courseName}”；按课程代码导入`, 'warning');
    }
    if (!r.attempt) return out;
    const problem = scaleProblem(course.scale, r.attempt.score);
    if (problem) add('score', 'GRADE_SCALE_MISMATCH', `${problem}；按文件原样记录`, 'warning');
    out.attempt = { ...r.attempt, term: r.term ?? cohortTerm(cls.cohortYear, course.term) };
    return out;
  });

  // Each attempt against the records and the other rows: one 正考 per course, one 补考 per term…
  const students = [...new Set(placed.flatMap((p) => (p.student && p.attempt ? [p.student.id] : [])))];
  const recorded = attemptsOfStudents(db, students);
  const bySlot = new Map<string, Placed[]>();
  for (const p of placed) {
    if (!p.student || !p.course || !p.attempt) continue;
    const key = `${p.student.id}|${p.course.code}|${slotOf(p.attempt.kind, p.attempt.term)}`;
    const list = bySlot.get(key);
    if (list) list.push(p);
    else bySlot.set(key, [p]);
  }
  for (const group of bySlot.values()) {
    const first = group[0]!;
    const [student, course, attempt] = [first.student!, first.course!, first.attempt!];
    const slot = slotOf(attempt.kind, attempt.term);
    const who = `${studentTag(student.name, student.studentNo)}的 ${course.code} ${course.name}`;
    const kindIssue = (p: Placed, code: ImportErrorCode, reason: string, severity: 'error' | 'warning' = 'error') =>
      p.issues.push(makeIssue({ row: p.row, column: headerOf('kind'), field: 'kind', code, message: `${cellRef(p.row, headerOf('kind'))}：${reason}`, severity }));
    if (group.length > 1) {
      for (const p of group) {
        const others = group.filter((x) => x !== p).map((x) => x.row).join('、');
        kindIssue(p, 'DUPLICATE_IN_FILE', `与第 ${others} 行是同一次考试：${who}只能有一条${slot}`);
      }
      continue;
    }
    const p = first;
    const values = { kind: attempt.kind, score: scoreToText(attempt.score), absent: attempt.absent, void: attempt.void, term: attempt.term };
    const existing = (recorded.get(`${student.id}|${course.code}`) ?? []).find((g) => slotOf(g.kind, g.term) === slot);
    if (!existing) continue;
    if (sameAttempt(existing, values)) {
      kindIssue(p, 'ALREADY_RECORDED', `系统中已有${who}的这条成绩（${attemptWords(existing)}），该行不再导入`, 'warning');
      p.skip = true;
    } else {
      kindIssue(p, 'ATTEMPT_EXISTS', `系统中已有${who}的${attemptWords(existing)}，文件中为 ${attemptWords(values)}；每门课程只能有一条${ONCE.includes(attempt.kind) ? attempt.kind : `同一学期的${attempt.kind}`}，如需更正请在“成绩录入”中修改`);
    }
  }

  const issues: GradeIssue[] = [];
  const issuesByIndex = new Map<number, GradeIssue[]>();
  const plans: GradePlan[] = [];
  let valid = 0;
  let alreadyRecorded = 0;
  for (const p of placed) {
    if (p.issues.length) {
      issuesByIndex.set(p.index, p.issues);
      for (const i of p.issues) issues.push(i);
    }
    if (p.issues.some((i) => i.severity === 'error')) continue;
    valid++;
    if (p.skip) {
      alreadyRecorded++;
      continue;
    }
    const a = p.attempt!;
    plans.push({ row: p.row, student: p.student!, course: p.course!, kind: a.kind, score: scoreToText(a.score), absent: a.absent, void: a.void, term: a.term });
  }
  return {
    rows: checked.rows.length, valid, invalid: checked.rows.length - valid, names, issues, issuesByIndex, writes: plans.length, plans, recorded, alreadyRecorded,
  };
}
