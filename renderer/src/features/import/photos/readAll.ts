import { uploadFile } from '../../../ipc/client';

export interface UploadFile {
  fileName: string;
  fileId: string;
}

/**
 * Hands the chosen files to the main process one by one (their bytes, not base64), reporting after
 * each; fails naming the file that could not be sent.
 */
export async function readAll(files: readonly File[], onRead: (done: number) => void, cancelled: () => boolean = () => false): Promise<UploadFile[] | string> {
  const out: UploadFile[] = [];
  for (const f of files) {
    if (cancelled()) return out;
    const r = await uploadFile(f);
    if (!r.ok) return `文件“${f.name}”：${r.error.message}`;
    out.push({ fileName: f.name, fileId: r.value.fileId });
    onRead(out.length);
  }
  return out;
}
