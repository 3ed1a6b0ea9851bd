/**
 * 导出审计日志: the entries a filter shows, as a workbook a person reads — every action, object and
 * field by its Chinese name (the same catalogue as the screen), oldest last as on screen. A job:
 * read a page at a time with turns of the event loop between, progress and 取消; the file is the
 * job's output, saved through the host.
 *
 * The same shape as the screen: a batch (an import) is one row, its summary ending with how many
 * rows it has; those rows follow it as an Excel outline group (level 1), collapsed, so the sheet
 * reads one line per batch and the + beside it opens the rows. Every entry is in the file.
 */
import { format } from 'date-fns';
import type { z } from 'zod';
import { listAudit, type AuditFilter } from '../../../../db/queries/audit';
import { findStudentIds } from '../../../../db/queries/students';
import { auditActionLabel, auditEntityLabel, auditFieldLabel, auditValueText } from '../../../../shared/domain/audit-actions';
import { fieldLabel as studentFieldLabel } from '../../../../shared/domain/student-fields';
import type { AuditExportInput } from '../../../../shared/ipc/schemas/audit';
import type { CallContext } from '../../core/context';
import { newJobId, startJob, yieldToLoop } from '../../core/jobs';
import { streamWorkbook, workbookCell, XLSX_MIME } from '../../core/xlsx-buffer';

/** Entries read between two turns of the event loop. */
const PAGE = 2000;
/** The most one export writes (a year of a busy office is a few tens of thousands). */
const MAX_ROWS = 200_000;

const label = (k: string) => auditFieldLabel(k, studentFieldLabel);

export async function exportAudit(ctx: CallContext, { jobId, student, ...filter }: z.output<typeof AuditExportInput>) {
  ctx.actor();
  const job = startJob(ctx, 'audit.export', jobId ?? newJobId(), '已取消导出。');
  return job.run(async () => {
    const db = ctx.db();
    const scope = ctx.scope();
    const base: Omit<AuditFilter, 'page' | 'pageSize'> = { ...filter, ...(student ? { studentIds: findStudentIds(db, student) } : {}), ...(scope ? { classScope: scope } : {}) };
    let written = 0;
    const buffer = await streamWorkbook(async (wb) => {
      const ws = wb.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
      ws.columns = [
        { header: '时间', key: 'at', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } },
        { header: '用户', key: 'username', width: 12 },
        { header: '操作', key: 'action', width: 14 },
        { header: '对象', key: 'entity', width: 10 },
        { header: '摘要', key: 'summary', width: 60 },
        { header: '字段变化', key: 'changes', width: 80 },
      ];
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      ws.properties.outlineProperties = { summaryBelow: false, summaryRight: false };
      type Entry = ReturnType<typeof listAudit>['rows'][number];
      const write = (r: Entry, level: 0 | 1) => {
        const changes = r.changes.map((c) => `${label(c.field)}：${auditValueText(c.field, c.before, label)} → ${auditValueText(c.field, c.after, label)}`).join('\n');
        // Local time, as the screen shows it; Excel has no time zones.
        const at = new Date(r.at);
        const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
        const summary = level === 0 && r.childCount > 0 ? `${r.summary}（明细 ${r.childCount} 条，见下方分组）` : r.summary;
        const row = ws.addRow({
          at: local, username: workbookCell(r.username), action: workbookCell(auditActionLabel(r.action)), entity: workbookCell(auditEntityLabel(r.entity)),
          summary: workbookCell(summary), changes: workbookCell(changes),
        });
        if (level) {
          row.outlineLevel = 1;
          row.hidden = true;
        }
        row.commit();
        written++;
      };
      const pace = async (total: number) => {
        job.progress(written, Math.min(total, MAX_ROWS), `正在导出审计日志：${written} / ${total} 条`, true);
        await yieldToLoop();
        job.check();
      };
      for (let page = 0; written < MAX_ROWS; page++) {
        const { rows, total } = listAudit(db, { ...base, page, pageSize: PAGE });
        for (const r of rows) {
          if (written >= MAX_ROWS) break;
          write(r, 0);
          // A batch's rows, a page at a time (an import of 50,000 rows is one entry with 50,000 parts).
          for (let part = 0; r.childCount > 0 && r.parentId === null && part * PAGE < r.childCount && written < MAX_ROWS; part++) {
            for (const c of listAudit(db, { parentId: r.id, page: part, pageSize: PAGE, ...(scope ? { classScope: scope } : {}) }).rows) {
              if (written >= MAX_ROWS) break;
              write(c, 1);
            }
            await pace(total);
          }
        }
        if (rows.length < PAGE) break;
        await pace(total);
      }
      job.progress(written, written, `正在导出审计日志：${written} 条`, true);
      ws.commit();
    });
    const fileName = `审计日志_${format(new Date(ctx.core.now()), 'yyyyMMdd_HHmm')}.xlsx`;
    job.setOutput({ fileName, mime: XLSX_MIME, bytes: buffer });
    ctx.write(() => ({
      value: null,
      audit: [{ action: 'audit.export', entity: 'audit', entityId: null, summary: `导出审计日志 ${written} 条`, changes: [{ field: 'rows', before: null, after: written }] }],
    }));
    return { jobId: job.jobId!, fileName, rows: written };
  }, (r) => `已导出审计日志 ${r.rows} 条：${r.fileName}`);
}
