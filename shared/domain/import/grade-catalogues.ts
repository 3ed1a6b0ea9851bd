/**
 * The field catalogues of the two issue-15 imports: a 教务系统's grade export (one row per student,
 * course and attempt) and the 教务处's course list of a training plan. Header variants are those seen
 * in real exports; the students' own columns reuse the student field catalogue's labels and
 * variants, so a header that maps in a roster maps here too.
 *
 * Pure: no I/O.
 */
import { FIELD_BY_KEY } from '../student-fields';
import type { CatalogueField, ImportCatalogue } from './catalogue';

const student = <K extends 'studentNo' | 'idNumber' | 'name' | 'className' | 'majorName' | 'cohortYear'>(key: K, extra: Partial<CatalogueField<K>> = {}): CatalogueField<K> => {
  const f = FIELD_BY_KEY[key];
  return { key, label: f.label, aliases: f.aliases, width: f.width, ...extra };
};

export const GRADE_FIELD_KEYS = ['studentNo', 'idNumber', 'name', 'className', 'courseCode', 'courseName', 'score', 'kind', 'term', 'schoolYear'] as const;
export type GradeFieldKey = (typeof GRADE_FIELD_KEYS)[number];

/**
 * 成绩: a student (学号 or 身份证号), a course code, the 成绩 and the 考试性质 of one attempt; the
 * 学年学期 when the export has it (else the course's term in the student's plan). 姓名 and 课程名称
 * are checked against the records when present.
 */
export const GRADES_CATALOGUE: ImportCatalogue<GradeFieldKey> = {
  subject: '成绩',
  fields: [
    student('studentNo'),
    student('idNumber'),
    student('name'),
    student('className', { aliases: [...FIELD_BY_KEY.className.aliases, '行政班', '行政班级'] }),
    { key: 'courseCode', label: '课程代码', aliases: ['课程号', '课程编号', '课程编码', '课程代号', 'KCDM', 'KCH'], required: true, width: 12 },
    { key: 'courseName', label: '课程名称', aliases: ['课程名', '课程', 'KCMC'], width: 20 },
    { key: 'score', label: '成绩', aliases: ['总评成绩', '总成绩', '最终成绩', '总评', '课程成绩', '成绩(总评)', 'CJ', 'ZCJ'], required: true, width: 8 },
    { key: 'kind', label: '考试性质', aliases: ['考试类型', '考试类别', '成绩性质', '考核性质', 'KSXZ'], required: true, width: 10 },
    { key: 'term', label: '学年学期', aliases: ['学期', '开课学期', '考试学期', '修读学期', '选课学期', '开课学年学期', 'XNXQ'], width: 14 },
    { key: 'schoolYear', label: '学年', aliases: ['开课学年', '考试学年', 'XN'], width: 12 },
  ],
  anyOf: [['studentNo', 'idNumber']],
  // Parts of a grade and other figures beside it, never the grade itself.
  partOf: /平时|期中|期末|实验|实践|卷面|考勤|作业|比例|绩点|学分|学时|排名/,
  headerExamples: ['学号', '课程代码', '成绩', '考试性质'],
};

export const COURSE_FIELD_KEYS = [
  'code', 'name', 'nameEn', 'credits', 'hours', 'nature', 'module', 'assessment', 'term', 'scale', 'countsTowardGpa', 'majorName', 'cohortYear',
] as const;
export type CourseFieldKey = (typeof COURSE_FIELD_KEYS)[number];

/**
 * 培养方案课程: one row per course of one plan (the 教务处's 教学进程表). 专业 and 年级 columns, when
 * present, say which plan it is; otherwise the import is told (imports.preview's `plan`).
 */
export const COURSES_CATALOGUE: ImportCatalogue<CourseFieldKey> = {
  subject: '课程',
  fields: [
    { key: 'code', label: '课程代码', aliases: ['课程号', '课程编号', '课程编码', '课程代号', 'KCDM', 'KCH'], required: true, width: 12 },
    { key: 'name', label: '课程名称', aliases: ['课程名', '课程', '中文名称', '课程中文名称', 'KCMC'], required: true, width: 22 },
    { key: 'nameEn', label: '英文名称', aliases: ['课程英文名称', '英文课程名称', '英文名', '课程英文名', 'English Name', 'Course Name'], width: 30 },
    { key: 'credits', label: '学分', aliases: ['课程学分', 'XF'], required: true, width: 6 },
    { key: 'hours', label: '学时', aliases: ['总学时', '课程学时', '计划学时', 'XS'], required: true, width: 6 },
    { key: 'nature', label: '课程性质', aliases: ['修读性质', '课程属性', '必选修', '课程类型'], required: true, width: 10 },
    { key: 'module', label: '课程模块', aliases: ['模块', '课程类别', '课程分类', '课程平台'], required: true, width: 12 },
    { key: 'assessment', label: '考核方式', aliases: ['考核类型', '考试方式', '考核形式', '考试/考查'], required: true, width: 10 },
    { key: 'term', label: '开课学期', aliases: ['学期', '建议修读学期', '修读学期', '开设学期'], required: true, width: 8 },
    { key: 'scale', label: '记分方式', aliases: ['计分方式', '成绩记载方式', '成绩类型', '记分制', '评分方式'], width: 10 },
    { key: 'countsTowardGpa', label: '计入绩点', aliases: ['是否计入绩点', '计入GPA', '是否计入GPA', '计算绩点', '是否计算绩点'], width: 10 },
    student('majorName'),
    student('cohortYear'),
  ],
  // Hours per kind beside 总学时 (理论学时, 实践学时, 周学时) are not the course's hours.
  partOf: /理论|实践|实验|周学时|上机|其中/,
  headerExamples: ['课程代码', '课程名称', '学分', '学时'],
};

export const FITNESS_FIELD_KEYS = ['studentNo', 'idNumber', 'name', 'className', 'schoolYear', 'score'] as const;
export type FitnessFieldKey = (typeof FITNESS_FIELD_KEYS)[number];

/**
 * 体质健康测试成绩 (issue 16): one row per student and 学年 — the student (学号 or 身份证号), the
 * 测试学年 and the 学年总分 of 《国家学生体质健康标准》 (0–100, one decimal at most). The national
 * platform's export lists every test item beside 总分 (肺活量, 50米跑…, each with its 得分) and a
 * 等级: none of them is the 总分.
 */
export const FITNESS_CATALOGUE: ImportCatalogue<FitnessFieldKey> = {
  subject: '体质健康测试成绩',
  fields: [
    student('studentNo'),
    student('idNumber'),
    student('name'),
    student('className', { aliases: [...FIELD_BY_KEY.className.aliases, '行政班', '行政班级'] }),
    { key: 'schoolYear', label: '测试学年', aliases: ['学年', '测试年度', '学年度', '测试学年度', '体测学年', 'XN'], required: true, width: 12 },
    {
      key: 'score', label: '总分',
      aliases: ['学年总分', '测试总分', '体测总分', '体质测试总分', '体质健康总分', '体测成绩', '体质健康测试成绩', '体质测试成绩', '总成绩'],
      required: true, width: 8,
    },
  ],
  anyOf: [['studentNo', 'idNumber']],
  // Test items and their scores, the 等级 and the parts of 总分 (标准分, 附加分): never the 总分 itself.
  partOf: /得分|评分|附加|加分|标准分|等级|肺活量|跑|跳|坐位|仰卧|引体|身高|体重|BMI/i,
  headerExamples: ['学号', '测试学年', '总分'],
};
