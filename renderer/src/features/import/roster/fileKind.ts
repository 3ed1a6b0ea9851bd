import type { Opened } from './wizardTypes';

export const ROSTER_ACCEPT = '.xlsx,.xls,.csv';

export const KIND_LABELS: Record<Opened['kind'], string> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  xls: 'Excel 97-2003 工作簿（.xls）',
  csv: 'CSV 文本文件（.csv）',
};
