/**
 * 学业预警通知书 for a warned student, to the student or to the parent, as a PDF job for the host to
 * print or save. The tier and the reasons are the term's latest run's stored texts; the number runs
 * per term. Printing the same notice again (same student, term, recipient and tier) keeps its number
 * and its words; a new tier is a new notice. Each issue is recorded and audited under the student.
 */
import type { z } from 'zod';
import { getSettings } from '../../../../db/queries/settings';
import { findNotice, insertNotice, lastNoticeSerial, markReissued, type NoticeRow } from '../../../../db/queries/warning-followups';
import { listUsers } from '../../../../db/queries/users';
import { NOTICE_RECIPIENTS, noticeFileName, noticeGlyphItems, noticeNumber, noticeText, type NoticeFacts } from '../../../../shared/domain/warnings';
import type { IssueNoticeInput, IssueNoticeOutput } from '../../../../shared/ipc/schemas/warning-followups';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { newJobId, startJob } from '../../core/jobs';
import { assertPrintable, PDF_MIME, renderPdf } from '../../core/pdf';
import { currentResult, noticeName, reasonTexts, studentOrThrow } from './followups';
import { noticeDocument } from './notice-document';

/** Another notice of the term may be numbered while this one renders: then it is made again with the next number. */
const ATTEMPTS = 3;

export async function issueNotice(ctx: CallContext, input: z.output<typeof IssueNoticeInput>): Promise<z.output<typeof IssueNoticeOutput>> {
  const actor = ctx.actor();
  const job = startJob(ctx, 'warnings.notice', input.jobId ?? newJobId(), '已取消，未打印通知书。');
  return job.run(async () => {
    const db = ctx.db();
    const s = studentOrThrow(db, input.studentId);
    const current = currentResult(db, s, input.term);
    if (!current?.tier) throw new AppError('VALIDATION', `${s.name}在 ${input.term} 学期最近一次学业预警中没有预警等级，不能发出通知书。`);
    const { schoolName, departmentName } = getSettings(db);
    if (!schoolName.trim()) throw new AppError('VALIDATION', '尚未填写学校名称：请管理员先在“系统设置”中填写，通知书上要写明发出单位。');
    const contact = listUsers(db).find((u) => u.username === actor.username)?.displayName ?? actor.username;
    const key = { studentId: s.id, term: input.term, recipient: input.recipient, tier: current.tier };
    const what = input.recipient === 'parent' ? '学业预警通知书（致家长）' : '学业预警通知书';
    job.progress(0, 1, `正在生成${what}…`, true);

    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const existing = findNotice(db, key);
      const serial = existing?.serial ?? lastNoticeSerial(db, input.term) + 1;
      const noticeNo = existing?.noticeNo ?? noticeNumber(input.term, serial);
      // A re-issue prints what was issued: the reasons as they were then.
      const reasons = existing ? (JSON.parse(existing.reasons) as string[]) : reasonTexts(current.reasons);
      const facts: NoticeFacts = {
        schoolName, departmentName, name: s.name, studentNo: s.studentNo, majorName: s.majorName, className: s.className,
        term: input.term, tier: current.tier, reasons, contact, noticeNo,
      };
      // Nothing is made or recorded while a character would print as a box.
      assertPrintable(noticeGlyphItems(facts), 'serif');
      const bytes = await renderPdf(noticeDocument(noticeText(input.recipient, facts, new Date(ctx.core.now()))), 'serif');
      job.check();
      const at = new Date(ctx.core.now()).toISOString();
      const recorded = ctx.write((tx, who) => {
        const now = findNotice(tx, key);
        if (existing ? now?.id !== existing.id : now || lastNoticeSerial(tx, input.term) + 1 !== serial) return { value: false, audit: [] };
        if (existing) markReissued(tx, existing.id, who.username, at);
        else
          insertNotice(tx, {
            ...key, colour: current.colour, runId: current.runId, reasons: JSON.stringify(reasons), serial, noticeNo, issuedBy: who.username, issuedAt: at,
          } satisfies Omit<NoticeRow, 'id' | 'issueCount' | 'lastIssuedBy' | 'lastIssuedAt' | 'receiptOn' | 'receiptNote' | 'receiptBy' | 'receiptAt'>);
        const name = noticeName({ recipient: input.recipient, noticeNo });
        return {
          value: true,
          audit: [{
            action: 'warnings.issueNotice',
            entity: 'student',
            entityId: s.id,
            summary: `${existing ? '重新打印' : '打印'}${name}：${s.name}${s.studentNo ? `（${s.studentNo}）` : ''}，${input.term} ${current.tier}`,
            changes: [
              { field: 'recipient', before: null, after: NOTICE_RECIPIENTS[input.recipient] },
              { field: 'noticeNo', before: null, after: noticeNo },
              { field: 'tier', before: null, after: current.tier },
            ],
          }],
        };
      });
      if (!recorded) continue;
      const fileName = noticeFileName(input.recipient, s);
      job.setOutput({ fileName, mime: PDF_MIME, bytes, pageMm: { widthMm: 210, heightMm: 297 } });
      return { jobId: job.jobId ?? '', fileName, noticeNo, reissued: !!existing };
    }
    throw new AppError('CONFLICT', '同时打印的通知书较多，未能编号：请重试。');
  }, (o) => `已${o.reissued ? '重新' : ''}打印${o.fileName.replace(/_.*$/, '')}（编号 ${o.noticeNo}）`);
}
