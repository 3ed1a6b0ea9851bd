/**
 * The course import (培养方案课程, issue 15) as an import spec: the 教务处's course list of one plan
 * (check.ts) written as that plan's next version, as plans.save writes one (plans/save.ts), and
 * recorded as an import batch. A version is never edited or removed, so the batch cannot be undone:
 * a wrong import is corrected by saving (or importing) the next version.
 */
import { insertBatch, listBatches } from '../../../../../../db/queries/imports';
import { auditAppender } from '../../../../../../db/queries/audit';
import { COURSE_ASSESSMENTS, COURSE_MODULES, COURSE_NATURES, creditText, creditTenths, GRADE_SCALES } from '../../../../../../shared/domain/grades';
import { COURSES_CATALOGUE, type CourseFieldKey } from '../../../../../../shared/domain/import';
import { AppError } from '../../../../core/errors';
import { writePlanVersion } from '../../../plans/save';
import type { ImportSpec } from '../../spec';
import { catalogueTemplate } from '../../template';
import { CourseRowChecker, type CourseRows } from './check';
import { evaluateCourses, type CourseEvaluation, type CourseSettings } from './evaluate';

const NOT_UNDOABLE = '培养方案的版本保存后不能撤销；如需恢复，请在“培养方案”中按原来的内容保存新版本';

