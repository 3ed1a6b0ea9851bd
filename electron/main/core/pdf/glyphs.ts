/**
 * pdfmake has no per-glyph font fallback: a character the font lacks prints as an empty box
 * (.notdef), silently. So every character a document will show is checked against the font
 * before the document is made, and a document with any missing character is refused whole —
 * a 证明 with a box in the student's name must not leave the office.
 */
import { AppError } from '../errors';
import { loadFonts, type FontFamily } from './fonts';

export interface GlyphItem {
  /** Whose data it is, as the message names it: 学生“张三”（学号 2023010101）. */
  subject: string;
  /** The field, by its Chinese name: 姓名. */
  field: string;
  text: string;
}

export interface MissingGlyph {
  subject: string;
  field: string;
  char: string;
  codePoint: number;
}

/** Line breaks and tabs are layout, not glyphs: pdfmake never draws them. */
const LAYOUT = new Set([0x09, 0x0a, 0x0d]);

/**
 * The characters of the items that some face of the family lacks, each once per subject and field.
 * Iterates code points, not UTF-16 units: 𠇔 (U+20114) is one character of two units.
 */
export function missingGlyphs(items: readonly GlyphItem[], family: FontFamily): MissingGlyph[] {
  const faces = loadFonts().faces[family];
  const out: MissingGlyph[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    for (const char of item.text) {
      const codePoint = char.codePointAt(0)!;
      if (LAYOUT.has(codePoint) || faces.every((f) => f.hasGlyphForCodePoint(codePoint))) continue;
      const key = `${item.subject}\u0000${item.field}\u0000${codePoint}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ subject: item.subject, field: item.field, char, codePoint });
    }
  }
  return out;
}

/** U+20114: the code point as people look it up. */
export const codePointLabel = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** One sentence per missing character, naming whose record, which field and which character. */
export function missingGlyphMessages(missing: readonly MissingGlyph[]): string[] {
  return missing.map(
    (m) => `${m.subject}的“${m.field}”中的“${m.char}”（${codePointLabel(m.codePoint)}）字体中没有，不能打印；请先更正档案或选用含有该字的字体`,
  );
}

/**
 * Refuses a document that would print any character as a box: a VALIDATION error the UI shows,
 * one sentence per missing character (also as the error's issues).
 */
export function assertPrintable(items: readonly GlyphItem[], family: FontFamily): void {
  const messages = missingGlyphMessages(missingGlyphs(items, family));
  if (messages.length) throw new AppError('VALIDATION', messages.join('\n'), undefined, messages.map((message) => ({ message })));
}
