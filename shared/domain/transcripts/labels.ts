import type { AttemptKind, CourseAssessment, CourseNature, GpaMethod, TextGrade } from '../grades';

/**
 * The words of a transcript in both languages (DOMAIN.md §8.1). The English transcript mirrors the
 * Chinese one line by line: the same rows in the same order, its words from these tables and from
 * the names the 教务处 keeps (plan courses' English names, the school's English names), never from
 * machine translation.
 */
export type TranscriptLang = 'zh' | 'en';
export const TRANSCRIPT_LANGS: readonly TranscriptLang[] = ['zh', 'en'];
export const TRANSCRIPT_LANG_LABELS: Readonly<Record<TranscriptLang, string>> = { zh: '中文', en: '英文' };

export const NATURE_EN: Readonly<Record<CourseNature, string>> = { 必修: 'Compulsory', 限选: 'Restricted Elective', 任选: 'Elective' };
export const ASSESSMENT_EN: Readonly<Record<CourseAssessment, string>> = { 考试: 'Exam', 考查: 'Coursework' };
export const KIND_EN: Readonly<Record<AttemptKind, string>> = { 正考: 'Regular', 补考: 'Resit', 重修: 'Retake', 缓考: 'Deferred', 免修: 'Exempted' };
/** 等级 translated as letters (DOMAIN.md §8.1): 五级制 A–F, 两级制 P/F. */
export const TEXT_GRADE_EN: Readonly<Record<TextGrade, string>> = { 优秀: 'A', 良好: 'B', 中等: 'C', 及格: 'D', 不及格: 'F', 合格: 'P', 不合格: 'F' };
export const LEVEL_EN: Readonly<Record<string, string>> = { 专科: 'Associate Degree Programme', 本科: "Bachelor's Degree Programme" };

/** The columns, in order; the English transcript shows credits only, not 学时 (DOMAIN.md §8.1). */
export const COLUMNS = {
  zh: [
    { key: 'code', label: '课程代码' },
    { key: 'name', label: '课程名称' },
    { key: 'nature', label: '课程性质' },
    { key: 'credits', label: '学分' },
    { key: 'hours', label: '学时' },
    { key: 'assessment', label: '考核方式' },
    { key: 'grade', label: '成绩' },
    { key: 'kind', label: '成绩性质' },
    { key: 'gradePoint', label: '绩点' },
  ],
  en: [
    { key: 'code', label: 'Code' },
    { key: 'name', label: 'Course Title' },
    { key: 'nature', label: 'Type' },
    { key: 'credits', label: 'Credits' },
    { key: 'assessment', label: 'Assessment' },
    { key: 'grade', label: 'Grade' },
    { key: 'kind', label: 'Note' },
    { key: 'gradePoint', label: 'GP' },
  ],
} as const;
export type ColumnKey = (typeof COLUMNS)['zh'][number]['key'];

/** The fixed words of each language (title, labels, the closing line). */
export const WORDS = {
  zh: {
    title: '学生成绩单',
    name: '姓名', gender: '性别', studentNo: '学号', birthDate: '出生日期', department: '院系', major: '专业', className: '班级', level: '层次',
    length: '学制', enrolled: '入学日期',
    male: '男', female: '女',
    blank: '以下空白',
    creditsEarned: '已获学分', gpa: '平均学分绩点', creditsCounted: '计入绩点学分',
    seal: '（盖章）', printed: '打印日期', check: '校验码', page: (n: number) => `第 ${n} 页`,
    none: '—',
  },
  en: {
    title: 'Academic Transcript',
    name: 'Name', gender: 'Gender', studentNo: 'Student No.', birthDate: 'Date of Birth', department: 'Department', major: 'Major', className: 'Class', level: 'Level',
    length: 'Length of Study', enrolled: 'Date of Enrolment',
    male: 'Male', female: 'Female',
    blank: 'Nothing follows',
    creditsEarned: 'Credits Earned', gpa: 'GPA', creditsCounted: 'Credits Counted in GPA',
    seal: '(Official Seal)', printed: 'Date of Issue', check: 'Check Code', page: (n: number) => `Page ${n}`,
    none: '—',
  },
} as const;

