/**
 * The 体质健康 import's database checks and its plan. Each checked row is placed against the records:
 * the student (by 学号, else 身份证号; both given must be the same student, a 姓名 given must be
 * theirs; within the caller's 数据范围) and the score already recorded for that student and 学年 —
 * the same 总分 again is left out with a note, another one replaces it (a note says so; the batch's
 * undo puts it back). Two rows for one student and 学年 in the file are an error on both: which one
 * counts is not for the import to guess. Synchronous: commit runs it under the write gate.
 */
import type { Db } from '../../../../../../db/client';
import { fitnessKey, recordedFitness, type RecordedFitness } from '../../../../../../db/queries/fitness-imports';
import type { ExistingStudent } from '../../../../../../db/queries/imports';
import { fitnessScoreText, schoolYearText } from '../../../../../../shared/domain/graduation/fitness';
import { cellRef, FITNESS_CATALOGUE, makeIssue, type FitnessFieldKey, type ImportErrorCode } from '../../../../../../shared/domain/import';
import { studentTag } from '../../../../../../shared/domain/student-no';
import { headerOfFor } from '../../sheet';
import type { EvaluationBase } from '../../spec';
import { loadStudentKeys, studentMatcher, type StudentKeyLookups } from '../students-by-key';
import type { FitnessIssue, FitnessRows } from './check';

/** What the checks compare the file against, read in one go (open reads it while the file is parsed). */
export interface FitnessLookups extends StudentKeyLookups {
  recorded: Map<string, RecordedFitness>;
}

export function loadFitnessLookups(db: Db): FitnessLookups {
  return { ...loadStudentKeys(db), recorded: recordedFitness(db) };
}

/** One score to write; `existing` is the one it replaces. */
export interface FitnessPlan {
  row: number;
  student: ExistingStudent;
  schoolYear: number;
  score: number;
  existing: RecordedFitness | null;
}

export interface FitnessEvaluation extends EvaluationBase {
  plans: FitnessPlan[];
  alreadyRecorded: number;
}


interface Placed {
  index: number;
  row: number;
  issues: FitnessIssue[];
  student: ExistingStudent | null;
  schoolYear: number | null;
  score: number | null;
  existing: RecordedFitness | null;
  skip: boolean;
}

export function evaluateFitness(checked: FitnessRows, lookups: FitnessLookups, scope: readonly number[] | null): FitnessEvaluation {
  const headerOf = headerOfFor(checked.layout.headers, checked.mapping, FITNESS_CATALOGUE);
  const matcher = studentMatcher(lookups, scope);
  const names = new Map<number, string>();
  const issueOn = (p: { row: number; issues: FitnessIssue[] }, field: FitnessFieldKey, code: ImportErrorCode, reason: string, severity: 'error' | 'warning' = 'error') =>
    p.issues.push(makeIssue({ row: p.row, column: headerOf(field), field, code, message: `${cellRef(p.row, headerOf(field))}：${reason}`, severity }));

  const placed: Placed[] = checked.rows.map((r) => {
    const out: Placed = { index: r.index, row: r.row, issues: [...r.issues], student: null, schoolYear: r.schoolYear, score: r.score, existing: null, skip: false };
    const add = (field: FitnessFieldKey, code: ImportErrorCode, reason: string) => issueOn(out, field, code, reason);
    if (r.name) names.set(r.row, r.name);
    const student = matcher.find(r, add);
    if (!student) return out;
    out.student = student;
    if (!r.name) names.set(r.row, student.name);
    return out;
  });

  // One score per student and 学年: in the file, then against the records.
  const bySlot = new Map<string, Placed[]>();
  for (const p of placed) {
    if (!p.student || p.schoolYear === null) continue;
    const key = fitnessKey(p.student.id, p.schoolYear);
    const list = bySlot.get(key);
    if (list) list.push(p);
    else bySlot.set(key, [p]);
  }
  for (const [key, group] of bySlot) {
    const first = group[0]!;
    const who = `${studentTag(first.student!.name, first.student!.studentNo)}的 ${schoolYearText(first.schoolYear!)} 学年`;
    if (group.length > 1) {
      for (const p of group) {
        const others = group.filter((x) => x !== p).map((x) => x.row).join('、');
        issueOn(p, 'schoolYear', 'DUPLICATE_IN_FILE', `与第 ${others} 行重复：${who}只能有一个总分，请删去多余的行`);
      }
      continue;
    }
    const existing = lookups.recorded.get(key);
    if (!existing || first.score === null) continue;
    if (existing.score === first.score) {
      issueOn(first, 'score', 'ALREADY_RECORDED', `系统中已有${who}总分 ${fitnessScoreText(existing.score)}，与文件相同，该行不再导入`, 'warning');
      first.skip = true;
    } else {
      first.existing = existing;
      issueOn(first, 'score', 'SCORE_REPLACES', `系统中已有${who}总分 ${fitnessScoreText(existing.score)}（${existing.enteredBy} 录入），导入后改为 ${fitnessScoreText(first.score)}；撤销本次导入可恢复`, 'warning');
    }
  }

  const issues: FitnessIssue[] = [];
  const issuesByIndex = new Map<number, FitnessIssue[]>();
  const plans: FitnessPlan[] = [];
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
    plans.push({ row: p.row, student: p.student!, schoolYear: p.schoolYear!, score: p.score!, existing: p.existing });
  }
  return { rows: checked.rows.length, valid, invalid: checked.rows.length - valid, names, issues, issuesByIndex, writes: plans.length, plans, alreadyRecorded };
}
