import { diffFields } from '../../../../db/queries/audit';
import { getCertificatePrintSettings, listProfiles, listTemplates, putCertificatePrintSettings } from '../../../../db/queries/certificate-templates';
import type { Handlers } from '../../core/handlers-type';
import { calibrationSheet } from './calibration';
import { printCertificates } from './print';
import { sampleFacts } from './facts';
import { removeProfile, saveProfile } from './profiles';
import {
  backgroundOf, detailOf, exportTemplate, importTemplate, makeDefault, mustTemplate, removeTemplate, saveTemplate, setBackground, summaryOf,
} from './templates';

type Own = Extract<keyof Handlers, `certificateTemplates.${string}` | `printerProfiles.${string}` | 'certificates.calibrationSheet' | 'certificates.print'>;

/**
 * 证书套打: templates, 证书设置, printer profiles, the calibration sheet and the batch print. The
 * certificates.* channels of the records side (numbers, ledger) are the certificate records
 * feature's; these two are ours, hence a Pick rather than FeatureHandlers<'certificates'>.
 */
export const certificatePrintHandlers: Pick<Handlers, Own> = {
  'certificateTemplates.list': (_input, ctx) => listTemplates(ctx.db()).map(summaryOf),
  'certificateTemplates.get': ({ name }, ctx) => detailOf(mustTemplate(ctx, name)),
  'certificateTemplates.save': (input, ctx) => saveTemplate(ctx, input),
  'certificateTemplates.delete': ({ name }, ctx) => removeTemplate(ctx, name),
  'certificateTemplates.setDefault': ({ name }, ctx) => makeDefault(ctx, name),
  'certificateTemplates.setBackground': (input, ctx) => setBackground(ctx, input),
  'certificateTemplates.background': ({ name }, ctx) => backgroundOf(ctx, name),
  'certificateTemplates.export': (input, ctx) => exportTemplate(ctx, input),
  'certificateTemplates.import': ({ fileId }, ctx) => importTemplate(ctx, fileId),
  'certificateTemplates.sampleFacts': ({ studentId }, ctx) => sampleFacts(ctx, studentId),
  'certificateTemplates.settings': (_input, ctx) => getCertificatePrintSettings(ctx.db()),
  'certificateTemplates.saveSettings': (input, ctx) =>
    ctx.write((db) => {
      const before = getCertificatePrintSettings(db);
      const value = { presidentName: input.presidentName.trim() };
      putCertificatePrintSettings(db, value);
      const changes = diffFields(before, value, ['presidentName']);
      return { value, audit: changes.length ? [{ action: 'certificateTemplates.saveSettings', entity: 'settings', entityId: null, summary: '修改证书设置', changes }] : [] };
    }),
  'printerProfiles.list': (_input, ctx) => listProfiles(ctx.db()),
  'printerProfiles.save': (input, ctx) => saveProfile(ctx, input),
  'printerProfiles.delete': ({ name }, ctx) => removeProfile(ctx, name),
  'certificates.calibrationSheet': (input, ctx) => calibrationSheet(ctx, input),
  'certificates.print': (input, ctx) => printCertificates(ctx, input),
};
