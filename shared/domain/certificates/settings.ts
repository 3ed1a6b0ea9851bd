import type { CertificateNoOrder, LevelCode, RunTypeCode } from './number';

/**
 * 学历证书编号 settings (系统设置). The 学校代码 is the school's own (settings.schoolCode, set at
 * setup), not repeated here.
 */
export interface CertificateSettings {
  /** 办学类型代码: 1 普通高等教育 for a 高职 department. */
  runType: RunTypeCode;
  /** The order numbers are handed out in. */
  order: CertificateNoOrder;
}

export const DEFAULT_CERTIFICATE_SETTINGS: CertificateSettings = { runType: '1', order: 'idNumber' };

/** 培养层次代码 from the major's 层次 (codes.ts EDUCATION_LEVELS); null for a 层次 the numbering does not know. */
export function levelCodeOf(majorLevel: string): LevelCode | null {
  if (majorLevel === '专科') return '06';
  if (majorLevel === '本科') return '05';
  return null;
}
