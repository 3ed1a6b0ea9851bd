import { createHash, randomUUID } from 'node:crypto';
import { auditAppender } from '../../../../db/queries/audit';
import { getClass } from '../../../../db/queries/org';
import { getAttachment } from '../../../../db/queries/photos';
import { classStudentIds, getTranscriptSettings, insertTranscriptIssues, transcriptStudents, type TranscriptStudentRow } from '../../../../db/queries/transcripts';
import { hasPermission } from '../../../../shared/domain/permissions';
import {
  A4_PAGE, sheetContent, transcriptSheet, TRANSCRIPT_LANG_LABELS, type TranscriptInput, type TranscriptLang, type TranscriptPage, type TranscriptPageSize, type TranscriptSheet,
} from '../../../../shared/domain/transcripts';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { cancelledError, newJobId, startJob, yieldToLoop, type JobHandle } from '../../core/jobs';
import { localDay } from '../../core/local-day';
import { assertPrintable, PDF_MIME } from '../../core/pdf';
import { readEncrypted } from '../attachments/store';
import { assertEnglishComplete, glyphItems } from './checks';
import type { TranscriptPart } from './document';
import { renderTranscripts } from './render';
import { transcriptCommon, transcriptInput, type TranscriptTotals } from './facts';

export interface PrintInput {
  studentId?: number | undefined;
  classId?: number | undefined;
  lang: TranscriptLang;
  page: TranscriptPage;
  photo: boolean;
  jobId?: string | undefined;
}

export const TRANSCRIPT_AUDIT_ACTION = 'transcripts.issue';

/** The version an issued transcript is logged under: SHA-256 of its words (print date aside). */
export const contentHash = (sheet: TranscriptSheet) => createHash('sha256').update(JSON.stringify(sheetContent(sheet))).digest('hex');
/** 校验码 printed on the transcript: the hash's first 12 characters, in capitals. */
export const checkCode = (sha: string) => sha.slice(0, 12).toUpperCase();

/** The paper: A4, or the school's own size from the transcript settings (refused when none is set). */
export function transcriptPage(ctx: CallContext, page: TranscriptPage): TranscriptPageSize {
  if (page === 'A4') return A4_PAGE;
  const own = getTranscriptSettings(ctx.db()).schoolPage;
  if (!own) throw new AppError('VALIDATION', '尚未设置学校的成绩单纸张尺寸：请管理员先在“成绩单设置”中填写，或选用 A4。', 'page');
  return own;
}

/** A student's transcript made ready: the sheet, its version, and the photo when asked for. */
interface Prepared {
  student: TranscriptStudentRow;
  input: TranscriptInput & { totals: TranscriptTotals };
  sheet: TranscriptSheet;
  sha: string;
}

function photoOf(ctx: CallContext, s: TranscriptStudentRow): string | null {
  if (s.photoAttachmentId === null) return null;
  const att = getAttachment(ctx.db(), s.photoAttachmentId);
  if (!att || (att.mime !== 'image/jpeg' && att.mime !== 'image/png')) return null;
  return `data:${att.mime};base64,${readEncrypted(ctx.core.folder, att.storedName).toString('base64')}`;
}

/**
 * 打印成绩单 for one student or a whole class, as a job whose output is one PDF (a page break per
 * student), printed or saved through the host. Nothing is made while anything would print wrong:
 * the English transcript while a name has no English form, any transcript while a character is
 * missing from the font (named by student or course and field). Each transcript made is logged
 * (transcript_issues: who, when, for whom, language, paper, version) and audited.
 */
export async function printTranscripts(ctx: CallContext, input: PrintInput) {
  const actor = ctx.actor();
  if (input.photo && !hasPermission(actor.role, 'students.identity.read')) throw new AppError('FORBIDDEN', '您没有查看学生照片的权限，请不带照片打印。', 'photo');
  const job = startJob(ctx, 'transcripts.print', input.jobId ?? newJobId(), '已取消，未生成成绩单。');
  return job.run(() => make(ctx, input, job), (o) => `已生成${o.fileName}（${o.count} 份）`);
}

function targets(ctx: CallContext, input: PrintInput): { ids: number[]; className: string | null } {
  const db = ctx.db();
  if (input.classId !== undefined) {
    const cls = getClass(db, input.classId);
    if (!cls) throw new AppError('NOT_FOUND', '找不到该班级', 'classId');
    const ids = classStudentIds(db, cls.id);
    if (ids.length === 0) throw new AppError('VALIDATION', `${cls.name}没有学生，无成绩单可打印`, 'classId');
    return { ids, className: cls.name };
  }
  return { ids: [input.studentId!], className: null };
}

