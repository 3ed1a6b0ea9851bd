import { readFileData } from '../../../components/fileData';

export interface UploadFile {
  fileName: string;
  dataBase64: string;
}

/** Reads the chosen files as base64, reporting after each; fails naming the file that could not be read. */
export async function readAll(files: readonly File[], onRead: (done: number) => void): Promise<UploadFile[] | string> {
  const out: UploadFile[] = [];
  for (const f of files) {
    const data = await readFileData(f).catch(() => null);
    if (!data) return `无法读取文件“${f.name}”，请确认文件没有被其他程序占用后重新选择`;
    out.push({ fileName: data.fileName, dataBase64: data.dataBase64 });
    onRead(out.length);
  }
  return out;
}
