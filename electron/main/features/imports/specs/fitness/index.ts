/**
 * The 体质健康测试成绩 import (issue 16) as an import spec: one row per student and 学年 with its 总分
 * (check.ts), placed against the students and the scores already recorded (evaluate.ts), written
 * as one batch whose undo deletes what it added and puts back what it replaced (write.ts). The
 * graduation audit rates the graduate from every 学年 (graduationFitnessScore in shared/domain/graduation/fitness.ts).
 */
import { schoolYearText } from '../../../../../../shared/domain/graduation/fitness';
import { FITNESS_CATALOGUE, type FitnessFieldKey } from '../../../../../../shared/domain/import';
import type { ImportSpec } from '../../spec';
import { catalogueTemplate } from '../../template';
import { FitnessRowChecker, type FitnessRows } from './check';
import { evaluateFitness, loadFitnessLookups, type FitnessEvaluation, type FitnessLookups } from './evaluate';
import { fitnessBatches, undoFitness, writeFitness } from './write';

/** No choices of its own: who, which 学年 and the score are all in the file. */
type FitnessSettings = Record<string, never>;

export const fitnessSpec: ImportSpec<FitnessFieldKey, FitnessRows, FitnessLookups, FitnessSettings, FitnessEvaluation> = {
  id: 'fitness',
  catalogue: FITNESS_CATALOGUE,
  jobs: { read: 'fitnessImport.read', check: 'fitnessImport.check', commit: 'fitnessImport.commit', errorReport: 'fitnessImport.errorReport', template: 'fitnessImport.template' },

  rowChecker: (layout, mapping, asOf) => new FitnessRowChecker(layout, mapping, asOf),
  loadLookups: loadFitnessLookups,
  settings: () => ({}),
  evaluate: (db, rows, _settings, _asOf, lookups, scope) => evaluateFitness(rows, lookups ?? loadFitnessLookups(db), scope),

  preview(ev) {
    const replaces = ev.plans.filter((p) => p.existing).length;
    return {
      toAdd: ev.plans.length - replaces,
      toUpdate: replaces,
      fitness: {
        students: new Set(ev.plans.map((p) => p.student.id)).size,
        schoolYears: [...new Set(ev.plans.map((p) => p.schoolYear))].sort().map(schoolYearText),
        replaces,
        alreadyRecorded: ev.alreadyRecorded,
      },
    };
  },

  nothingWritten: (ev) => ({ imported: 0, updated: 0, skipped: ev.rows, fitness: { students: 0, replaced: 0 } }),

  async write(ctx, actor, ev, meta, steps) {
    const w = await writeFitness(ctx, actor, ev, { fileName: meta.fileName, sheet: meta.sheet }, steps);
    const skipped = ev.rows - w.written;
    return {
      batchId: w.batchId,
      summary: `《${meta.fileName}》导入完成：导入体质健康测试成绩 ${w.written} 条（${w.students} 名学生，其中替换原有成绩 ${w.replaced} 条），跳过 ${skipped} 行`,
      result: { imported: w.written - w.replaced, updated: w.replaced, skipped, fitness: { students: w.students, replaced: w.replaced } },
    };
  },

  batches: fitnessBatches,
  undo: undoFitness,

  template: async () => ({
    fileName: '体质健康测试成绩导入模板.xlsx',
    bytes: await catalogueTemplate(FITNESS_CATALOGUE, '体质健康测试', [
      { key: 'studentNo', sample: '2025510201001', note: '学号与身份证号填一项即可；都填时须是同一名学生' },
      { key: 'idNumber', sample: '', note: '18 位；请保持本列为“文本”格式' },
      { key: 'name', sample: '张三', note: '可不填；填写时须与系统中该学生的姓名一致' },
      { key: 'schoolYear', sample: '2025-2026', note: '测试所在学年，如 2025-2026 或“2025-2026学年”' },
      { key: 'score', sample: 85.5, note: '《国家学生体质健康标准》学年总分，0–100，最多一位小数；同一学生同一学年再次导入时替换原成绩（撤销该次导入可恢复）', numeric: true },
    ], '一行是一名学生一个学年的体质健康测试总分。表头可以放在标题行下面；列的顺序可以调整，“学年总分”“体测成绩”等列名导入时会自动识别，各测试项目的成绩和得分列不会导入。毕业审核取每名学生最近一个学年的总分。示例行导入前请删除。'),
  }),
};
