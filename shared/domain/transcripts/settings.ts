/**
 * The school's transcript settings (kept in the settings table under their own key): its own paper
 * size besides A4 — many schools print on 16K (195 × 270 mm) or a pre-printed form — and the English
 * names the English transcript prints (school, department, majors by id), kept by the 教务处 like
 * the courses' English names.
 */
export interface TranscriptPageSize {
  /** What the school calls it: 16K, 校内成绩单纸… */
  name: string;
  widthMm: number;
  heightMm: number;
}

export interface TranscriptSettings {
  /** The school's own size; null when it prints on A4 only. */
  schoolPage: TranscriptPageSize | null;
  schoolNameEn: string;
  departmentNameEn: string;
  /** Major id → English name. */
  majorNamesEn: Record<string, string>;
}

export const DEFAULT_TRANSCRIPT_SETTINGS: TranscriptSettings = { schoolPage: null, schoolNameEn: '', departmentNameEn: '', majorNamesEn: {} };

/** The page a transcript is printed on: A4, or the school's size from the settings. */
export type TranscriptPage = 'A4' | 'school';
export const A4_PAGE: TranscriptPageSize = { name: 'A4', widthMm: 210, heightMm: 297 };

/**
 * Page sizes a transcript can be laid out on (portrait): its nine columns need 150 mm of width
 * inside 15 mm margins, and the header, one term and the seal area need about 200 mm of height.
 * Upper bound: A3.
 */
export const PAGE_LIMITS = { minWidthMm: 180, maxWidthMm: 297, minHeightMm: 230, maxHeightMm: 420 } as const;

/** Why a page size cannot take a transcript, in words; null when it can. */
export function pageSizeProblem(p: { widthMm: number; heightMm: number }): string | null {
  const L = PAGE_LIMITS;
  if (!(p.widthMm >= L.minWidthMm && p.widthMm <= L.maxWidthMm)) return `纸张宽度应在 ${L.minWidthMm}–${L.maxWidthMm} 毫米之间（成绩单为纵向，九列需要约 150 毫米宽）`;
  if (!(p.heightMm >= L.minHeightMm && p.heightMm <= L.maxHeightMm)) return `纸张高度应在 ${L.minHeightMm}–${L.maxHeightMm} 毫米之间`;
  if (p.heightMm < p.widthMm) return '成绩单为纵向打印：纸张高度应不小于宽度';
  return null;
}
