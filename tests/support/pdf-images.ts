/**
 * Where each image is drawn on each page of a PDF, in mm from the page's top-left, read from
 * pdfjs's operator list: the transformation matrix is followed through save/restore/transform, and
 * an image paints the unit square through it. Unrotated images only (all the app draws).
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

const PT_PER_MM = 72 / 25.4;
type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];

export interface PdfImageBox {
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

export async function readImages(bytes: Uint8Array): Promise<PdfImageBox[][]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PdfImageBox[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, y0, , y1] = page.view as [number, number, number, number];
      const ops = await page.getOperatorList();
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      const stack: Matrix[] = [];
      const boxes: PdfImageBox[] = [];
      ops.fnArray.forEach((fn, i) => {
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
        else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
          const [a, , , d, e, f] = ctm;
          boxes.push({ xMm: e / PT_PER_MM, yMm: (y1 - y0 - (f + d)) / PT_PER_MM, widthMm: a / PT_PER_MM, heightMm: d / PT_PER_MM });
        }
      });
      pages.push(boxes);
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
