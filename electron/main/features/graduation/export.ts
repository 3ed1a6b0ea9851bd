/**
 * 导出审核结果 (a job; the host saves the .xlsx): the 审核结果 sheet (one row per student with the
 * lines not met and blank columns for the signatures the office collects on paper) and the
 * 未通过课程 sheet (every course left out of a failed check, one row per student and course, with a
 * column for the student's signature).
 */
import type { z } from 'zod';
import { getAudit, listResults } from '../../../../db/queries/graduation';
import type { CheckResult } from '../../../../shared/domain/graduation/rules';
import type { ExportAuditInput, ExportAuditOutput } from '../../../../shared/ipc/schemas/graduation';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { newJobId, startJob } from '../../core/jobs';
import { streamWorkbook, workbookCell, XLSX_MIME } from '../../core/xlsx-buffer';
import { toRow } from './results';
import { selectionLabel } from './run';

export interface FailedCourse {
  code: string;
  name: string;
  credits: string;
  /** The deciding grade as the check gave it ('补考 45 分', '没有成绩', '作弊，成绩无效'). */
  grade: string;
  /** The check it failed ('必修课程'). */
  reason: string;
}

/** The courses left out of the failed checks, once per course code (the first failed check that names it). */
export function failedCourses(checks: readonly CheckResult[]): FailedCourse[] {
  const out = new Map<string, FailedCourse>();
  const walk = (list: readonly CheckResult[]) => {
    for (const c of list) {
      if (c.passed) continue;
      for (const l of c.leftOut) if (!out.has(l.code) && !l.why.startsWith('超出')) out.set(l.code, { code: l.code, name: l.name, credits: l.credits, grade: l.why, reason: `${c.label}未满足` });
      if (c.children) walk(c.children);
    }
  };
  walk(checks);
  return [...out.values()];
}

const bold = { font: { bold: true } };

export async function exportAudit(ctx: CallContext, input: z.output<typeof ExportAuditInput>): Promise<z.output<typeof ExportAuditOutput>> {
  const job = startJob(ctx, 'graduation.export', input.jobId ?? newJobId(), '已取消，未生成文件。');
  return job.run(async () => {
    const db = ctx.db();
    const label = selectionLabel(ctx, input);
    const rows = listResults(db, input, ctx.scope()).map((r) => toRow(r, true));
    if (rows.length === 0) throw new AppError('VALIDATION', `${label}还没有审核结果，请先进行毕业资格审核`, 'cohortYear');
    const failed = rows.flatMap((r) => (r.outcome === '毕业' ? [] : failedCourses(JSON.parse(getAudit(db, r.studentId)!.checks) as CheckResult[]).map((c) => ({ row: r, c }))));
    const bytes = await streamWorkbook((wb) => {
      const ws = wb.addWorksheet('审核结果');
      ws.columns = [{ width: 16 }, { width: 10 }, { width: 14 }, { width: 12 }, { width: 60 }, { width: 12 }, { width: 12 }, { width: 12 }];
      ws.addRow([workbookCell(`${label} 毕业资格审核结果`)]).commit();
      const h = ws.addRow(['学号', '姓名', '班级', '结论', '未满足项', '审核人签字', '学生签字', '日期']);
      h.eachCell((c) => (c.style = bold));
      h.commit();
      for (const r of rows) {
        const note = r.override ? `（已调整：${r.override.reason}）` : '';
        const row = ws.addRow([r.studentNo ?? '', r.name, r.className ?? '', r.outcome + note, r.deficiencies.join('\n'), '', '', ''].map(workbookCell));
        row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
        row.commit();
      }
      ws.commit();
      const fs = wb.addWorksheet('未通过课程');
      fs.columns = [{ width: 16 }, { width: 10 }, { width: 12 }, { width: 20 }, { width: 8 }, { width: 18 }, { width: 24 }, { width: 12 }];
      const fh = fs.addRow(['学号', '姓名', '课程代码', '课程名称', '学分', '成绩', '原因', '学生签字']);
      fh.eachCell((c) => (c.style = bold));
      fh.commit();
      for (const { row: r, c } of failed) fs.addRow([r.studentNo ?? '', r.name, c.code, c.name, c.credits, c.grade, c.reason, ''].map(workbookCell)).commit();
      fs.commit();
    });
    const fileName = `毕业资格审核_${label.replace(/\s+/g, '')}.xlsx`;
    job.setOutput({ fileName, mime: XLSX_MIME, bytes });
    return { jobId: job.jobId ?? '', fileName, rows: rows.length, failedCourses: failed.length };
  }, (o) => `已生成${o.fileName}（${o.rows} 人，未通过课程 ${o.failedCourses} 条）`);
}
