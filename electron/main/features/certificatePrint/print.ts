/**
 * 套打: a batch of certificates as one PDF at the form's exact size (a job), printed on pre-printed
 * blank forms. A cohort prints its certificates due on the template's kind of form, and says who
 * it left out and why. Nothing is made while any sheet would print wrong, every reason named by student
 * and field: no certificate number, 暂缓发证, a certificate of the other kind, no photo for the
 * photo box, a value missing, a character the field's font lacks, text wider than its box, a
 * reprint without a reason, too few blank forms. After the pages are made every sheet is logged
 * against the blank-form ledger (recordCertificatePrints) in one transaction, and audited.
 */
import { auditAppender } from '../../../../db/queries/audit';
import { cohortStudentIds, defaultTemplate, getTemplate, type TemplateRow } from '../../../../db/queries/certificate-templates';
import { formSerialsFrom, heldStudentIds, printableCertificates, recordCertificatePrints, type PrintableCertificate } from '../../../../db/queries/certificates';
import { fieldLabel } from '../../../../shared/domain/certificates/fields';
import { NO_CORRECTION, type CertificateTemplate, type PrinterProfile } from '../../../../shared/domain/certificates/template';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { cancelledError, newJobId, startJob, yieldToLoop, type JobHandle } from '../../core/jobs';
import { missingGlyphMessages, missingGlyphs, PDF_MIME, type GlyphItem } from '../../core/pdf';
import { readEncrypted } from '../attachments/store';
import { studentBases, type StudentCertificateBase } from './facts';
import { placeField, placePhoto, type CertificateSheet, type PlacedText } from './layout';
import { profileFor } from './profiles';
import { certificateRenderer } from './render';

export interface PrintCertificatesArgs {
  studentIds?: number[] | undefined;
  cohortYear?: number | undefined;
  majorId?: number | undefined;
  templateName?: string | undefined;
  profileName?: string | undefined;
  startSerial?: string | undefined;
  reprintReason?: string | undefined;
  jobId?: string | undefined;
}

const KIND_OF_TEMPLATE = { 毕业证书: '毕业', 结业证书: '结业' } as const;
/** How many refusals one message lists before "等 N 人". */
const LIST_AT_MOST = 30;

const subjectOf = (s: { name: string; studentNo: string | null }) => `学生“${s.name}”${s.studentNo ? `（学号 ${s.studentNo}）` : ''}`;

function refuse(messages: string[]): never {
  const shown = messages.length > LIST_AT_MOST ? [...messages.slice(0, LIST_AT_MOST), `……等共 ${messages.length} 处问题`] : messages;
  throw new AppError('VALIDATION', `未打印任何证书：\n${shown.join('\n')}`, undefined, messages.map((message) => ({ message })));
}

export function templateFor(ctx: CallContext, name: string | undefined): TemplateRow {
  const db = ctx.db();
  const t = name === undefined ? defaultTemplate(db) : getTemplate(db, name);
  if (!t) throw new AppError('NOT_FOUND', name === undefined ? '尚未设置默认证书模板，请先在“证书套打”中选择模板' : `找不到证书模板“${name}”，可能已被删除`, 'templateName');
  return t;
}

/** The stored photo's bytes in a buffer of their own (moved, not copied, to the render thread). */
function photoBytes(ctx: CallContext, photo: StudentCertificateBase['photo']): Uint8Array | null {
  if (!photo || (photo.mime !== 'image/jpeg' && photo.mime !== 'image/png')) return null;
  return new Uint8Array(readEncrypted(ctx.core.folder, photo.storedName));
}

interface Target {
  base: StudentCertificateBase;
  cert: PrintableCertificate;
}

