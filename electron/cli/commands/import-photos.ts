import { studentNoText } from '../../../shared/domain/student-no';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import type { CallOutput } from '../../../shared/ipc/contract';
import { CliError } from '../prompt';
import type { CliSession } from '../session';

export interface ImportPhotosOptions {
  source: string;
  match?: string;
  keepOriginal: boolean;
  json: boolean;
}

type MatchKey = 'idNumber' | 'examNo' | 'studentNo';
const MATCH_NAMES: Record<string, MatchKey> = {
  idcard: 'idNumber', idnumber: 'idNumber', id: 'idNumber', sfzh: 'idNumber', 身份证号: 'idNumber',
  examno: 'examNo', ksh: 'examNo', 考生号: 'examNo',
  studentno: 'studentNo', xh: 'studentNo', 学号: 'studentNo',
};

/** `--match idcard,examno,studentno` → the match order (the contract's names and the Chinese labels work too). */
export function parseMatch(text: string | undefined): MatchKey[] | undefined {
  if (!text) return undefined;
  const order = text.split(',').map((t) => t.trim()).filter(Boolean).map((t) => {
    const key = MATCH_NAMES[t.toLowerCase()];
    if (!key) throw new CliError(`未知的匹配方式“${t}”，可用：idcard（身份证号）、examno（考生号）、studentno（学号）`, 2);
    return key;
  });
  if (order.length === 0) throw new CliError('--match 至少要有一种匹配方式', 2);
  return [...new Set(order)];
}

/** A zip larger than this is opened here and its entries handed over one by one. */
const MAX_UPLOAD_BYTES = 52_000_000;
const MAX_FILES = 5000;

interface Upload {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * A zip too big for one upload is opened here and its entries sent as files (the service skips
 * __MACOSX/ and dotfiles either way); a smaller zip is sent whole, as the app does.
 */
function zipUploads(path: string, bytes: Buffer): Upload[] {
  if (bytes.length <= MAX_UPLOAD_BYTES) return [{ fileName: basename(path), bytes }];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (e) => !e.name.endsWith('/') });
  } catch {
    throw new CliError(`无法打开压缩包 ${path}（已损坏、不是 ZIP 或设置了密码）`, 1);
  }
  return Object.entries(entries).map(([name, data]) => ({ fileName: name, bytes: data }));
}

/** The folder's files (not its subfolders; dotfiles skipped), or the one file given. */
export function readSource(source: string): Upload[] {
  const path = resolve(source);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new CliError(`找不到文件或文件夹：${source}`, 2);
  }
  const files = stat.isDirectory()
    ? readdirSync(path).filter((f) => !f.startsWith('.') && statSync(join(path, f)).isFile()).map((f) => join(path, f))
    : [path];
  const uploads: Upload[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    if (/\.zip$/i.test(file)) uploads.push(...zipUploads(file, bytes));
    else if (bytes.length > MAX_UPLOAD_BYTES) throw new CliError(`文件 ${basename(file)} 超过 50 MB，不像是一张证件照，请检查`, 1);
    else if (bytes.length > 0) uploads.push({ fileName: basename(file), bytes });
  }
  if (uploads.length === 0) throw new CliError(`${source} 中没有可导入的文件`, 1);
  if (uploads.length > MAX_FILES) throw new CliError(`文件超过 ${MAX_FILES} 个，请分批导入（例如按班级分文件夹）`, 1);
  return uploads;
}

const list = (items: string[], max = 20) => items.slice(0, max).map((s) => `    ${s}`).join('\n') + (items.length > max ? `\n    ……共 ${items.length} 项` : '');

export function formatReport(r: CallOutput<'photos.import'>): string {
  const lines = [
    `共 ${r.files} 个文件：匹配 ${r.matched.length} 张，其中更换 ${r.replaced.length} 张、提交变更申请 ${r.changeRequests.length} 份；` +
      `未匹配 ${r.unmatched.length} 个，重复 ${r.duplicates.length} 组，无法导入 ${r.unreadable.length} 个。`,
  ];
  if (r.changeRequests.length) lines.push(`  已注册学生的照片已提交变更申请（审批后生效）：\n${list(r.changeRequests.map((c) => `${c.fileName} → ${c.name}（${studentNoText(c.studentNo)}）`))}`);
  if (r.unmatched.length) lines.push(`  找不到对应学生的文件（文件名应为身份证号、考生号或学号）：\n${list(r.unmatched)}`);
  if (r.duplicates.length) lines.push(`  重复的照片：\n${list(r.duplicates.map((d) => d.message))}`);
  if (r.unreadable.length) lines.push(`  无法导入的文件：\n${list(r.unreadable.map((u) => `${u.fileName}：${u.reason}`))}`);
  lines.push(`仍有 ${r.studentsWithoutPhoto} 名在籍学生没有照片。`);
  return lines.join('\n');
}

/** `import photos DIR|FILE.zip`: the same photos.import call the app makes. Exit 0 when the import ran, even with files left over. */
export async function importPhotos(session: CliSession, opts: ImportPhotosOptions): Promise<number> {
  const matchOrder = parseMatch(opts.match);
  const files = readSource(opts.source).map((f) => ({ fileId: session.addFile(f.fileName, f.bytes) }));
  let report: CallOutput<'photos.import'>;
  try {
    report = await session.call('photos.import', { files, keepOriginal: opts.keepOriginal, ...(matchOrder ? { matchOrder } : {}) });
  } catch (e) {
    // The import did not run (refused input included): exit 1, as documented.
    if (e instanceof CliError) throw new CliError(e.message, 1);
    throw e;
  }
  console.log(opts.json ? JSON.stringify(report, null, 2) : formatReport(report));
  return 0;
}
