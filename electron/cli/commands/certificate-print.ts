import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { TEMPLATE_FIELD_KEYS } from '../../../shared/domain/certificates/template';
import { refuse, withRefusals } from '../refusals';
import type { CliSession } from '../session';

const USAGE = [
  '用法：certificates template show|export NAME [FILE] | certificates template import FILE [--json]',
  '      certificates print --cohort 2023 [--major 专业名称|代码] [--template NAME] [--printer-profile NAME] [--start-sheet 空白证书编号] [--reprint-reason 原因] --out FILE.pdf [--json]',
].join('\n');

export interface CertificatePrintOptions {
  cohort: string | undefined;
  major: string | undefined;
  template: string | undefined;
  printerProfile: string | undefined;
  startSheet: string | undefined;
  reprintReason: string | undefined;
  out: string | undefined;
  json: boolean;
}

/** Whether `certificates <sub>` is this file's (template, print); `certificates assign` is the records side's. */
export const isCertificatePrintCommand = (sub: string | undefined) => sub === 'template' || sub === 'print';

/**
 * `certificates template show|import|export` and `certificates print`: the same calls as the
 * 证书套打 page — the same permission (certificates.print), checks, ledger and audit. Without
 * --template, the department's default template (the app ships one).
 */
export async function certificatePrintCommand(session: CliSession, args: string[], opts: CertificatePrintOptions): Promise<number> {
  const [sub, action, name, file] = args;
  return withRefusals(opts.json, async () => {
    if (sub === 'template') return template(session, action, name, file, opts.json);
    if (sub === 'print') return print(session, opts);
    refuse('VALIDATION', USAGE);
  });
}

async function template(session: CliSession, action: string | undefined, name: string | undefined, file: string | undefined, json: boolean): Promise<number> {
  if (action === 'import') {
    const path = name;
    if (!path) refuse('VALIDATION', `请指定要导入的模板文件。${USAGE}`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(resolve(path));
    } catch {
      refuse('NOT_FOUND', `找不到文件“${path}”。`);
    }
    const r = await session.call('certificateTemplates.import', { fileId: session.addFile(basename(path), bytes) });
    console.log(json ? JSON.stringify(r.template, null, 2) : `已导入证书模板“${r.template.name}”（${r.template.kind}，${r.template.fields.length} 项）`);
    return 0;
  }
  if (action !== 'show' && action !== 'export') refuse('VALIDATION', USAGE);
  if (!name) refuse('VALIDATION', `请指定模板名称。${USAGE}`);
  if (action === 'show') {
    const { template: t, summary } = await session.call('certificateTemplates.get', { name });
    if (json) {
      console.log(JSON.stringify({ ...t, isDefault: summary.isDefault, hasBackground: summary.hasBackground }, null, 2));
      return 0;
    }
    const lines = [
      `${t.name}（${t.kind}${summary.isDefault ? '，默认' : ''}）纸张 ${t.page.widthMm}×${t.page.heightMm} 毫米${summary.hasBackground ? '，有底图' : ''}`,
      ...t.fields.map((f) => `  ${f.key === 'text' ? `固定文字“${f.text ?? ''}”` : TEMPLATE_FIELD_KEYS[f.key]}\t左 ${f.xMm} 上 ${f.yMm} 宽 ${f.widthMm} 毫米\t${f.font === 'serif' ? '宋体' : '黑体'} ${f.sizePt} 磅\t${{ left: '左对齐', center: '居中', right: '右对齐' }[f.align]}${f.letterSpacingPt ? `\t字间距 ${f.letterSpacingPt} 磅` : ''}${f.dateForm ? `\t${f.dateForm === 'numeral' ? '二〇〇五年九月一日' : '2005年9月1日'}` : ''}`),
      t.photo ? `  照片框\t左 ${t.photo.xMm} 上 ${t.photo.yMm} 宽 ${t.photo.widthMm} 高 ${t.photo.heightMm} 毫米` : '  无照片框',
    ];
    console.log(lines.join('\n'));
    return 0;
  }
  const r = await session.call('certificateTemplates.export', { name, jobId: `cli-${randomUUID()}` });
  const output = session.jobOutput(r.jobId);
  if (!output) refuse('NOT_FOUND', '导出的模板文件已不可用，请重试。');
  const out = resolve(file ?? r.fileName);
  writeFileSync(out, output.bytes);
  console.log(json ? JSON.stringify({ file: out, fileName: r.fileName }, null, 2) : `已导出证书模板“${name}”到 ${out}`);
  return 0;
}

async function print(session: CliSession, opts: CertificatePrintOptions): Promise<number> {
  if (!opts.out) refuse('VALIDATION', `请用 --out 指定输出的 PDF 文件。\n${USAGE}`);
  const cohortYear = Number(opts.cohort);
  if (!opts.cohort || !Number.isInteger(cohortYear)) refuse('VALIDATION', `请用 --cohort 指定年级（四位年份，如 2023）。\n${USAGE}`);
  let majorId: number | undefined;
  if (opts.major) {
    const name = opts.major.trim();
    const major = (await session.call('org.tree', {})).majors.find((m) => m.name === name || m.code === name);
    if (!major) refuse('NOT_FOUND', `没有名为“${name}”的专业（按名称或代码查找）。`);
    majorId = major.id;
  }
  const r = await session.call('certificates.print', {
    cohortYear,
    ...(majorId !== undefined ? { majorId } : {}),
    ...(opts.template ? { templateName: opts.template } : {}),
    ...(opts.printerProfile ? { profileName: opts.printerProfile } : {}),
    ...(opts.startSheet ? { startSerial: opts.startSheet } : {}),
    ...(opts.reprintReason ? { reprintReason: opts.reprintReason } : {}),
    jobId: `cli-${randomUUID()}`,
  });
  const output = session.jobOutput(r.jobId);
  if (!output) refuse('NOT_FOUND', '生成的证书 PDF 已不可用，请重试。');
  const out = resolve(opts.out);
  writeFileSync(out, output.bytes);
  const result = { file: out, fileName: r.fileName, count: r.count, firstSerial: r.firstSerial, lastSerial: r.lastSerial, leftOut: r.leftOut, page: output.pageMm };
  console.log(
    opts.json
      ? JSON.stringify(result, null, 2)
      : `已生成 ${r.count} 张证书到 ${out}${r.firstSerial ? `（空白证书 ${r.firstSerial}–${r.lastSerial}）` : ''}\n${r.leftOut.map((l) => `未打印：${l}\n`).join('')}打印时请选“实际大小”或 100%，不要选“适合页面”。`,
  );
  return 0;
}
