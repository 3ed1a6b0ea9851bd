/**
 * The shared PDF module: pages in mm, the app's fonts ('serif', 'sans'), the glyph check every
 * document runs first, rendering to bytes, and a few layout blocks. What a document says stays in
 * its feature (electron/main/features/…).
 */
export { FONT_FAMILIES, loadFonts, type FontFamily } from './fonts';
export { assertPrintable, codePointLabel, missingGlyphMessages, missingGlyphs, type GlyphItem, type MissingGlyph } from './glyphs';
export { marginsMm, mm, pageMm, pageSetup, PT_PER_MM, type PageMm, type PageSpec } from './page';
export { renderPdf, type DocDefinition } from './render';
export { paragraph, referenceLine, signatureBlock, titleBlock } from './blocks';
export const PDF_MIME = 'application/pdf';
