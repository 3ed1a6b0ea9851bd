/**
 * Reads a PDF back the way a test needs it: each page's size and its text items, in millimetres
 * from the page's top-left corner (as the documents are laid out), with the embedded font's name.
 * pdfjs-dist's legacy build runs in plain Node (no canvas needed for text).
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

const PT_PER_MM = 72 / 25.4;

export interface PdfTextItem {
  text: string;
  /** Left edge of the text, mm from the page's left edge. */
  x: number;
  /** Baseline, mm from the page's top edge. */
  y: number;
  /** Advance width of the text, mm. */
  width: number;
  /** Font size, mm (the height of the em square). */
  size: number;
  /** The embedded font's PostScript name, e.g. ABCDEF+NotoSerifSC-Regular. */
  font: string;
}

export interface PdfPage {
  widthMm: number;
  heightMm: number;
  items: PdfTextItem[];
}

const round = (v: number) => Math.round(v * 100) / 100;

export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const heightPt = y1 - y0;
      // The operator list loads the fonts, so their real names can be asked for below.
      await page.getOperatorList();
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const raw of content.items) {
        const item = raw as TextItem;
        if (typeof item.str !== 'string' || item.str === '') continue;
        const [a, b, , , e, f] = item.transform as number[];
        const font = page.commonObjs.has(item.fontName) ? (page.commonObjs.get(item.fontName) as { name?: string }).name ?? item.fontName : item.fontName;
        items.push({
          text: item.str,
          x: round((e! - x0) / PT_PER_MM),
          y: round((heightPt - (f! - y0)) / PT_PER_MM),
          width: round(item.width / PT_PER_MM),
          size: round(Math.hypot(a!, b!) / PT_PER_MM),
          font,
        });
      }
      pages.push({ widthMm: round((x1 - x0) / PT_PER_MM), heightMm: round(heightPt / PT_PER_MM), items });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * The page's text in reading order: items on one baseline (within 1 mm) form a line, left to right,
 * joined without spaces (Chinese text has none); lines top to bottom, joined by newlines.
 */
export function pageText(page: PdfPage): string {
  const lines: { y: number; items: PdfTextItem[] }[] = [];
  for (const item of [...page.items].sort((p, q) => p.y - q.y)) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= 1);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, items: [item] });
  }
  return lines.map((l) => l.items.sort((p, q) => p.x - q.x).map((i) => i.text).join('')).join('\n');
}

/** The items whose text contains `text` (a title, a name), for checking positions. */
export function findText(page: PdfPage, text: string): PdfTextItem[] {
  return page.items.filter((i) => i.text.includes(text));
}

export interface PdfLine {
  /** Ends of a straight stroked segment, mm from the page's top-left corner. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroked with a dash pattern (a cut line), not solid. */
  dashed: boolean;
}

type Matrix = [number, number, number, number, number, number];
/** m applied first, then ctm (PDF's cm: the new matrix is m × ctm). */
const concat = (ctm: Matrix, m: Matrix): Matrix => [
  m[0] * ctm[0] + m[1] * ctm[2], m[0] * ctm[1] + m[1] * ctm[3],
  m[2] * ctm[0] + m[3] * ctm[2], m[2] * ctm[1] + m[3] * ctm[3],
  m[4] * ctm[0] + m[5] * ctm[2] + ctm[4], m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
];

/**
 * The straight stroked segments of each page (table rules, cut lines), from the operator list:
 * the transform and dash in force are followed through save/restore, so a line drawn by pdfkit in
 * its flipped coordinates comes back in mm from the top-left corner like the text does.
 */
export async function readLines(bytes: Uint8Array): Promise<PdfLine[][]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, , y1] = page.view as [number, number, number, number];
      const heightPt = y1 - y0;
      const ops = await page.getOperatorList();
      const lines: PdfLine[] = [];
      let state = { ctm: [1, 0, 0, 1, 0, 0] as Matrix, dashed: false };
      const stack: (typeof state)[] = [];
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push({ ...state });
        else if (fn === OPS.restore) state = stack.pop() ?? state;
        else if (fn === OPS.transform) state = { ...state, ctm: concat(state.ctm, args as Matrix) };
        else if (fn === OPS.setDash) state = { ...state, dashed: (args[0] as number[]).length > 0 };
        else if (fn === OPS.constructPath && (args[0] === OPS.stroke || args[0] === OPS.closeStroke)) {
          const path = (args[1] as (Float32Array | null)[])[0];
          if (!path) continue;
          const at = (x: number, y: number) => {
            const [a, b, c, d, e, f] = state.ctm;
            return { x: round((a * x + c * y + e - x0) / PT_PER_MM), y: round((heightPt - (b * x + d * y + f - y0)) / PT_PER_MM) };
          };
          let from: { x: number; y: number } | null = null;
          for (let k = 0; k < path.length;) {
            const op = path[k++];
            if (op === 0 || op === 1) {
              const p = at(path[k]!, path[k + 1]!);
              k += 2;
              if (op === 1 && from) lines.push({ x1: from.x, y1: from.y, x2: p.x, y2: p.y, dashed: state.dashed });
              from = p;
            } else if (op === 2) k += 6;
            else if (op === 3) k += 4;
          }
        }
      }
      pages.push(lines);
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
