import type { ImportSpecId } from '../../../../../shared/domain/import/specs';
import type { Committed, Previewed } from './wizardTypes';

/**
 * What the wizard says for each import: the steps are the same for every spec (the pipeline's),
 * the words are the spec's own — what the file is, what a row becomes, where to look afterwards.
 */
export interface SpecWords {
  /** 选择要导入的…: the file in the user's words. */
  pick: string;
  pickHint: string;
  /** The file input's accessible name. */
  inputLabel: string;
  /** A note under the file step (how to keep codes from turning into numbers…). */
  footnote: string;
  /** Shown while the rows are checked. */
  checking: string;
  /** Before the first check. */
  beforeCheck: string;
  /** Keeping all rows in one go (the fix-the-file option). */
  whole: string;
  /** The commit button. */
  commitLabel: (p: Previewed) => string;
  /** The result's headline. */
  resultTitle: (r: Committed) => string;
  /** Where the written records are seen. */
  resultLink: { to: string; label: string } | null;
  /** Rows that fail may be left out (a plan's course list is written whole). */
  partial: boolean;
}

export const SPEC_WORDS: Readonly<Record<ImportSpecId, SpecWords>> = {
  roster: {
    pick: '选择要导入的学生名单',
    inputLabel: '选择名单文件',
    pickHint: '支持 Excel 工作簿（.xlsx、.xls）和 CSV 文件，也可以把文件拖到这里。表格上方可以有标题行，程序会自动找到表头。',
    footnote: '身份证号、学号列建议设置为“文本”格式，以免末尾数字丢失。',
    checking: '正在检查名单…',
    beforeCheck: '选好导入方式后，点击“开始检查”。检查只读取名单、逐行核对，不会修改任何数据。',
    whole: '这样所有学生一次导入完整。',
    commitLabel: (p) => `导入 ${p.valid} 名学生`,
    resultTitle: (r) => `导入完成：新增 ${r.imported}、更新 ${r.updated}、跳过 ${r.skipped}`,
    resultLink: { to: '/students', label: '查看学生名册' },
    partial: true,
  },
  grades: {
    pick: '选择教务系统导出的成绩表',
    inputLabel: '选择成绩文件',
    pickHint: '一行是一名学生一门课程的一次考试：学号或身份证号、课程代码、成绩、考试性质（正考、补考、重修、缓考、免修），可以有学年学期。成绩可以是分数，也可以是优秀、合格、缺考、作弊、免修等文字。',
    footnote: '课程代码须在学生所在班级适用的人才培养方案中；学号列建议设置为“文本”格式。',
    checking: '正在检查成绩…',
    beforeCheck: '点击“开始检查”：逐行核对学生、课程和已有的成绩，不会修改任何数据。',
    whole: '这样全部成绩一次导入完整。',
    commitLabel: (p) => `导入 ${p.toAdd} 条成绩`,
    resultTitle: (r) => `导入完成：导入成绩 ${r.imported} 条、跳过 ${r.skipped} 行`,
    resultLink: null,
    partial: true,
  },
  courses: {
    pick: '选择教务处的培养方案课程表',
    inputLabel: '选择课程文件',
    pickHint: '一行是方案中的一门课程：课程代码、课程名称、英文名称、学分、学时、课程性质、课程模块、考核方式、开课学期、记分方式、是否计入绩点。导入后成为该专业该年级培养方案的新版本，原版本保留不变。',
    footnote: '文件中没有的课程，新版本里也不再有；课程代码列建议设置为“文本”格式。',
    checking: '正在检查课程…',
    beforeCheck: '选好导入到哪个培养方案后，点击“开始检查”。检查只读取文件，不会修改任何数据。',
    whole: '培养方案须整份导入。',
    commitLabel: (p) => (p.courses?.plan ? `保存为第 ${p.courses.plan.version} 版培养方案` : '保存培养方案'),
    resultTitle: (r) => (r.batchId ? `已保存培养方案第 ${r.courses?.version ?? ''} 版：新增 ${r.imported} 门、修改 ${r.updated} 门课程` : `与培养方案第 ${r.courses?.version ?? ''} 版完全相同，未保存新版本`),
    resultLink: { to: '/org', label: '查看专业与班级' },
    partial: false,
  },
  fitness: {
    pick: '选择体质健康测试成绩表',
    inputLabel: '选择体质健康测试文件',
    pickHint: '一行是一名学生一个学年的测试结果：学号或身份证号、测试学年（如 2025-2026）、总分（0–100，最多一位小数）。国家学生体质健康标准数据管理系统导出的成绩表可以直接导入，各测试项目的成绩和得分列不会导入。',
    footnote: '同一学生同一学年再次导入时替换原成绩，撤销该次导入可恢复；毕业审核取每名学生最近一个学年的总分。',
    checking: '正在检查体质健康测试成绩…',
    beforeCheck: '点击“开始检查”：逐行核对学生和已有的成绩，不会修改任何数据。',
    whole: '这样全部成绩一次导入完整。',
    commitLabel: (p) => `导入 ${p.toAdd + p.toUpdate} 条体质健康测试成绩`,
    resultTitle: (r) => `导入完成：新增 ${r.imported} 条、替换 ${r.updated} 条、跳过 ${r.skipped} 行`,
    resultLink: { to: '/graduation', label: '去毕业审核' },
    partial: true,
  },
};
