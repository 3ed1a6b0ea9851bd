import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { loadFonts, type FontFamily } from './fonts';

export type DocDefinition = TDocumentDefinitions;

/**
 * Makes the PDF in memory: the bytes go to a job's output, never to a file. The document's default
 * font is one of the app's families (serif unless it says otherwise); pdfmake subsets it, so each
 * file carries only the glyphs it uses. Check the text with missingGlyphs first.
 */
export async function renderPdf(doc: DocDefinition, family: FontFamily = 'serif'): Promise<Buffer> {
  loadFonts();
  const definition: DocDefinition = {
    ...doc,
    defaultStyle: { font: family, ...doc.defaultStyle },
    info: { creator: '学籍通', producer: '学籍通', ...doc.info },
  };
  const bytes = await pdfmake.createPdf(definition).getBuffer();
  return Buffer.from(bytes);
}
