/** What the server needs to store a chosen file: its name, type and content as base64. */
export interface FileData {
  fileName: string;
  mime: string;
  dataBase64: string;
}

// Some systems report no type for Office files; the extension is then the best hint.
const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function readFileData(file: File): Promise<FileData> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error('无法读取该文件'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
      resolve({ fileName: file.name, mime: file.type || BY_EXTENSION[ext] || 'application/octet-stream', dataBase64: comma >= 0 ? url.slice(comma + 1) : '' });
    };
    reader.readAsDataURL(file);
  });
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The file types the server accepts, for the file picker's filter. */
export const ACCEPTED_FILES = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';
