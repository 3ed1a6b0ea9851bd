import { transcriptIssuesOf, transcriptStudents } from '../../../../db/queries/transcripts';
import { englishGaps, transcriptSheet, type TranscriptLang } from '../../../../shared/domain/transcripts';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { localDay } from '../../core/local-day';
import { missingGlyphMessages, missingGlyphs } from '../../core/pdf';
import { glyphItems } from './checks';
import { transcriptCommon, transcriptInput } from './facts';
import { checkCode } from './print';

/**
 * 预览 in the app: the transcript's words as the PDF will print them (the same sheet), what would
 * keep it from being issued (English names missing, characters the font lacks), and the transcripts
 * already issued for the student. Reads only: nothing is logged.
 */
export function previewTranscript(ctx: CallContext, { studentId, lang }: { studentId: number; lang: TranscriptLang }) {
  const db = ctx.db();
  const [student] = transcriptStudents(db, [studentId]);
  if (!student) throw new AppError('NOT_FOUND', '找不到该学生，可能已被删除');
  const input = transcriptInput(db, student, transcriptCommon(db), lang, localDay(ctx.core.now()));
  const sheet = transcriptSheet(input);
  const problems = [
    ...(lang === 'en' ? englishGaps(input).map((g) => g.message) : []),
    ...missingGlyphMessages(missingGlyphs(glyphItems([input], [sheet]), 'serif')),
  ];
  const issued = transcriptIssuesOf(db, studentId).slice(0, 20).map((r) => ({
    issuedAt: r.issuedAt, issuedBy: r.issuedBy, lang: r.lang, pageName: r.pageName, checkCode: checkCode(r.contentSha256), gpaText: r.gpaText,
  }));
  return { sheet, problems, issued };
}
