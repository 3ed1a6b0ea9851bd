import type { Opened } from './wizardTypes';

export const ROSTER_ACCEPT = '.xlsx,.csv';

export const KIND_LABELS: Record<Opened['kind'], string> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  csv: 'CSV 文本文件（.csv）',
};
