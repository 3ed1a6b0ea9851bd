/**
 * The grade import (成绩, issue 15) as an import spec: a 教务系统's export read as it is (check.ts),
 * placed against the students, their plans and their recorded attempts (evaluate.ts), written as
 * one batch that can be undone (write.ts).
 */
import { ATTEMPT_KINDS } from '../../../../../../shared/domain/grades';
import { GRADES_CATALOGUE, type GradeFieldKey } from '../../../../../../shared/domain/import';
import type { ImportSpec } from '../../spec';
import { catalogueTemplate } from '../../template';
import { GradeRowChecker, type GradeRows } from './check';
import { evaluateGrades, loadGradeLookups, type GradeEvaluation, type GradeLookups } from './evaluate';
import { gradeBatches, undoGrades, writeGrades } from './write';

/** The grade import has no choices of its own: who, which course and which attempt are all in the file. */
type GradeSettings = Record<string, never>;

export const gradesSpec: ImportSpec<GradeFieldKey, GradeRows, GradeLookups, GradeSettings, GradeEvaluation> = {
  id: 'grades',
  catalogue: GRADES_CATALOGUE,
  jobs: { read: 'gradeImport.read', check: 'gradeImport.check', commit: 'gradeImport.commit', errorReport: 'gradeImport.errorReport', template: 'gradeImport.template' },

  rowChecker: (layout, mapping, asOf) => new GradeRowChecker(layout, mapping, asOf),
  loadLookups: loadGradeLookups,
  settings: () => ({}),
  evaluate: (db, rows, _settings, _asOf, lookups, scope) => evaluateGrades(db, rows, lookups ?? loadGradeLookups(db), scope),

  preview(ev) {
    const byKind = new Map<string, number>();
    for (const p of ev.plans) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
    return {
      toAdd: ev.plans.length,
      toUpdate: 0,
      grades: {
        students: new Set(ev.plans.map((p) => p.student.id)).size,
        courses: new Set(ev.plans.map((p) => p.course.code)).size,
        byKind: ATTEMPT_KINDS.filter((k) => byKind.has(k)).map((kind) => ({ kind, count: byKind.get(kind)! })),
        terms: [...new Set(ev.plans.map((p) => p.term))].sort(),
        alreadyRecorded: ev.alreadyRecorded,
      },
    };
  },

  nothingWritten: (ev) => ({ imported: 0, updated: 0, skipped: ev.rows, grades: { students: 0, courses: 0 } }),

  async write(ctx, actor, ev, meta, steps) {
    const w = await writeGrades(ctx, actor, ev, { fileName: meta.fileName, sheet: meta.sheet }, steps);
    const skipped = ev.rows - w.written;
    return {
      batchId: w.batchId,
      summary: `《${meta.fileName}》导入完成：导入成绩 ${w.written} 条（${w.students} 名学生、${w.courses} 门课程），跳过 ${skipped} 行`,
      result: { imported: w.written, updated: 0, skipped, grades: { students: w.students, courses: w.courses } },
    };
  },

  batches: gradeBatches,
  undo: undoGrades,

  template: async () => ({
    fileName: '成绩导入模板.xlsx',
    bytes: await catalogueTemplate(GRADES_CATALOGUE, '成绩', [
      { key: 'studentNo', sample: '2025510201001', note: '学号与身份证号填一项即可；都填时须是同一名学生' },
      { key: 'idNumber', sample: '', note: '18 位；请保持本列为“文本”格式' },
      { key: 'name', sample: '张三', note: '可不填；填写时须与系统中该学生的姓名一致' },
      { key: 'courseCode', sample: 'MATH101', note: '须是该生所在班级适用的人才培养方案中的课程代码' },
      { key: 'courseName', sample: '高等数学', note: '可不填；与培养方案中的名称不同时给出提示，按课程代码导入' },
      { key: 'term', sample: '2025-2026-1', note: '如 2025-2026-1 或“2025-2026学年第一学期”；不填时取培养方案中该课程的开课学期' },
      { key: 'kind', sample: '正考', note: '正考（或“正常考试”）、补考、重修、缓考、免修', choices: ATTEMPT_KINDS },
      { key: 'score', sample: 85, note: '0–100 的分数，或 优秀/良好/中等/及格/不及格、合格/不合格、缺考、作弊、免修', numeric: true },
    ], '一行是一名学生一门课程的一次考试。表头可以放在标题行下面；列的顺序可以调整，教务系统导出的“课程号”“总评成绩”“考试类型”等列名导入时会自动识别。示例行导入前请删除。'),
  }),
};
