/**
 * Where each field's words and the photo land on the sheet, in mm from the page's top-left, as the
 * printer must be told (the template's position through the printer profile). Measured with the
 * font itself (fontkit), as pdfkit measures when it draws: alignment is done here, not by pdfmake,
 * so the position is exact and text wider than its box is refused before any page is made.
 */
import { fieldText, fieldLabel, type CertificateFacts } from '../../../../shared/domain/certificates/fields';
import { correctedMm, type CertificateTemplate, type PrinterProfile, type TemplateFont, type TemplateTextField } from '../../../../shared/domain/certificates/template';
import { loadFonts } from '../../core/pdf';

const MM_PER_PT = 25.4 / 72;

/** One run of text placed on the sheet: its top-left corner (the text's top sits at yMm). */
export interface PlacedText {
  text: string;
  xMm: number;
  yMm: number;
  font: TemplateFont;
  sizePt: number;
  letterSpacingPt: number;
}
export interface PlacedPhoto {
  /** The photo file (JPEG or PNG), its own buffer so it can move to the render thread. */
  bytes: Uint8Array;
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}
export interface CertificateSheet {
  texts: PlacedText[];
  photo: PlacedPhoto | null;
}

/**
 * The text's width in mm as pdfkit draws it: the shaped advance widths at the size, plus the
 * letter spacing between characters (pdfkit adds it after every character but the last).
 */
export function textWidthMm(text: string, font: TemplateFont, sizePt: number, letterSpacingPt: number): number {
  const advance = (advanceUnits(text, font) / loadFonts().faces[font][0]!.unitsPerEm) * sizePt;
  return (advance + letterSpacingPt * Math.max(0, text.length - 1)) * MM_PER_PT;
}

/**
 * The text's advance in font units. Shaping (fontkit's layout, as pdfkit draws) changes the width
 * only where the font kerns, which in Noto SC is Latin letters; ideographs, digits and 年月日 sum
 * their glyphs' advances exactly, 25× faster — a thousand diplomas lay out in a blink.
 */
const LATIN = /[A-Za-z]/;
const shaped = new Map<string, number>();
function advanceUnits(text: string, font: TemplateFont): number {
  const face = loadFonts().faces[font][0]!;
  if (!LATIN.test(text)) return face.glyphsForString(text).reduce((w, g) => w + g.advanceWidth, 0);
  const key = `${font}\u0000${text}`;
  let w = shaped.get(key);
  if (w === undefined) {
    w = face.layout(text).advanceWidth;
    if (shaped.size > 10_000) shaped.clear();
    shaped.set(key, w);
  }
  return w;
}

/** Tolerance for "fits the box": a hair, so a box drawn exactly to the text's width still fits. */
const FIT_TOLERANCE_MM = 0.05;

export type FieldPlacement = { ok: true; placed: PlacedText } | { ok: false; field: string; problem: string };

/** A field for one student: its words (fieldText), checked against its box, aligned, through the profile. */
export function placeField(field: TemplateTextField, facts: CertificateFacts, profile: PrinterProfile): FieldPlacement {
  const label = fieldLabel(field);
  const t = fieldText(field, facts);
  if (!t.ok) return { ok: false, field: label, problem: t.problem };
  const width = textWidthMm(t.text, field.font, field.sizePt, field.letterSpacingPt);
  if (width > field.widthMm + FIT_TOLERANCE_MM) {
    return { ok: false, field: label, problem: `“${t.text}”宽 ${width.toFixed(1)} 毫米，超出${label}框的宽度 ${field.widthMm} 毫米；请加宽该框、减小字号或字间距` };
  }
  const left = field.align === 'left' ? field.xMm : field.align === 'right' ? field.xMm + field.widthMm - width : field.xMm + (field.widthMm - width) / 2;
  const at = correctedMm({ xMm: left, yMm: field.yMm }, profile);
  return { ok: true, placed: { text: t.text, xMm: at.xMm, yMm: at.yMm, font: field.font, sizePt: field.sizePt, letterSpacingPt: field.letterSpacingPt } };
}

/** The photo box through the profile: its corner moved and scaled, its size scaled. */
export function placePhoto(box: NonNullable<CertificateTemplate['photo']>, bytes: Uint8Array, profile: PrinterProfile): PlacedPhoto {
  const at = correctedMm(box, profile);
  return { bytes, xMm: at.xMm, yMm: at.yMm, widthMm: box.widthMm * profile.scaleX, heightMm: box.heightMm * profile.scaleY };
}
