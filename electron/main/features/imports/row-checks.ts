/**
 * Running a spec's row checks over a whole sheet, and the key that identifies their result (the
 * pipeline computes them once per upload and mapping and reuses them for preview, commit and the
 * problem workbook).
 */
import { yieldToLoop, type JobHandle } from '../../core/jobs';
import type { ParsedSheet } from './parse-runner';
import type { SheetLayout } from './sheet';
import type { AnyImportSpec, CheckedRows } from './spec';

/** Rows checked between two turns of the event loop. */
export const CHECK_CHUNK = 1000;

/** Identifies a row-check result: the spec, the sheet, its header, the mapping and the day (dates in the future). */
export function rowCheckKey(spec: string, sheetName: string, layout: SheetLayout, mapping: Readonly<Record<number, string>>, asOf: Date): string {
  return JSON.stringify([spec, sheetName, layout.headerIndex, Object.entries(mapping), asOf.toISOString().slice(0, 10)]);
}

/** Row checks of a whole sheet, yielding to the event loop every chunk (progress, cancel). */
export async function checkRows(spec: AnyImportSpec, sheet: ParsedSheet, layout: SheetLayout, mapping: Record<number, string>, asOf: Date, task: JobHandle): Promise<CheckedRows> {
  const checker = spec.rowChecker(layout, mapping, asOf);
  const total = sheet.cells.length - layout.headerIndex - 1;
  for (let from = layout.headerIndex + 1; from < sheet.cells.length; from += CHECK_CHUNK) {
    checker.check(sheet, from, Math.min(from + CHECK_CHUNK, sheet.cells.length));
    const done = Math.min(from + CHECK_CHUNK, sheet.cells.length) - layout.headerIndex - 1;
    task.progress(done, total, `正在检查第 ${done} / ${total} 行`);
    await yieldToLoop();
    task.check();
  }
  task.progress(total, total, '行检查完成', true);
  return checker.finish();
}
