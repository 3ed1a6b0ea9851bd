/**
 * Pieces many documents share, as pdfmake content. Layout only: the words are the caller's.
 */
import type { Content } from 'pdfmake/interfaces';
import { mm } from './page';

/**
 * A centred title; `spaced` puts half a character between its characters (在 读 证 明), as short
 * Chinese titles are set. pdfmake's characterSpacing cannot do it: each CJK character is a word of
 * its own to the line breaker, and spacing is only added inside words. An en space (U+2002, in the
 * Noto fonts) can, and keeps the title centred.
 */
export function titleBlock(text: string, options: { fontSize?: number; spaced?: boolean; marginBottomMm?: number } = {}): Content {
  const { fontSize = 22, spaced = false, marginBottomMm = 10 } = options;
  return {
    text: spaced ? [...text].join('\u2002') : text,
    alignment: 'center',
    bold: true,
    fontSize,
    margin: [0, 0, 0, mm(marginBottomMm)],
  };
}

/** A line at the right margin (编号：…), above a title. */
export function referenceLine(text: string, options: { fontSize?: number; marginBottomMm?: number } = {}): Content {
  return { text, alignment: 'right', fontSize: options.fontSize ?? 11, margin: [0, 0, 0, mm(options.marginBottomMm ?? 8)] };
}

/** A paragraph of running text, its first line indented by two characters (Chinese style). */
export function paragraph(text: string, options: { fontSize?: number; lineHeight?: number; marginBottomMm?: number } = {}): Content {
  const fontSize = options.fontSize ?? 14;
  // Left-aligned, not justified: a long unbreakable number (an ID number) at the end of a line would
  // otherwise spread the characters before it far apart.
  return { text, fontSize, lineHeight: options.lineHeight ?? 1.8, leadingIndent: fontSize * 2, margin: [0, 0, 0, mm(options.marginBottomMm ?? 2)] };
}

/**
 * The issuer's block at the bottom right: who issues (school, department…) and the date, each line
 * centred on the others, with room around it for the seal — a round seal (42 mm for a school's) is
 * stamped over the issuer's name and the date, so the block keeps that height clear.
 */
export function signatureBlock(lines: readonly string[], date: string, options: { fontSize?: number; sealDiameterMm?: number; marginTopMm?: number } = {}): Content {
  const fontSize = options.fontSize ?? 14;
  const seal = options.sealDiameterMm ?? 42;
  const rows = [...lines, date];
  const textHeight = rows.length * fontSize * 1.8;
  const clear = Math.max(0, mm(seal) - textHeight) / 2;
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        stack: rows.map((text) => ({ text, alignment: 'center', fontSize, lineHeight: 1.8 })),
        margin: [0, clear, mm(10), clear],
      },
    ],
    margin: [0, mm(options.marginTopMm ?? 15), 0, 0],
    unbreakable: true,
  };
}
