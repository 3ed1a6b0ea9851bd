import type { Content, TableCell } from 'pdfmake/interfaces';
import type { NoticeReceipt, NoticeText } from '../../../../shared/domain/warnings';
import { marginsMm, mm, pageSetup, referenceLine, titleBlock, type DocDefinition } from '../../core/pdf';

/** Page and where things are, in mm (A4 portrait). */
const PAGE = { width: 210, height: 297, side: 22, top: 15 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.side;
/**
 * The 回执 takes the bottom of the parent's page, always at the same place, so the fold and the cut
 * fall where the family expects them: the dashed line is this far from the page's bottom edge.
 */
export const RECEIPT_HEIGHT_MM = 96;
const BODY_SIZE = 12;
/** The cut line's label, centred on the line. */
export const CUT_LABEL = '请沿虚线剪下';
const CUT_LABEL_WIDTH = 30;

// Line heights are multiples of the font's own (about 1.45 em for Noto Serif SC).
const text = (t: string, size = BODY_SIZE, extra: Record<string, unknown> = {}): Content => ({ text: t, fontSize: size, lineHeight: 1.25, ...extra });
const body = (t: string): Content => ({ text: t, fontSize: BODY_SIZE, lineHeight: 1.25, leadingIndent: BODY_SIZE * 2, margin: [0, 0, 0, mm(1.5)] });

/**
 * The issuer and the date at the right, with room for the seal stamped over them (a tighter
 * variant of the module's signatureBlock, whose loose lines would push the parent's copy onto a
 * second page).
 */
function issuerBlock(lines: readonly string[], date: string, sealMm = 30): Content {
  const rows = [...lines, date];
  const lineMm = (BODY_SIZE * 1.45 * 1.25) / (72 / 25.4);
  const clear = Math.max(0, sealMm - rows.length * lineMm) / 2;
  return {
    columns: [
      { width: '*', text: '' },
      { width: 'auto', stack: rows.map((r) => ({ text: r, alignment: 'center', fontSize: BODY_SIZE, lineHeight: 1.25 })), margin: [0, mm(clear), mm(10), mm(clear)] },
    ],
    margin: [0, mm(2), 0, 0],
    unbreakable: true,
  };
}

/** A dashed horizontal line this many mm long, for the cut. */
const dashed = (widthMm: number): Content => ({
  canvas: [{ type: 'line', x1: 0, y1: 0, x2: mm(widthMm), y2: 0, lineWidth: 0.6, dash: { length: mm(2), space: mm(1.5) } }],
  margin: [0, mm(2.2), 0, 0],
});

/** The cut line across the page with its label in the middle, then the 回执 below it. */
function receiptBlock(r: NoticeReceipt): Content {
  const half = (CONTENT_WIDTH - CUT_LABEL_WIDTH) / 2;
  const cell = (t: string, label = false): TableCell => ({ text: t, bold: label, fillColor: label ? '#f2f2f2' : undefined, fontSize: 11, margin: [mm(1.5), mm(1.2), mm(1.5), mm(1.2)] });
  const [a, b, c, d] = r.rows;
  return {
    margin: [mm(PAGE.side), mm(3), mm(PAGE.side), 0],
    stack: [
      {
        columns: [
          { width: mm(half), stack: [dashed(half)] },
          { width: mm(CUT_LABEL_WIDTH), text: CUT_LABEL, alignment: 'center', fontSize: 9, color: '#555555' },
          { width: mm(half), stack: [dashed(half)] },
        ],
        margin: [0, 0, 0, mm(4)],
      },
      { text: r.title, alignment: 'center', bold: true, fontSize: 14 },
      referenceLine(r.numberLine, { fontSize: 9.5, marginBottomMm: 1.5 }),
      {
        table: {
          widths: [mm(24), '*', mm(24), '*'],
          body: [
            [cell(a![0], true), cell(a![1]), cell(b![0], true), cell(b![1])],
            [cell(c![0], true), cell(c![1]), cell(d![0], true), cell(d![1])],
          ],
        },
        margin: [0, 0, 0, mm(3)],
      },
      text(r.statement, 11, { margin: [0, 0, 0, mm(2)] }),
      text(r.opinion, 11, { margin: [0, 0, 0, mm(10)] }),
      text(r.signature, 11),
    ],
  };
}

/**
 * 学业预警通知书 on A4 in the serif face: the school, the title, the number, the salutation, the
 * tier and the reasons, that it is not a 处分, what to do, the issuer with the date where the seal
 * goes. The student's copy ends with the student's signature line; the parent's copy carries the
 * 回执 below a dashed cut line at the bottom of its (last) page.
 */
export function noticeDocument(t: NoticeText): DocDefinition {
  const receipt = t.receipt;
  const content: Content[] = [
    { text: t.issuer[0] ?? '', alignment: 'center', fontSize: 12, margin: [0, 0, 0, mm(2)] },
    titleBlock(t.title, { fontSize: receipt ? 19 : 21, marginBottomMm: 3 }),
    referenceLine(t.numberLine, { fontSize: 10.5, marginBottomMm: 4 }),
    text(t.salutation, BODY_SIZE, { margin: [0, 0, 0, mm(1)] }),
    body(t.opening),
    ...t.reasons.map((r) => text(r, BODY_SIZE, { margin: [mm(8), 0, 0, mm(0.5)], bold: true })),
    { text: '', margin: [0, 0, 0, mm(1.5)] },
    ...t.paragraphs.map(body),
    issuerBlock(t.issuer, t.date),
  ];
  if (t.acknowledgement) content.push(text(t.acknowledgement, BODY_SIZE, { margin: [0, mm(12), 0, 0] }));
  return {
    ...pageSetup('A4'),
    pageMargins: marginsMm(PAGE.side, PAGE.top, PAGE.side, receipt ? RECEIPT_HEIGHT_MM : 18),
    info: { title: t.title, subject: t.numberLine },
    content,
    ...(receipt ? { footer: (page: number, pages: number) => (page === pages ? receiptBlock(receipt) : null) } : {}),
  };
}
