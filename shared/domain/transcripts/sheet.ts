import { format, parseISO } from 'date-fns';
import { Dec, type AttemptKind, type CourseAssessment, type CourseNature, type GpaMethod, type TextGrade } from '../grades';
import { COLUMNS, ASSESSMENT_EN, KIND_EN, LEVEL_EN, NATURE_EN, WORDS, gradeText, gradingNote, termLabel, type ColumnKey, type TranscriptLang } from './labels';
import { nameInLatin } from './latin-name';

/**
 * A transcript (成绩单) as words in cells, before any layout (issue 15 "Transcripts", DOMAIN.md
 * §8.1): the PDF, the in-app preview and the tests read this one model. Pure: the caller brings
 * the record, each course with the attempt that counts (from the GPA rule, so the grade and the
 * totals printed are the ones grades.gpa answers) and the school's method.
 */

export interface TranscriptSchool {
  name: string;
  department: string;
  /** The school's and department's English names (transcript settings): the English header. */
  nameEn: string;
  departmentEn: string;
}

export interface TranscriptStudent {
  name: string;
  /** '1' 男, '2' 女 (GB/T 2261.1). */
  gender: string;
  birthDate: string;
  studentNo: string | null;
  majorName: string | null;
  /** The major's English name (transcript settings), '' when none. */
  majorNameEn: string;
  level: string | null;
  lengthYears: string | null;
  className: string | null;
  enrolmentDate: string | null;
}

/** One course as printed: the plan's words and the attempt that counts (GPA rule). */
export interface TranscriptCourse {
  code: string;
  name: string;
  nameEn: string;
  /** Credits as decimal text ('2.5'). */
  credits: string;
  hours: number;
  nature: CourseNature;
  assessment: CourseAssessment;
  /** 学年学期 first taken, 'yyyy-yyyy-n': the group it is printed under. */
  term: string;
  /** The attempt that counts; null when there is no result yet (a 缓考 not sat): not printed. */
  attempt: { kind: AttemptKind; score: number | TextGrade | null; absent: boolean; void: boolean } | null;
  /** Unrounded decimal text; null when the course has no grade point (两级制, 免修). */
  gradePoint: string | null;
}

export interface TranscriptInput {
  lang: TranscriptLang;
  school: TranscriptSchool;
  student: TranscriptStudent;
  /** In transcript order: by the term first taken, then code (studentCourses' order). */
  courses: readonly TranscriptCourse[];
  /** From the same GPA result as grades.gpa: decimal texts, the GPA rounded for display. */
  totals: { creditsEarned: string; creditsCounted: string; gpaText: string };
  method: GpaMethod;
  /** Local day of printing, yyyy-MM-dd. */
  printedOn: string;
}

export type TranscriptRow = Record<ColumnKey, string>;

export interface TranscriptSheet {
  lang: TranscriptLang;
  school: string;
  department: string;
  title: string;
  /** Label and value pairs, in reading order. */
  identity: { label: string; value: string }[];
  columns: { key: ColumnKey; label: string }[];
  terms: { term: string; label: string; rows: TranscriptRow[] }[];
  /** 以下空白: printed right after the last row. */
  blank: string;
  totals: { label: string; value: string }[];
  note: string;
  /** Who issues it (the seal goes over these lines), then the print date line. */
  issuer: string[];
  printed: string;
  /** For the page footer: whose transcript a loose page belongs to. */
  owner: string;
}

/** A grade point as printed: two decimals at most, half up, at least one (3.5, 3.27, 4.0). */
export function gradePointText(gp: string | null, lang: TranscriptLang): string {
  if (gp === null) return WORDS[lang].none;
  const fixed = new Dec(gp).toFixed(2, Dec.ROUND_HALF_UP);
  return fixed.endsWith('0') ? fixed.slice(0, -1) : fixed;
}

const day = (iso: string, lang: TranscriptLang) => format(parseISO(iso), lang === 'zh' ? 'yyyy年M月d日' : 'd MMMM yyyy');

function identity(s: TranscriptStudent, school: TranscriptSchool, lang: TranscriptLang) {
  const w = WORDS[lang];
  const gender = s.gender === '1' ? w.male : s.gender === '2' ? w.female : s.gender;
  const length = s.lengthYears ? (lang === 'zh' ? `${s.lengthYears} 年` : `${s.lengthYears} years`) : w.none;
  const rows: [string, string][] =
    lang === 'zh'
      ? [
          [w.name, s.name], [w.gender, gender], [w.studentNo, s.studentNo ?? w.none],
          [w.birthDate, day(s.birthDate, lang)], [w.major, s.majorName ?? w.none], [w.className, s.className ?? w.none],
          [w.level, s.level ?? w.none], [w.length, length], [w.enrolled, s.enrolmentDate ? day(s.enrolmentDate, lang) : w.none],
        ]
      : [
          [w.name, nameInLatin(s.name)], [w.gender, gender], [w.studentNo, s.studentNo ?? w.none],
          [w.birthDate, day(s.birthDate, lang)], [w.major, s.majorNameEn || w.none], [w.department, school.departmentEn || w.none],
          [w.level, (s.level && LEVEL_EN[s.level]) ?? w.none], [w.length, length], [w.enrolled, s.enrolmentDate ? day(s.enrolmentDate, lang) : w.none],
        ];
  return rows.map(([label, value]) => ({ label, value }));
}

