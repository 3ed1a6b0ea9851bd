/**
 * 证书模板 as data: list, read, save (a new one or renamed), delete, the department's default, the
 * scanned blank behind the designer, and template files (export / import) so schools share them.
 * Every change is audited; the template is checked by the contract (templateProblems) before here.
 */
import { extname } from 'node:path';
import {
  deleteTemplate, getTemplate, listTemplates, putTemplate, setDefaultTemplate, setTemplateBackground, templateBackground, type TemplateRow,
} from '../../../../db/queries/certificate-templates';
import { TEMPLATE_FORMAT, type CertificateTemplate } from '../../../../shared/domain/certificates/template';
import { CertificateTemplateSchema } from '../../../../shared/ipc/schemas/certificate-print';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { takeFile } from '../../core/files';
import { newJobId, startJob } from '../../core/jobs';

export const summaryOf = (r: TemplateRow) => ({ name: r.name, kind: r.kind, isDefault: r.isDefault, hasBackground: r.hasBackground, updatedAt: r.updatedAt, updatedBy: r.updatedBy });
export const detailOf = (r: TemplateRow) => ({ template: r.template, summary: summaryOf(r) });

export function mustTemplate(ctx: CallContext, name: string): TemplateRow {
  const r = getTemplate(ctx.db(), name);
  if (!r) throw new AppError('NOT_FOUND', `找不到证书模板“${name}”，可能已被删除`, 'name');
  return r;
}

const fieldCount = (t: CertificateTemplate) => `${t.page.widthMm}×${t.page.heightMm} 毫米，${t.fields.length} 项${t.photo ? '，含照片框' : ''}`;

/** 保存: a new template (its name must be free), or the one named previousName (a rename must not take another's name). */
export function saveTemplate(ctx: CallContext, input: { template: CertificateTemplate; previousName?: string | undefined }) {
  const t = { ...input.template, name: input.template.name.trim() };
  return ctx.write((db, who) => {
    const at = new Date(ctx.core.now()).toISOString();
    const before = input.previousName !== undefined ? getTemplate(db, input.previousName) : null;
    if (input.previousName !== undefined && !before) throw new AppError('NOT_FOUND', `找不到证书模板“${input.previousName}”，可能已被删除`, 'previousName');
    if (t.name !== input.previousName && getTemplate(db, t.name)) throw new AppError('CONFLICT', `已有名为“${t.name}”的证书模板，请换一个名称`, 'template.name');
    putTemplate(db, t, who.username, at, input.previousName);
    const changes = [
      ...(before && before.name !== t.name ? [{ field: 'name', before: before.name, after: t.name }] : []),
      { field: 'template', before: before ? JSON.stringify(before.template) : null, after: JSON.stringify(t) },
    ];
    return {
      value: detailOf(getTemplate(db, t.name)!),
      audit: [{ action: 'certificateTemplates.save', entity: 'certificateTemplate', entityId: t.name, summary: `${before ? '修改' : '新建'}证书模板“${t.name}”（${t.kind}，${fieldCount(t)}）`, changes }],
    };
  });
}

export function removeTemplate(ctx: CallContext, name: string) {
  return ctx.write((db) => {
    const r = getTemplate(db, name);
    if (!r) throw new AppError('NOT_FOUND', `找不到证书模板“${name}”，可能已被删除`, 'name');
    if (r.isDefault) throw new AppError('VALIDATION', `“${name}”是默认模板，不能删除；请先把另一个模板设为默认`, 'name');
    deleteTemplate(db, name);
    return { value: null, audit: [{ action: 'certificateTemplates.delete', entity: 'certificateTemplate', entityId: name, summary: `删除证书模板“${name}”`, changes: [{ field: 'template', before: JSON.stringify(r.template), after: null }] }] };
  });
}

export function makeDefault(ctx: CallContext, name: string) {
  return ctx.write((db, who) => {
    const r = getTemplate(db, name);
    if (!r) throw new AppError('NOT_FOUND', `找不到证书模板“${name}”，可能已被删除`, 'name');
    const old = listTemplates(db).find((x) => x.isDefault);
    if (old?.name !== name) setDefaultTemplate(db, name, who.username, new Date(ctx.core.now()).toISOString());
    return {
      value: listTemplates(db).map(summaryOf),
      audit: old?.name === name ? [] : [{ action: 'certificateTemplates.setDefault', entity: 'certificateTemplate', entityId: name, summary: `把“${name}”设为默认证书模板`, changes: [{ field: 'default', before: old?.name ?? null, after: name }] }],
    };
  });
}

const IMAGE_MIME: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };
const IMAGE_MAGIC: Record<string, number[]> = { 'image/jpeg': [0xff, 0xd8, 0xff], 'image/png': [0x89, 0x50, 0x4e, 0x47] };
/** A scan of one sheet at 300 dpi is a few MB; beyond this it is not a scan of a form. */
export const MAX_BACKGROUND_BYTES = 15 * 1024 * 1024;

