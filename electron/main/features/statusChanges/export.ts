import { format, parseISO } from 'date-fns';
import type { z } from 'zod';
import { getSettings } from '../../../../db/queries/settings';
import type { ExportMonthInput } from '../../../../shared/ipc/schemas/status-changes';
import type { CallContext } from '../../core/context';
import { newJobId, startJob } from '../../core/jobs';
import { assertPrintable, marginsMm, PDF_MIME, renderPdf, titleBlock, type GlyphItem } from '../../core/pdf';
import { pageSetup } from '../../core/pdf/page';
import { streamWorkbook, workbookCell, XLSX_MIME } from '../../core/xlsx-buffer';
import { canSeeIdentity } from '../students/masking';
import { MONTH_COLUMNS, monthBounds, monthLines, type MonthLine } from './month';

/**
 * 学籍异动月报: the month's applied orders — the platform wants them by the 15th of the next month —
 * as a formatted workbook or a printable list (A4 landscape). A job, like every file the app makes.
 */
export async function exportMonth(ctx: CallContext, input: z.output<typeof ExportMonthInput>) {
  const actor = ctx.actor();
  const job = startJob(ctx, 'statusChanges.export', input.jobId ?? newJobId(), '已取消导出。');
  return job.run(async () => {
    const identity = canSeeIdentity(actor.role);
    const lines = monthLines(ctx.db(), input.month, ctx.scope(), identity);
    const settings = getSettings(ctx.db());
    const { label } = monthBounds(input.month);
    const title = `${label}学籍异动汇总`;
    const issuer = [settings.schoolName, settings.departmentName].filter(Boolean).join(' ');
    job.progress(0, lines.length, `正在生成：共 ${lines.length} 条`, true);
    const pdf = input.format === 'pdf';
    const bytes = pdf ? await monthPdf(lines, title, issuer, format(new Date(ctx.core.now()), 'yyyy年M月d日')) : await monthWorkbook(lines, title, issuer);
    job.check();
    ctx.write(() => ({
      value: null,
      audit: [{ action: 'statusChanges.export', entity: 'statusChanges', entityId: null, summary: `导出${title}（${lines.length} 条${pdf ? '，打印清单' : ''}${identity ? '' : '，身份证号已脱敏'}）` }],
    }));
    const fileName = `${title}.${pdf ? 'pdf' : 'xlsx'}`;
    job.setOutput({ fileName, mime: pdf ? PDF_MIME : XLSX_MIME, bytes, ...(pdf ? { pageMm: { widthMm: 297, heightMm: 210 } } : {}) });
    return { jobId: job.jobId!, fileName, rows: lines.length };
  }, (r) => `已生成${r.fileName}（${r.rows} 条）`);
}

const DATE_KEYS: ReadonlySet<keyof MonthLine> = new Set(['effectiveDate', 'until', 'approvedOn']);
/** A yyyy-MM-dd day as an Excel date (midnight UTC, so no time zone moves it); empty stays empty. */
const dateCell = (day: string) => (day ? parseISO(`${day}T00:00:00Z`) : null);

async function monthWorkbook(lines: readonly MonthLine[], title: string, issuer: string): Promise<Buffer> {
  return streamWorkbook((wb) => {
    const ws = wb.addWorksheet('学籍异动', {
      views: [{ state: 'frozen', ySplit: 3, xSplit: 0 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    });
    // Dates as real dates (sortable and filterable in Excel, as the roster export writes them), the rest as text.
    ws.columns = [{ key: 'no', width: 6 }, ...MONTH_COLUMNS.map((c) => ({ key: c.key, width: c.width, style: { numFmt: DATE_KEYS.has(c.key) ? 'yyyy-mm-dd' : '@' } }))];
    const last = MONTH_COLUMNS.length + 1;
    const titleRow = ws.addRow([workbookCell(title)]);
    titleRow.font = { bold: true, size: 16 };
    titleRow.alignment = { horizontal: 'center' };
    ws.mergeCells(1, 1, 1, last);
    titleRow.commit();
    const sub = ws.addRow([workbookCell(`${issuer}　共 ${lines.length} 条`)]);
    ws.mergeCells(2, 1, 2, last);
    sub.commit();
    const header = ws.addRow(['序号', ...MONTH_COLUMNS.map((c) => c.header)]);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    header.eachCell((c) => (c.border = { bottom: { style: 'thin' } }));
    header.commit();
    lines.forEach((l, i) => {
      const row = ws.addRow([i + 1, ...MONTH_COLUMNS.map((c) => (DATE_KEYS.has(c.key) ? dateCell(l[c.key]) : workbookCell(l[c.key])))]);
      row.alignment = { vertical: 'top', wrapText: true };
      row.commit();
    });
    ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: last } };
    ws.commit();
  });
}

async function monthPdf(lines: readonly MonthLine[], title: string, issuer: string, printedOn: string): Promise<Buffer> {
  const cols = MONTH_COLUMNS.filter((c) => c.pdf);
  // Every character checked before printing: a name the font lacks is refused, not printed as a box.
  const items: GlyphItem[] = lines.flatMap((l) => cols.map((c) => ({ subject: `学生“${l.name}”（学号 ${l.studentNo || '待编'}）`, field: c.header, text: l[c.key] })));
  items.push({ subject: '月报', field: '标题', text: `${title}${issuer}` });
  assertPrintable(items, 'sans');
  const widths = cols.map((c) => (c.key === 'reason' ? '*' : 'auto'));
  return renderPdf({
    ...pageSetup('A4-landscape'),
    pageMargins: marginsMm(12, 15, 12, 15),
    content: [
      titleBlock(title, { fontSize: 16, marginBottomMm: 3 }),
      { text: `${issuer}　共 ${lines.length} 条　打印日期：${printedOn}`, fontSize: 9, alignment: 'center', margin: [0, 0, 0, 8] },
      {
        table: {
          headerRows: 1,
          widths: ['auto', ...widths],
          body: [
            ['序号', ...cols.map((c) => c.header)].map((t) => ({ text: t, bold: true, fillColor: '#e8eef7' })),
            ...lines.map((l, i) => [String(i + 1), ...cols.map((c) => l[c.key])]),
          ],
        },
        fontSize: 8.5,
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
      },
      ...(lines.length ? [] : [{ text: '本月没有生效的学籍异动。', alignment: 'center' as const, margin: [0, 20, 0, 0] as [number, number, number, number] }]),
    ],
    footer: (page: number, pages: number) => ({ text: `第 ${page} 页 / 共 ${pages} 页`, alignment: 'center', fontSize: 8 }),
  }, 'sans');
}