function row(c: TranscriptCourse & { attempt: NonNullable<TranscriptCourse['attempt']> }, lang: TranscriptLang): TranscriptRow {
  const zh = lang === 'zh';
  return {
    code: c.code,
    name: zh ? c.name : c.nameEn,
    nature: zh ? c.nature : NATURE_EN[c.nature],
    credits: c.credits,
    hours: String(c.hours),
    assessment: zh ? c.assessment : ASSESSMENT_EN[c.assessment],
    grade: gradeText(c.attempt, lang),
    kind: zh ? c.attempt.kind : KIND_EN[c.attempt.kind],
    gradePoint: gradePointText(c.gradePoint, lang),
  };
}

export function transcriptSheet(input: TranscriptInput): TranscriptSheet {
  const { lang, school, student, totals } = input;
  const w = WORDS[lang];
  const terms: TranscriptSheet['terms'] = [];
  for (const c of input.courses) {
    if (!c.attempt) continue;
    let group = terms.at(-1);
    if (!group || group.term !== c.term) terms.push((group = { term: c.term, label: termLabel(c.term, lang), rows: [] }));
    group.rows.push(row({ ...c, attempt: c.attempt }, lang));
  }
  const zh = lang === 'zh';
  return {
    lang,
    school: zh ? school.name : school.nameEn,
    department: zh ? school.department : school.departmentEn,
    title: w.title,
    identity: identity(student, school, lang),
    columns: COLUMNS[lang].map((c) => ({ ...c })),
    terms,
    blank: w.blank,
    totals: [
      { label: w.creditsEarned, value: totals.creditsEarned },
      { label: w.gpa, value: totals.gpaText },
      { label: w.creditsCounted, value: totals.creditsCounted },
    ],
    note: gradingNote(input.method, lang),
    issuer: zh ? [school.name + school.department + w.seal] : [`${school.departmentEn}, ${school.nameEn}`, w.seal],
    printed: `${w.printed}${zh ? '：' : ': '}${day(input.printedOn, lang)}`,
    owner: zh ? `${student.name}${student.studentNo ? `（${student.studentNo}）` : ''}` : `${nameInLatin(student.name)}${student.studentNo ? ` (${student.studentNo})` : ''}`,
  };
}

/** A problem that keeps the English transcript from being made: whose data, which field, in words. */
export interface EnglishGap {
  subject: string;
  field: string;
  message: string;
}

/**
 * What the English transcript would have to print blank: a course without an English name (named
 * by course, as the 教务处 fixes it in the plan), the school's, department's or major's English
 * name, a level with no English form. The English transcript is refused while any is missing.
 */
export function englishGaps(input: Pick<TranscriptInput, 'school' | 'student' | 'courses'>): EnglishGap[] {
  const gaps: EnglishGap[] = [];
  if (!input.school.nameEn.trim()) gaps.push({ subject: '系统设置', field: '学校英文名称', message: '系统设置中没有学校的英文名称' });
  if (!input.school.departmentEn.trim()) gaps.push({ subject: '系统设置', field: '院系英文名称', message: '系统设置中没有院系的英文名称' });
  const s = input.student;
  if (s.majorName && !s.majorNameEn.trim()) gaps.push({ subject: `专业“${s.majorName}”`, field: '英文名称', message: `专业“${s.majorName}”没有英文名称` });
  if (s.level && !LEVEL_EN[s.level]) gaps.push({ subject: `学生“${s.name}”`, field: '层次', message: `层次“${s.level}”没有英文译名` });
  for (const c of input.courses) {
    if (c.attempt && !c.nameEn.trim()) gaps.push({ subject: `课程 ${c.code} ${c.name}`, field: '英文名称', message: `课程 ${c.code}“${c.name}”在培养方案中没有英文名称` });
  }
  return gaps;
}

/** The words that identify the content (not the print date): what the issued version's hash is taken over. */
export function sheetContent(sheet: TranscriptSheet): unknown {
  const { printed: _printed, ...content } = sheet;
  return content;
}
