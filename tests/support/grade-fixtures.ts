/**
 * Grade exports and plan course lists as the 教务系统 and the 教务处 hand them over, built with exceljs:
 * a title row over the table, the 教务系统's own headers (课程号, 总评成绩, 考试类型…), 成绩 as numbers
 * and as text, columns beside the grade that are not the grade (平时成绩, 学分).
 */
import ExcelJS from 'exceljs';
import { workbook } from './roster-fixtures';

type Cell = ExcelJS.CellValue;

/** One attempt as a test writes it; `score` goes into the cell as given (a number or text). */
export interface GradeLine {
  studentNo?: string;
  idNumber?: string;
  name?: string;
  code: string;
  courseName?: string;
  term?: string;
  kind: string;
  score: Cell;
}

export const GRADE_HEADERS = ['序号', '学号', '身份证号', '姓名', '课程号', '课程名称', '学年学期', '考试性质', '平时成绩', '总评成绩', '学分'] as const;

/** A 教务系统 export: a title row, then the header, one row per attempt (平时成绩 and 学分 filled in too). */
export function gradeExport(lines: readonly GradeLine[], title = '2026-2027学年第一学期 学生成绩'): Promise<Buffer> {
  const rows: Cell[][] = [
    [title],
    [...GRADE_HEADERS],
    ...lines.map((l, i) => [i + 1, l.studentNo ?? null, l.idNumber ?? null, l.name ?? null, l.code, l.courseName ?? null, l.term ?? null, l.kind, 80, l.score, 3]),
  ];
  return workbook([{ name: '成绩', rows, setup: (ws) => ws.mergeCells(1, 1, 1, GRADE_HEADERS.length) }]);
}

/** A plan course row as the 教务处 writes it (words, not the app's values). */
export interface CourseLine {
  code: string;
  name: string;
  nameEn?: string;
  credits: Cell;
  hours: Cell;
  nature: string;
  module: string;
  assessment: string;
  term: Cell;
  scale?: string;
  counts?: string;
  major?: string;
  cohort?: Cell;
}

export const COURSE_HEADERS = ['序号', '课程代码', '课程名称', '英文名称', '学分', '总学时', '理论学时', '课程性质', '课程模块', '考核方式', '开课学期', '记分方式', '是否计入绩点'] as const;

/** A 教学进程表: title, header, a row per course; with `majorColumns`, 专业 and 年级 columns too. */
export function courseList(lines: readonly CourseLine[], majorColumns = false): Promise<Buffer> {
  const headers: string[] = [...COURSE_HEADERS, ...(majorColumns ? ['专业', '年级'] : [])];
  const rows: Cell[][] = [
    ['计算机应用技术专业 2026 级人才培养方案 教学进程表'],
    headers,
    ...lines.map((l, i) => [
      i + 1, l.code, l.name, l.nameEn ?? null, l.credits, l.hours, 32, l.nature, l.module, l.assessment, l.term, l.scale ?? null, l.counts ?? null,
      ...(majorColumns ? [l.major ?? null, l.cohort ?? null] : []),
    ]),
  ];
  return workbook([{ name: '教学进程表', rows }]);
}

/** The plan of the tests: 百分制, 五级制 and 两级制 courses in term 1, one in term 2. */
export const PLAN_LINES: CourseLine[] = [
  { code: 'MATH101', name: '高等数学', nameEn: 'Advanced Mathematics', credits: 4, hours: 64, nature: '必修课', module: '公共基础', assessment: '考试', term: 1 },
  { code: 'ENG101', name: '大学英语', credits: '2', hours: '32', nature: '必修', module: '公共基础', assessment: '考察', term: '第1学期', scale: '五级制' },
  { code: 'PE101', name: '体育', credits: 1, hours: 32, nature: '必修', module: '公共基础', assessment: '考查', term: 1, scale: '两级制', counts: '否' },
  { code: 'CS101', name: '程序设计基础', credits: 3.5, hours: 56, nature: '限定选修', module: '专业核心', assessment: '考试', term: 2 },
];
