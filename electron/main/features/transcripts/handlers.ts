import { diffFields } from '../../../../db/queries/audit';
import { getTranscriptSettings, putTranscriptSettings } from '../../../../db/queries/transcripts';
import type { FeatureHandlers } from '../../core/handlers-type';
import { previewTranscript } from './preview';
import { printTranscripts } from './print';

const settingsText = (s: ReturnType<typeof getTranscriptSettings>) => ({
  schoolPage: s.schoolPage ? `${s.schoolPage.name} ${s.schoolPage.widthMm}×${s.schoolPage.heightMm} 毫米` : '仅 A4',
  schoolNameEn: s.schoolNameEn,
  departmentNameEn: s.departmentNameEn,
  majorNamesEn: Object.entries(s.majorNamesEn).map(([id, n]) => `${id}:${n}`).join('；'),
});

/** 成绩单: preview (words as printed), print (a PDF job, logged), and the school's transcript settings. */
export const transcriptsHandlers: FeatureHandlers<'transcripts'> = {
  'transcripts.preview': (input, ctx) => previewTranscript(ctx, input),
  'transcripts.print': (input, ctx) => printTranscripts(ctx, input),
  'transcripts.settings': (_input, ctx) => getTranscriptSettings(ctx.db()),
  'transcripts.saveSettings': (input, ctx) =>
    ctx.write((db) => {
      const before = getTranscriptSettings(db);
      // Only majors that have a name are kept: an emptied field removes the entry.
      const value = { ...input, majorNamesEn: Object.fromEntries(Object.entries(input.majorNamesEn).filter(([, n]) => n.trim() !== '')) };
      putTranscriptSettings(db, value);
      const changes = diffFields(settingsText(before), settingsText(value), ['schoolPage', 'schoolNameEn', 'departmentNameEn', 'majorNamesEn']);
      return { value, audit: changes.length ? [{ action: 'transcripts.saveSettings', entity: 'settings', entityId: null, summary: '修改成绩单设置', changes }] : [] };
    }),
};
