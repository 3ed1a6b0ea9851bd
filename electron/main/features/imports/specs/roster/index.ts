/**
 * The roster import (学生名单) as an import spec: its catalogue is the student field catalogue; its
 * row checks and database checks are validate.ts, its writer, batches and undo commit.ts, its blank
 * workbook template.ts.
 */
import { ROSTER_CATALOGUE } from '../../../../../../shared/domain/import';
import type { StudentFieldKey } from '../../../../../../shared/domain/student-fields';
import type { ImportSpec } from '../../spec';
import { batchesDto, undoBatch, writeImport } from './commit';
import { templateXlsx } from './template';
import { evaluate, loadLookups, RowChecker, type Evaluation, type ImportLookups, type ImportSettings, type PureResult } from './validate';

export const rosterSpec: ImportSpec<StudentFieldKey, PureResult, ImportLookups, ImportSettings, Evaluation> = {
  id: 'roster',
  catalogue: ROSTER_CATALOGUE,
  jobs: { read: 'roster.read', check: 'roster.check', commit: 'roster.commit', errorReport: 'roster.errorReport', template: 'roster.template' },

  rowChecker: (layout, mapping, asOf) => new RowChecker(layout, mapping, asOf),
  loadLookups,

  /**
   * Updating matches by the key the user chose, unless the file has no column for it and has one
   * for the other (a roster with 学号 but no 身份证号): then by that one.
   */
  settings(o, mapping) {
    const mapped = new Set(Object.values(mapping));
    const other = o.matchBy === 'idNumber' ? 'studentNo' : 'idNumber';
    const matchBy = !mapped.has(o.matchBy) && mapped.has(other) ? other : o.matchBy;
    return { mode: o.mode, matchBy, createMissingClasses: o.createMissingClasses, newClassMajors: o.newClassMajors };
  },

  evaluate: (db, rows, settings, asOf, lookups, scope) => evaluate(db, rows, settings, asOf, lookups ?? loadLookups(db), scope),

  preview: (ev, settings) => ({
    toAdd: ev.toAdd,
    toUpdate: ev.toUpdate,
    roster: {
      keyChanges: ev.keyChanges,
      unknownClasses: ev.unknownClasses,
      // The classes the file names that do not exist yet, with the major each would be created under.
      newClasses: ev.unknownClassMajors.map((c) => ({ name: c.name, rows: c.rows, majorId: c.major?.id ?? null, majorName: c.major?.name ?? null, majorFrom: c.majorFrom })),
      matchBy: settings.matchBy,
    },
  }),

  nothingWritten: (ev) => ({ imported: 0, updated: 0, skipped: ev.rows, roster: { keyChangeRequests: 0, studentNumbers: null } }),

  async write(ctx, actor, ev, meta, steps) {
    const counts = await writeImport(ctx, actor, ev, { fileName: meta.fileName, sheet: meta.sheet, settings: meta.settings, assignStudentNo: meta.options.assignStudentNo }, steps);
    const skipped = ev.rows - counts.imported - counts.updated;
    return {
      batchId: counts.batchId,
      summary:
        `《${meta.fileName}》导入完成：新增 ${counts.imported} 人，更新 ${counts.updated} 人，跳过 ${skipped} 行` +
        (counts.numbering ? `，编排学号 ${counts.numbering.assigned.length} 人` : ''),
      result: {
        imported: counts.imported, updated: counts.updated, skipped,
        roster: {
          keyChangeRequests: counts.keyChangeRequests,
          studentNumbers: counts.numbering
            ? { assigned: counts.numbering.assigned.length, skipped: counts.numbering.skipped.map(({ name, className, reason }) => ({ name, className, reason })) }
            : null,
        },
      },
    };
  },

  batches: batchesDto,
  undo: undoBatch,
  template: async () => ({ fileName: '学生名单导入模板.xlsx', bytes: await templateXlsx() }),
};