/** 底图: the scanned blank form (JPG/PNG), or none. Kept in the encrypted database, never printed. */
export function setBackground(ctx: CallContext, input: { name: string; fileId: string | null }) {
  let image: { bytes: Buffer; mime: string; fileName: string } | null = null;
  if (input.fileId !== null) {
    const f = takeFile(ctx.core, ctx.clientId, input.fileId);
    const mime = IMAGE_MIME[extname(f.fileName).toLowerCase()];
    if (!mime) throw new AppError('VALIDATION', `“${f.fileName}”不是图片：底图请用 JPG 或 PNG 格式的扫描件`, 'fileId');
    if (f.bytes.length > MAX_BACKGROUND_BYTES) throw new AppError('VALIDATION', `“${f.fileName}”超过 15 MB，请以 150–300 dpi 重新扫描`, 'fileId');
    if (!IMAGE_MAGIC[mime]!.every((b, i) => f.bytes[i] === b)) throw new AppError('VALIDATION', `“${f.fileName}”的内容与扩展名不符，请重新扫描后上传`, 'fileId');
    image = { bytes: Buffer.from(f.bytes), mime, fileName: f.fileName };
  }
  return ctx.write((db, who) => {
    const r = getTemplate(db, input.name);
    if (!r) throw new AppError('NOT_FOUND', `找不到证书模板“${input.name}”，可能已被删除`, 'name');
    setTemplateBackground(db, input.name, image, who.username, new Date(ctx.core.now()).toISOString());
    return {
      value: summaryOf(getTemplate(db, input.name)!),
      audit: [{
        action: 'certificateTemplates.setBackground', entity: 'certificateTemplate', entityId: input.name,
        summary: image ? `为证书模板“${input.name}”设置底图（${image.fileName}，仅用于屏幕显示，不打印）` : `移除证书模板“${input.name}”的底图`,
        changes: [{ field: 'background', before: r.hasBackground ? '有' : null, after: image ? image.fileName : null }],
      }],
    };
  });
}

export function backgroundOf(ctx: CallContext, name: string) {
  mustTemplate(ctx, name);
  const b = templateBackground(ctx.db(), name);
  return b ? { mime: b.mime, bytes: new Uint8Array(b.bytes) } : null;
}

/** What a template file holds: the template and who made it; never the scanned blank (the school's own). */
export const TEMPLATE_FILE_TYPE = '学籍通证书模板';
export const TEMPLATE_FILE_MIME = 'application/json';

export const templateFileName = (name: string) => `证书模板_${name.replace(/[\\/:*?"<>|]/g, '_')}.json`;

export function templateFileBytes(t: CertificateTemplate): Buffer {
  return Buffer.from(`${JSON.stringify({ type: TEMPLATE_FILE_TYPE, format: t.format, template: t }, null, 2)}\n`, 'utf8');
}

export async function exportTemplate(ctx: CallContext, input: { name: string; jobId?: string | undefined }) {
  const r = mustTemplate(ctx, input.name);
  const job = startJob(ctx, 'certificateTemplates.export', input.jobId ?? newJobId());
  return job.run(async () => {
    const fileName = templateFileName(r.name);
    job.setOutput({ fileName, mime: TEMPLATE_FILE_MIME, bytes: templateFileBytes(r.template) });
    return { jobId: job.jobId ?? '', fileName };
  }, (o) => `已导出${o.fileName}`);
}

/**
 * Reads a template file: refused whole, in Chinese, when it is not one, comes from a newer app
 * (format above ours: it would be misread), breaks a rule, or its name is taken.
 */
export function parseTemplateFile(fileName: string, bytes: Uint8Array): CertificateTemplate {
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('VALIDATION', `“${fileName}”不是证书模板文件（无法读取其内容）`, 'fileId');
  }
  const file = data as { type?: unknown; format?: unknown; template?: unknown };
  if (typeof data !== 'object' || data === null || file.type !== TEMPLATE_FILE_TYPE || typeof file.template !== 'object') {
    throw new AppError('VALIDATION', `“${fileName}”不是学籍通导出的证书模板文件`, 'fileId');
  }
  const format = typeof file.format === 'number' ? file.format : (file.template as { format?: unknown }).format;
  if (typeof format === 'number' && format > TEMPLATE_FORMAT) {
    throw new AppError('VALIDATION', `“${fileName}”由更新版本的学籍通导出（模板格式 ${format}，本程序支持到 ${TEMPLATE_FORMAT}），请先升级学籍通再导入`, 'fileId');
  }
  const parsed = CertificateTemplateSchema.safeParse(file.template);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((i) => i.message);
    throw new AppError('VALIDATION', `“${fileName}”中的模板有问题，未导入：\n${messages.join('\n')}`, 'fileId', messages.map((message) => ({ message })));
  }
  return parsed.data as CertificateTemplate;
}

export function importTemplate(ctx: CallContext, fileId: string) {
  const f = takeFile(ctx.core, ctx.clientId, fileId);
  if (f.bytes.length > 1024 * 1024) throw new AppError('VALIDATION', `“${f.fileName}”过大，不是证书模板文件`, 'fileId');
  const t = parseTemplateFile(f.fileName, f.bytes);
  return ctx.write((db, who) => {
    if (getTemplate(db, t.name)) throw new AppError('CONFLICT', `已有名为“${t.name}”的证书模板：请先把现有的改名或删除，再导入“${f.fileName}”`, 'fileId');
    putTemplate(db, t, who.username, new Date(ctx.core.now()).toISOString());
    return {
      value: detailOf(getTemplate(db, t.name)!),
      audit: [{ action: 'certificateTemplates.import', entity: 'certificateTemplate', entityId: t.name, summary: `从“${f.fileName}”导入证书模板“${t.name}”（${t.kind}，${fieldCount(t)}）`, changes: [{ field: 'template', before: null, after: JSON.stringify(t) }] }],
    };
  });
}
