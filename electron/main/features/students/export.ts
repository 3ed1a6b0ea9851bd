import { streamWorkbook, workbookCell, XLSX_MIME } from '../../core/xlsx-buffer';
import { format } from 'date-fns';
import { rosterRows, type RosterRecord } from '../../../../db/queries/roster';
import { findEthnicity, findPoliticalStatus, studentStatusName } from '../../../../shared/domain/codes';
import { FIELD_BY_KEY, STUDENT_FIELDS, type StudentFieldKey } from '../../../../shared/domain/student-fields';
import type { ExportInput } from '../../../../shared/ipc/schemas/students';
import type { z } from 'zod';
import type { CallContext } from '../../core/context';
import { newJobId, startJob, yieldToLoop, type JobHandle } from '../../core/jobs';
import type { Role } from '../../../../shared/domain/permissions';
import { canSeeIdentity, maskIdentity } from './masking';

const DEFAULT_COLUMNS = STUDENT_FIELDS.map((f) => f.key);
/** Rows written between two turns of the event loop (a few milliseconds of work). */
const STEP = 1000;

/** The value a person expects in the cell: names for codes, Date for dates, text for numbers-as-text. */
function cellValue(row: RosterRecord, key: StudentFieldKey): string | number | Date | null {
  const v = (row as unknown as Record<string, unknown>)[key];
  if (v == null || v === '') return null;
  switch (key) {
    case 'gender':
      return v === '1' ? '男' : v === '2' ? '女' : String(v);
    case 'ethnicityCode':
      return findEthnicity(String(v))?.name ?? String(v);
    case 'politicalStatusCode':
      return findPoliticalStatus(String(v))?.name ?? String(v);
    case 'status':
      return studentStatusName(String(v)) ?? String(v);
    case 'cohortYear':
      return Number(v);
    default:
      break;
  }
  if (FIELD_BY_KEY[key].kind === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(v));
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : String(v);
  }
  return String(v);
}

/**
 * Writes the filtered roster to .xlsx with exceljs's streaming writer (memory stays flat for tens of
 * thousands of rows): Chinese headers, ID numbers and other digit strings as text, dates as real
 * dates, frozen header row, autofilter, widths that fit.
 */
export async function writeRosterXlsx(
  rows: Iterable<RosterRecord>,
  columns: StudentFieldKey[],
  sheetName = '学生名单',
  /** Called every STEP rows: report progress, let the event loop turn, throw to stop. */
  step: (written: number) => Promise<void> = async () => {},
): Promise<{ buffer: Buffer; count: number }> {
  let count = 0;
  const buffer = await streamWorkbook(async (wb) => {
    const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = columns.map((key) => {
      const f = FIELD_BY_KEY[key];
      const numFmt = f.kind === 'date' ? 'yyyy-mm-dd' : f.kind === 'number' ? '0' : '@';
      return { header: f.label, key, width: f.width, style: { numFmt } };
    });
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    header.commit();
    // The column definitions (with '@' for text) were written with the header row. Data cells of
    // text columns need no style of their own — a string is text anyway — and exceljs spends about a
    // fifth of a large export looking up the style of every cell, so only dates and numbers keep one.
    columns.forEach((key, i) => {
      if (FIELD_BY_KEY[key].kind !== 'date' && FIELD_BY_KEY[key].kind !== 'number') ws.getColumn(i + 1).style = {};
    });
    for (const row of rows) {
      ws.addRow(columns.map((k) => workbookCell(cellValue(row, k)))).commit();
      if (++count % STEP === 0) await step(count);
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    ws.commit();
  });
  return { buffer, count };
}

/**
 * 导出名单 as a job: the rows are read at once (an open SQLite cursor would keep other calls out of
 * the connection while the loop turns), then written in steps with progress and 取消. The file is the
 * job's output, which the host saves (download, save dialog, the CLI's --out).
 */
export async function exportStudents(ctx: CallContext, input: z.output<typeof ExportInput>) {
  const actor = ctx.actor();
  const job = startJob(ctx, 'students.export', input.jobId ?? newJobId(), '已取消导出。');
  return job.run(() => exportToJob(ctx, actor.role, input, job), (r) => `已导出 ${r.rows} 行：${r.fileName}`);
}

async function exportToJob(ctx: CallContext, role: Role, input: z.output<typeof ExportInput>, job: JobHandle) {
  const columns = input.columns ?? DEFAULT_COLUMNS;
  const full = canSeeIdentity(role);
  const source = [...rosterRows(ctx.db(), input.filter, input.sort, { identity: full, classIds: ctx.scope() })];
  const rows = full ? source : source.map(maskIdentity);
  job.progress(0, rows.length, `正在导出：共 ${rows.length} 行`, true);
  const { buffer, count } = await writeRosterXlsx(rows, columns, '学生名单', async (written) => {
    job.progress(written, rows.length, `正在导出：已写入 ${written} / ${rows.length} 行`);
    await yieldToLoop();
    job.check();
  });
  const identifying = columns.filter((k) => FIELD_BY_KEY[k].identifying).map((k) => FIELD_BY_KEY[k].label);
  // Who took which personal data out of the app, and how much of it.
  ctx.write(() => ({
    value: null,
    audit: [{
      action: 'students.export',
      entity: 'students',
      entityId: null,
      summary: `导出学生名单 ${count} 行${identifying.length ? `（含${identifying.join('、')}${full ? '' : '，已脱敏'}）` : ''}`,
      changes: [
        { field: 'rows', before: null, after: count },
        { field: 'columns', before: null, after: columns },
        { field: 'filter', before: null, after: input.filter },
      ],
    }],
  }));
  const fileName = `学生名单_${format(new Date(ctx.core.now()), 'yyyyMMdd_HHmm')}.xlsx`;
  job.setOutput({ fileName, mime: XLSX_MIME, bytes: buffer });
  return { jobId: job.jobId!, fileName, rows: count };
}
