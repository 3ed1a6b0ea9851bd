import type { TemplateFont } from '../../../../../shared/domain/certificates/template';

/**
 * On-screen scale: CSS has 96 px to the inch, so at 100 % one millimetre on the page is
 * 96 / 25.4 ≈ 3.78 px — the page is drawn at its true size (a ruler held to a calibrated screen
 * agrees). Zoom multiplies that. Points (font sizes, letter spacing) are 1/72 inch, as in the PDF.
 */
export const PX_PER_MM_AT_100 = 96 / 25.4;
export const MM_PER_PT = 25.4 / 72;
export const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3] as const;

export const pxPerMm = (zoom: number): number => PX_PER_MM_AT_100 * zoom;
export const ptToPx = (pt: number, zoom: number): number => pt * MM_PER_PT * pxPerMm(zoom);

/** The bundled PDF fonts first (Noto, if installed), then what a Chinese Windows has. */
export const FONT_STACK: Record<TemplateFont, string> = {
  serif: '"Noto Serif SC", "Source Han Serif SC", "Songti SC", SimSun, "宋体", serif',
  sans: '"Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", SimHei, "黑体", sans-serif',
};
export const FONT_NAME: Record<TemplateFont, string> = { serif: '宋体', sans: '黑体' };

/** A text field's box height on screen: one line of its size (the PDF's text sits from yMm down). */
export const lineHeightMm = (sizePt: number): number => sizePt * MM_PER_PT * 1.25;

/** 12.3 → "12.3"; 12 → "12.0": positions always show their tenth, as the nudge moves it. */
export const mmText = (n: number): string => n.toFixed(1);

/** The largest zoom (at most 100 %) at which a page this wide fits in `widthPx` beside its ruler. */
export function fitZoom(pageWidthMm: number, widthPx: number): number {
  const room = widthPx - 24 - 24 - 4;
  const fits = ZOOMS.filter((z) => z <= 1 && pageWidthMm * pxPerMm(z) <= room);
  return fits.length ? fits[fits.length - 1]! : ZOOMS[0];
}