/** The students and their certificates, and who of a cohort was left out (with why); or every reason they cannot be printed. */
function targets(ctx: CallContext, input: PrintCertificatesArgs, template: CertificateTemplate): { list: Target[]; leftOut: string[] } {
  const db = ctx.db();
  const chosen = input.studentIds !== undefined;
  let ids = input.studentIds ?? cohortStudentIds(db, input.cohortYear!, input.majorId, ctx.scope());
  const certs = new Map(printableCertificates(db, { studentIds: ids }).map((c) => [c.studentId, c]));
  const held = heldStudentIds(db, ids);
  const leftOut: string[] = [];
  if (!chosen) {
    // A cohort prints what is due on this kind of form: its certificates of the template's kind not
    // printed yet — and, with a reprint reason, those printed before too (a stack printed out of
    // place is printed again whole) — in number order, as the stack of forms follows the numbers.
    // The rest is said, not refused: a student under 暂缓发证 or with a 结业证书 must not stop the
    // others' diplomas.
    const reprint = Boolean(input.reprintReason?.trim());
    const all = ids.filter((id) => certs.has(id));
    const noNumber = ids.length - all.length;
    const heldNames = [...studentBases(db, all.filter((id) => held.has(id)), certs).values()].map(subjectOf);
    const ofKind = all.filter((id) => !held.has(id) && certs.get(id)!.kind === KIND_OF_TEMPLATE[template.kind]);
    const otherKind = all.filter((id) => !held.has(id)).length - ofKind.length;
    const printed = reprint ? 0 : ofKind.filter((id) => certs.get(id)!.printedCount > 0).length;
    ids = ofKind.filter((id) => reprint || certs.get(id)!.printedCount === 0).sort((a, b) => certs.get(a)!.certificateNo.localeCompare(certs.get(b)!.certificateNo));
    const other = template.kind === '毕业证书' ? '结业' : '毕业';
    if (heldNames.length) leftOut.push(`暂缓发证，未打印：${heldNames.join('、')}`);
    if (otherKind) leftOut.push(`${otherKind} 人的证书是${other}证书，请选用${other}证书模板另行打印`);
    if (printed) leftOut.push(`${printed} 人的证书已打印过；如需重新打印，请填写重新打印的原因`);
    if (noNumber) leftOut.push(`${noNumber} 人尚未编排证书编号（毕业审核未通过、延长学习年限或尚未分配编号）`);
    if (ids.length === 0) {
      const cohort = `${input.cohortYear} 级${input.majorId !== undefined ? '该专业' : ''}`;
      // All printed already: the answer is the reason box, so the message stands on it.
      const allPrinted = printed > 0;
      const head = allPrinted ? `${cohort}的${template.kind}都已打印过` : `${cohort}没有待打印的${template.kind}`;
      throw new AppError('VALIDATION', leftOut.length ? `${head}：\n${leftOut.join('\n')}` : head, allPrinted ? 'reprintReason' : 'cohortYear', leftOut.map((message) => ({ message })));
    }
  }
  const bases = studentBases(db, ids, certs);
  const problems: string[] = [];
  const out: Target[] = [];
  for (const id of ids) {
    const cert = certs.get(id) ?? null;
    const base = bases.get(id);
    if (!base) {
      problems.push(`学生（编号 ${id}）不存在，可能已被删除`);
      continue;
    }
    const who = subjectOf(base);
    if (held.has(id)) problems.push(`${who}已暂缓发证，不能打印证书`);
    if (!cert) problems.push(`${who}尚未编排证书编号，不能打印`);
    else if (cert.kind !== KIND_OF_TEMPLATE[template.kind]) problems.push(`${who}的证书是${cert.kind}证书，所选模板“${template.name}”用于${template.kind}`);
    if (template.photo && base.photoAttachmentId === null) problems.push(`${who}档案中没有照片，模板有照片框，不能打印`);
    if (cert) out.push({ base, cert });
  }
  if (problems.length) refuse(problems);
  return { list: out, leftOut };
}

/** Every field's words placed for every student; refusals (missing value, glyph, too wide) named by student and field. */
function layOut(ctx: CallContext, list: Target[], template: CertificateTemplate, profile: PrinterProfile): CertificateSheet[] {
  const problems: string[] = [];
  const glyphs: Record<'serif' | 'sans', GlyphItem[]> = { serif: [], sans: [] };
  const texts: PlacedText[][] = [];
  for (const { base } of list) {
    const who = subjectOf(base);
    const placed: PlacedText[] = [];
    for (const field of template.fields) {
      const p = placeField(field, base.facts, profile);
      if (!p.ok) {
        problems.push(`${who}的“${p.field}”：${p.problem}`);
        continue;
      }
      placed.push(p.placed);
      glyphs[field.font].push({ subject: who, field: fieldLabel(field), text: p.placed.text });
    }
    texts.push(placed);
  }
  // The glyph check per field with that field's own font: a name may print in 宋体 but not 黑体.
  const missing = [...missingGlyphMessages(missingGlyphs(glyphs.serif, 'serif')), ...missingGlyphMessages(missingGlyphs(glyphs.sans, 'sans'))];
  if (missing.length || problems.length) refuse([...missing, ...problems]);
  return list.map(({ base }, i) => ({
    texts: texts[i]!,
    photo: template.photo ? placePhoto(template.photo, photoBytes(ctx, base.photo) ?? refuse([`${subjectOf(base)}的照片无法读取，请重新上传`]), profile) : null,
  }));
}