const SEMESTER_ZH = ['', '第一学期', '第二学期'];

/** '2025-2026-1' → 2025—2026学年 第一学期 / Academic Year 2025–2026, Semester 1. */
export function termLabel(term: string, lang: TranscriptLang): string {
  const [from, to, n] = term.split('-');
  return lang === 'zh' ? `${from}—${to}学年 ${SEMESTER_ZH[Number(n)] ?? `第${n}学期`}` : `Academic Year ${from}–${to}, Semester ${n}`;
}

const SCALE_NOTE: Readonly<Record<GpaMethod['gradePoints'], Record<TranscriptLang, string>>> = {
  linear5: { zh: '绩点 =（成绩 − 50）÷ 10，60 分以下为 0', en: 'GP = (score − 50) / 10 for 60 and above, 0 below 60' },
  banded4: { zh: '绩点按四分制分段：90 分以上 4.0 … 60–63 分 1.0，60 分以下为 0', en: 'GP on the 4.0 band scale: 90–100 = 4.0 … 60–63 = 1.0, below 60 = 0' },
  curve4: { zh: '绩点 = 4 − 3 ×（100 − 成绩）² ÷ 1600，60 分以下为 0', en: 'GP = 4 − 3 × (100 − score)² / 1600 for 60 and above, 0 below 60' },
};

/**
 * The grading note printed under the table, in the transcript's language: the scales, what the
 * marks mean, and the school's GPA method (DOMAIN.md §8.1 asks for a grading-scale note).
 */
export function gradingNote(method: GpaMethod, lang: TranscriptLang): string {
  const fixed = method.fixedPassFor.length > 0;
  if (lang === 'zh') {
    return [
      '说明：百分制 60 分及格；五级制为优秀、良好、中等、及格、不及格；两级制为合格、不合格。',
      '补考、重修、缓考、免修在“成绩性质”栏注明。',
      `${SCALE_NOTE[method.gradePoints].zh}${fixed ? `；${method.fixedPassFor.join('、')}通过的课程绩点按 1.0 计` : ''}；`,
      `五级制按 ${Object.values(method.fiveLevelScores).join('/')} 分折算；两级制与免修课程不计绩点。`,
      `平均学分绩点 = Σ（学分 × 绩点）÷ ${method.denominator === 'attempted' ? '计入绩点课程的学分之和（含不及格课程）' : '已获学分之和'}。`,
    ].join('');
  }
  return [
    'Notes: Percentage grades: 60 is a pass. Five-level grades: A (Excellent), B (Good), C (Fair), D (Pass), F (Fail). Two-level grades: P (Pass), F (Fail). ',
    'Resit, Retake, Deferred and Exempted are marked in the Note column. ',
    `${SCALE_NOTE[method.gradePoints].en}${fixed ? `; a course passed by ${method.fixedPassFor.map((k) => KIND_EN[k].toLowerCase()).join(' or ')} counts 1.0` : ''}; `,
    `five-level grades count as ${Object.values(method.fiveLevelScores).join('/')}; two-level and exempted courses carry no GP. `,
    `GPA = Σ (credits × GP) / ${method.denominator === 'attempted' ? 'Σ credits of the courses counted, failed ones included' : 'Σ credits earned'}.`,
  ].join('');
}

/** A grade as printed: the score as recorded, 等级 words (letters in English), 缺考, 作弊 (void). */
export function gradeText(a: { kind: AttemptKind; score: number | TextGrade | null; absent: boolean; void: boolean }, lang: TranscriptLang): string {
  if (a.absent) return lang === 'zh' ? '缺考' : 'Absent';
  if (a.void) return lang === 'zh' ? '作弊' : 'Void';
  if (a.kind === '免修' || a.score === null) return WORDS[lang].none;
  if (typeof a.score === 'number') return String(a.score);
  // A 两级制 course's 不合格 is F like a 五级制 不及格; 合格 is P.
  return lang === 'zh' ? a.score : TEXT_GRADE_EN[a.score];
}
