import type { CallInput, CallOutput } from '../../../../../shared/ipc/contract';

export type PhotoMatchKey = 'idNumber' | 'examNo' | 'studentNo';
export type PhotoReport = CallOutput<'photos.import'>;
export type PhotoImportOptions = Omit<CallInput<'photos.import'>, 'files' | 'jobId'>;

/** 匹配顺序: which number in a file name is tried first. */
export const MATCH_ORDERS: { key: string; label: string; order: PhotoMatchKey[] }[] = [
  { key: 'id-exam-no', label: '身份证号 → 考生号 → 学号', order: ['idNumber', 'examNo', 'studentNo'] },
  { key: 'no-id-exam', label: '学号优先：学号 → 身份证号 → 考生号', order: ['studentNo', 'idNumber', 'examNo'] },
  { key: 'exam-id-no', label: '考生号优先：考生号 → 身份证号 → 学号', order: ['examNo', 'idNumber', 'studentNo'] },
  { key: 'id', label: '只按身份证号', order: ['idNumber'] },
  { key: 'no', label: '只按学号', order: ['studentNo'] },
  { key: 'exam', label: '只按考生号', order: ['examNo'] },
];
export const DEFAULT_MATCH = 'id-exam-no';

/** 照片质量: the JPEG quality of the stored photo. */
export const QUALITIES: { value: number; label: string }[] = [
  { value: 95, label: '95（最清晰，文件最大）' },
  { value: 90, label: '90' },
  { value: 85, label: '85（推荐）' },
  { value: 80, label: '80' },
  { value: 75, label: '75' },
  { value: 70, label: '70' },
  { value: 60, label: '60（文件最小）' },
];
export const DEFAULT_QUALITY = 85;

/** What the picker offers; anything else chosen is still sent, and the report says why it failed. */
export const PHOTO_ACCEPT = '.zip,.jpg,.jpeg,.png,.heic,.heif';
