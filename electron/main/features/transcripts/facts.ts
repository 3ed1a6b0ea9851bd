import type { Db } from '../../../../db/client';
import { getGpaMethod } from '../../../../db/queries/grades';
import { getSettings } from '../../../../db/queries/settings';
import { getTranscriptSettings, type TranscriptStudentRow } from '../../../../db/queries/transcripts';
import { computeGpa, formatGpa, type GpaMethod } from '../../../../shared/domain/grades';
import type { TranscriptCourse, TranscriptInput, TranscriptLang, TranscriptSchool } from '../../../../shared/domain/transcripts';
import { studentCourses } from '../grades/gpa';

/** What every transcript of one run shares: the school's names and its GPA method, read once. */
export interface TranscriptCommon {
  school: TranscriptSchool;
  method: GpaMethod;
  majorNamesEn: Record<string, string>;
}

export function transcriptCommon(db: Db): TranscriptCommon {
  const { schoolName, departmentName } = getSettings(db);
  const t = getTranscriptSettings(db);
  return {
    school: { name: schoolName, department: departmentName, nameEn: t.schoolNameEn, departmentEn: t.departmentNameEn },
    method: getGpaMethod(db),
    majorNamesEn: t.majorNamesEn,
  };
}

/** The GPA's totals as grades.gpa gives them: decimal texts, the GPA rounded for display. */
export interface TranscriptTotals {
  creditsEarned: string;
  creditsCounted: string;
  gpaText: string;
}

/**
 * A student's transcript input: each course the student has grades in, under the plan that applies
 * (the grades feature's studentCourses, the rule grades.gpa uses), with the attempt that counts and
 * its grade point from the same computeGpa run as the totals — so the transcript prints exactly
 * what grades.gpa answers.
 */
export function transcriptInput(db: Db, s: TranscriptStudentRow, common: TranscriptCommon, lang: TranscriptLang, printedOn: string): TranscriptInput & { totals: TranscriptTotals } {
  const { courses } = studentCourses(db, s.id);
  const result = computeGpa(courses, common.method);
  const lines = result.courses.map((line, i) => {
    const c = courses[i]!;
    return {
      position: c.plan.position,
      code: c.course.code,
      name: c.plan.name,
      nameEn: c.plan.nameEn,
      credits: line.credits.toFixed(),
      hours: c.plan.hours,
      nature: c.plan.nature,
      assessment: c.plan.assessment,
      term: c.first,
      attempt: line.attempt && { kind: line.attempt.kind, score: line.attempt.score, absent: line.attempt.absent, void: line.attempt.void },
      gradePoint: line.gradePoint === null ? null : line.gradePoint.toFixed(),
    };
  });
  // Within a term in the plan's order (公共基础 first, as the plan lists them), then by code.
  lines.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.position - b.position || (a.code < b.code ? -1 : 1)));
  return {
    lang,
    school: common.school,
    student: {
      name: s.name,
      gender: s.gender,
      birthDate: s.birthDate,
      studentNo: s.studentNo,
      majorName: s.majorName,
      majorNameEn: s.majorId === null ? '' : (common.majorNamesEn[String(s.majorId)] ?? ''),
      level: s.level,
      lengthYears: s.lengthYears,
      className: s.className,
      enrolmentDate: s.enrolmentDate,
    },
    courses: lines.map(({ position: _p, ...c }): TranscriptCourse => c),
    totals: { creditsEarned: result.creditsEarned.toFixed(), creditsCounted: result.creditsCounted.toFixed(), gpaText: formatGpa(result.gpa) },
    method: common.method,
    printedOn,
  };
}