async function make(ctx: CallContext, input: PrintInput, job: JobHandle) {
  const db = ctx.db();
  const page = transcriptPage(ctx, input.page);
  const { ids, className } = targets(ctx, input);
  const students = transcriptStudents(db, ids);
  if (students.length === 0) throw new AppError('NOT_FOUND', '找不到该学生，可能已被删除');
  const common = transcriptCommon(db);
  const printedOn = localDay(ctx.core.now());
  const prepared: Prepared[] = [];
  for (const [i, student] of students.entries()) {
    if (i % 50 === 0) {
      job.progress(i, students.length, `正在读取成绩（${i}/${students.length}）…`, true);
      await yieldToLoop();
      job.check();
    }
    const data = transcriptInput(db, student, common, input.lang, printedOn);
    const sheet = transcriptSheet(data);
    prepared.push({ student, input: data, sheet, sha: contentHash(sheet) });
  }
  // Refusals before any page is made.
  if (input.lang === 'en') assertEnglishComplete(prepared.map((p) => p.input));
  assertPrintable(glyphItems(prepared.map((p) => p.input), prepared.map((p) => p.sheet)), 'serif');
  job.check();

  job.progress(0, 0, `正在排版 ${prepared.length} 份成绩单…`, true);
  const parts: TranscriptPart[] = prepared.map((p) => ({ sheet: p.sheet, checkCode: checkCode(p.sha), photo: input.photo ? photoOf(ctx, p.student) : null }));
  const bytes = await renderTranscripts({ parts, page }, () => job.cancelled);
  job.check();
  if (!bytes) throw cancelledError('已取消，未生成成绩单。');

  const at = new Date(ctx.core.now());
  const batch = prepared.length > 1 ? randomUUID() : null;
  const langLabel = TRANSCRIPT_LANG_LABELS[input.lang];
  const size = `${page.name} ${page.widthMm}×${page.heightMm} 毫米`;
  ctx.write((tx, who) => {
    insertTranscriptIssues(tx, prepared.map((p) => ({
      studentId: p.student.id, lang: input.lang, pageName: page.name, pageWidthMm: page.widthMm, pageHeightMm: page.heightMm, contentSha256: p.sha,
      gpaText: p.input.totals.gpaText, creditsEarned: p.input.totals.creditsEarned, batch, issuedBy: who.username, issuedAt: at.toISOString(),
    })));
    // One entry per transcript, under one batch entry when a class is printed at once.
    const audit = auditAppender(tx, at);
    const user = { userId: who.userId, username: who.username };
    const parent = className
      ? audit.add({ ...user, action: TRANSCRIPT_AUDIT_ACTION, entity: 'class', entityId: input.classId!, summary: `打印成绩单（${langLabel}，${size}）：${className} ${prepared.length} 人` })
      : null;
    for (const p of prepared) {
      audit.add({
        ...user, action: TRANSCRIPT_AUDIT_ACTION, entity: 'student', entityId: p.student.id, ...(parent ? { parentId: parent.id } : {}),
        summary: `打印成绩单（${langLabel}，${size}）：${p.student.name}${p.student.studentNo ? `（${p.student.studentNo}）` : ''}，已获学分 ${p.input.totals.creditsEarned}，平均学分绩点 ${p.input.totals.gpaText}，校验码 ${checkCode(p.sha)}`,
        changes: [
          { field: 'lang', before: null, after: input.lang },
          { field: 'page', before: null, after: size },
          { field: 'contentSha256', before: null, after: p.sha },
        ],
      });
    }
    audit.finish();
    return { value: null, audit: [] };
  });

  const first = prepared[0]!.student;
  const suffix = input.lang === 'en' ? '_英文' : '';
  const fileName = className ? `成绩单_${className}${suffix}.pdf` : `成绩单_${first.name}${first.studentNo ? `_${first.studentNo}` : ''}${suffix}.pdf`;
  job.setOutput({ fileName, mime: PDF_MIME, bytes, pageMm: { widthMm: page.widthMm, heightMm: page.heightMm } });
  return { jobId: job.jobId ?? '', fileName, count: prepared.length, checkCodes: prepared.map((p) => ({ studentId: p.student.id, checkCode: checkCode(p.sha) })) };
}