export async function printCertificates(ctx: CallContext, input: PrintCertificatesArgs) {
  const job = startJob(ctx, 'certificates.print', input.jobId ?? newJobId(), '已取消，未打印证书，也未记录任何空白证书。');
  return job.run(() => make(ctx, input, job), (o) => `已生成${o.fileName}（${o.count} 张${o.firstSerial ? `，空白证书 ${o.firstSerial}–${o.lastSerial}` : ''}）`);
}

async function make(ctx: CallContext, input: PrintCertificatesArgs, job: JobHandle) {
  const row = templateFor(ctx, input.templateName);
  const template = row.template;
  const profile = profileFor(ctx, input.profileName) ?? NO_CORRECTION;
  job.progress(0, 0, '正在检查证书信息…', true);
  const { list, leftOut } = targets(ctx, input, template);
  const reprints = list.filter((t) => t.cert.printedCount > 0);
  if (reprints.length && !input.reprintReason?.trim()) {
    refuse(reprints.map((t) => `${subjectOf(t.base)}的证书 ${t.cert.certificateNo} 已打印过，重新打印须填写原因`));
  }
  const serials = formSerialsFrom(ctx.db(), input.startSerial ?? null, list.length);
  if (!Array.isArray(serials)) throw new AppError('VALIDATION', serials.problem, 'startSerial');
  // The batch's worker starts now: its fonts load while the fields are measured and photos read.
  const renderer = certificateRenderer(list.length > 1);
  let bytes: Buffer | null;
  try {
    await yieldToLoop();
    job.check();
    const sheets = layOut(ctx, list, template, profile);
    job.progress(0, 0, `正在排版 ${sheets.length} 张证书…`, true);
    bytes = await renderer.render({ sheets, page: template.page }, () => job.cancelled);
  } finally {
    renderer.end();
  }
  job.check();
  if (!bytes) throw cancelledError('已取消，未打印证书，也未记录任何空白证书。');

  const at = new Date(ctx.core.now());
  const profileLabel = input.profileName ?? NO_CORRECTION.name;
  const reason = input.reprintReason?.trim() || null;
  job.beyondCancel('正在登记空白证书…');
  ctx.write((tx, who) => {
    recordCertificatePrints(tx, {
      prints: list.map((t, i) => ({ certificateId: t.cert.certificateId, formSerial: serials[i] ?? null })),
      templateName: row.name, profileName: profileLabel, reprintReason: reason, by: who.username, at: at.toISOString(),
    });
    // One entry for the batch, one per sheet under it: which certificate went on which blank form.
    const audit = auditAppender(tx, at);
    const user = { userId: who.userId, username: who.username };
    const parent = audit.add({
      ...user, action: 'certificates.print', entity: 'certificateTemplate', entityId: row.name,
      summary: `套打${template.kind} ${list.length} 张（模板“${row.name}”，校准“${profileLabel}”${serials.length ? `，空白证书 ${serials[0]}–${serials.at(-1)}` : ''}${reason ? `，重新打印原因：${reason}` : ''}）`,
    });
    list.forEach((t, i) => {
      const again = t.cert.printedCount > 0;
      audit.add({
        ...user, action: 'certificates.print', entity: 'student', entityId: t.base.id, parentId: parent.id,
        summary: `${again ? '重新打印' : '打印'}${t.cert.kind}证书 ${t.cert.certificateNo}：${t.base.name}${serials[i] ? `，空白证书 ${serials[i]}` : ''}${again && reason ? `，原因：${reason}` : ''}`,
        changes: [{ field: 'formSerial', before: null, after: serials[i] ?? null }, { field: 'certificateNo', before: null, after: t.cert.certificateNo }],
      });
    });
    audit.finish();
    return { value: null, audit: [] };
  });

  const first = list[0]!.base;
  const fileName = list.length === 1 ? `证书_${first.name}_${list[0]!.cert.certificateNo}.pdf` : input.cohortYear !== undefined ? `证书套打_${input.cohortYear}级_${list.length}张.pdf` : `证书套打_${list.length}张.pdf`;
  job.setOutput({ fileName, mime: PDF_MIME, bytes, pageMm: template.page });
  return { jobId: job.jobId ?? '', fileName, count: list.length, firstSerial: serials[0] ?? null, lastSerial: serials.at(-1) ?? null, leftOut };
}
