/**
 * Text normalisation shared by every importer and form.
 *
 * Why: Chinese IMEs and Excel sheets typed on Chinese systems routinely
 * produce full-width digits/letters (１１０１０５…, Ｘ) and the ideographic
 * space U+3000. Users cannot see the difference on screen, so every value
 * that is compared, validated or de-duplicated must pass through here first.
 */

/** Offset between a full-width ASCII variant (U+FF01–U+FF5E) and its ASCII twin. */
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Full-width ASCII (U+FF01–U+FF5E) → half-width (U+0021–U+007E),
 * ideographic space U+3000 → ordinary space. Everything else is untouched
 * (Chinese punctuation such as 、。 has no ASCII twin and is kept).
 */
/** Characters toHalfWidth changes (most cells have none: they are returned as they are). */
const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(s: string): string {
  if (!HAS_FULL_WIDTH.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCharCode(cp - FULL_WIDTH_OFFSET);
    else if (cp === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * Trim and collapse runs of whitespace to a single ASCII space.
 * JS `\s` already covers U+3000 (ideographic space) and U+00A0 (NBSP, common
 * in text pasted from web pages/Word); both are listed explicitly anyway so the
 * intent survives a future regex change. U+200B (zero-width space, invisible in
 * pasted text) is removed outright, as it is never meaningful in a record.
 */
const HAS_SPACE = /[\s\u3000\u00a0\u200b]/;

export function normaliseSpaces(s: string): string {
  // Nothing to trim or collapse (the usual cell): skip the three passes.
  if (!HAS_SPACE.test(s)) return s;
  return s
    .replace(/\u200b/g, '')
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim();
}