export const coursesSpec: ImportSpec<CourseFieldKey, CourseRows, null, CourseSettings, CourseEvaluation> = {
  id: 'courses',
  catalogue: COURSES_CATALOGUE,
  jobs: { read: 'courseImport.read', check: 'courseImport.check', commit: 'courseImport.commit', errorReport: 'courseImport.errorReport', template: 'courseImport.template' },

  rowChecker: (layout, mapping) => new CourseRowChecker(layout, mapping),
  // A few hundred rows against one plan: read when checked.
  loadLookups: () => null,
  settings: (o) => ({ plan: o.plan }),
  evaluate: (db, rows, settings) => evaluateCourses(db, rows, settings),

  preview: (ev) => ({
    toAdd: ev.added,
    toUpdate: ev.changed,
    courses: {
      plan: ev.target && {
        majorId: ev.target.major.id, majorName: ev.target.major.name, cohortYear: ev.target.cohortYear, name: ev.target.name,
        version: (ev.target.current?.version ?? 0) + 1,
        supersedes: ev.target.current && { id: ev.target.current.id, version: ev.target.current.version },
      },
      courses: ev.courses.length,
      totalCredits: creditText(ev.courses.reduce((n, c) => n + creditTenths(c.credits)!, 0)),
      unchanged: ev.unchanged,
      removed: ev.removed,
    },
  }),

  nothingWritten: (ev) => ({ imported: 0, updated: 0, skipped: ev.rows, courses: { planId: null, version: null } }),

  async write(ctx, actor, ev, meta, steps) {
    // A plan is one whole: the rows left out would silently leave the new version without them.
    if (ev.invalid > 0) throw new AppError('VALIDATION', `培养方案的课程须整份导入：文件中有 ${ev.invalid} 行有问题，请修改后重新导入（不能跳过有问题的行）。`);
    const target = ev.target!;
    const at = new Date(ctx.core.now());
    const saved = await ctx.core.folder.transactionInSteps(async (db) => {
      steps.begun();
      const input = {
        majorId: target.major.id, cohortYear: target.cohortYear, name: target.name, note: target.current?.note ?? '', courses: ev.courses,
        ...(target.current ? { supersedesId: target.current.id } : {}),
      };
      const version = writePlanVersion(db, actor, at.toISOString(), input, target.major.name);
      steps.finishing();
      if (!version.written) return { ...version, batchId: null };
      const batch = insertBatch(db, {
        spec: 'courses', fileName: meta.fileName, sheet: meta.sheet, mode: 'add', rows: ev.rows, imported: ev.added, updated: ev.changed, skipped: ev.rows - ev.courses.length,
        keyChangeRequests: 0, createdBy: actor.username, createdAt: at.toISOString(),
      });
      // The import's entry, and the version it saved as its part (the same entry a save by hand makes).
      const appender = auditAppender(db, at);
      const who = { userId: actor.userId, username: actor.username };
      const head = appender.add({
        ...who, action: 'plans.import', entity: 'import', entityId: batch.id,
        summary: `导入培养方案课程《${meta.fileName}》（工作表“${meta.sheet}”）：${target.major.name} ${target.cohortYear} 级第 ${version.version} 版，新增 ${ev.added} 门、修改 ${ev.changed} 门、去掉 ${ev.removed.length} 门课程`,
        changes: [{ field: 'fileName', before: null, after: meta.fileName }, { field: 'sheet', before: null, after: meta.sheet }, { field: 'rows', before: null, after: ev.rows }],
      });
      for (const a of version.audit) appender.add({ ...a, ...who, parentId: head.id });
      appender.finish();
      return { ...version, batchId: batch.id };
    });
    const what = `${target.major.name} ${target.cohortYear} 级`;
    return {
      batchId: saved.batchId,
      summary: saved.written
        ? `《${meta.fileName}》导入完成：${what}人才培养方案第 ${saved.version} 版，${ev.courses.length} 门课程`
        : `《${meta.fileName}》与${what}人才培养方案第 ${saved.version} 版完全相同，未保存新版本`,
      result: { imported: saved.written ? ev.added : 0, updated: saved.written ? ev.changed : 0, skipped: ev.rows - ev.courses.length, courses: { planId: saved.id, version: saved.version } },
    };
  },

  batches: (ctx) =>
    listBatches(ctx.db(), 'courses').map((b) => ({
      id: b.id, spec: 'courses', fileName: b.fileName, createdBy: b.createdBy, createdAt: b.createdAt, mode: b.mode, rows: b.rows, imported: b.imported,
      updated: b.updated, skipped: b.skipped, undoneAt: b.undoneAt, undoable: false, undoBlockedReason: NOT_UNDOABLE,
    })),
  undo: () => {
    throw new AppError('CONFLICT', NOT_UNDOABLE);
  },

  template: async () => ({
    fileName: '培养方案课程导入模板.xlsx',
    bytes: await catalogueTemplate(COURSES_CATALOGUE, '课程', [
      { key: 'code', sample: 'MATH101', note: '必填，同一方案内不能重复；字母自动转为大写' },
      { key: 'name', sample: '高等数学', note: '必填，最多 60 个字' },
      { key: 'nameEn', sample: 'Advanced Mathematics', note: '英文成绩单使用；可不填' },
      { key: 'credits', sample: 4, note: '必填，最多一位小数，如 2 或 1.5', numeric: true },
      { key: 'hours', sample: 64, note: '必填，总学时（整数）', numeric: true },
      { key: 'nature', sample: '必修', note: '必填：必修、限选、任选', choices: COURSE_NATURES },
      { key: 'module', sample: '公共基础', note: `必填，如 ${COURSE_MODULES.join('、')}` },
      { key: 'assessment', sample: '考试', note: '必填：考试、考查', choices: COURSE_ASSESSMENTS },
      { key: 'term', sample: 1, note: '必填，第几学期开课（1–10）', numeric: true },
      { key: 'scale', sample: '百分制', note: '百分制、五级制、两级制；不填为百分制', choices: GRADE_SCALES },
      { key: 'countsTowardGpa', sample: '是', note: '是否计入平均学分绩点：是、否；不填为“是”', choices: ['是', '否'] },
      { key: 'majorName', sample: '计算机应用技术', note: '专业名称或代码；与“年级”一起说明导入到哪个培养方案（导入时也可以直接选择）' },
      { key: 'cohortYear', sample: 2025, note: '四位入学年份，如 2025', numeric: true },
    ], '一行是方案中的一门课程。导入后成为该专业该年级培养方案的新版本（原版本保留不变）；文件中没有的课程，新版本里也不再有。示例行导入前请删除。'),
  }),
};
