/**
 * Pages and lengths in millimetres, as forms and printers are specified; pdfmake works in points.
 * 1 mm = 72 / 25.4 pt.
 */
export const PT_PER_MM = 72 / 25.4;

/** Millimetres → points. */
export const mm = (x: number): number => x * PT_PER_MM;

export interface PageMm {
  widthMm: number;
  heightMm: number;
}

export type PageSpec = 'A4' | 'A4-landscape' | 'A5' | 'A5-landscape' | PageMm;

const NAMED: Record<Exclude<PageSpec, PageMm>, PageMm> = {
  A4: { widthMm: 210, heightMm: 297 },
  'A4-landscape': { widthMm: 297, heightMm: 210 },
  A5: { widthMm: 148, heightMm: 210 },
  'A5-landscape': { widthMm: 210, heightMm: 148 },
};

/** The page's size in mm: a named size, or a custom one as given. */
export function pageMm(spec: PageSpec): PageMm {
  return typeof spec === 'string' ? NAMED[spec] : spec;
}

/**
 * pdfmake's pageSize and pageOrientation for a page in mm. The orientation follows the size given,
 * so pdfmake never swaps width and height behind the caller's back.
 */
export function pageSetup(spec: PageSpec): { pageSize: { width: number; height: number }; pageOrientation: 'portrait' | 'landscape' } {
  const { widthMm, heightMm } = pageMm(spec);
  return { pageSize: { width: mm(widthMm), height: mm(heightMm) }, pageOrientation: widthMm > heightMm ? 'landscape' : 'portrait' };
}

/** Margins in mm (left, top, right, bottom) → pdfmake's pageMargins in points. */
export function marginsMm(left: number, top: number, right = left, bottom = top): [number, number, number, number] {
  return [mm(left), mm(top), mm(right), mm(bottom)];
}
