import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { loadFonts, type FontFamily } from './fonts';

export type DocDefinition = TDocumentDefinitions;

/** pdfmake's in-memory file system (not in its typings): images given as bytes are read from it by name. */
const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void; storage: Record<string, unknown> } }).virtualfs;
let renders = 0;

/**
 * Makes the PDF in memory: the bytes go to a job's output, never to a file. The document's default
 * font is one of the app's families (serif unless it says otherwise); pdfmake subsets it, so each
 * file carries only the glyphs it uses. Check the text with missingGlyphs first.
 *
 * `images` are the document's images as bytes, by the name its content uses (`image: name`): put in
 * pdfmake's in-memory file system for this render only. A thousand photos so skip the base64 round
 * trip of data: URLs, and move to a worker thread without being copied.
 */
export async function renderPdf(doc: DocDefinition, family: FontFamily = 'serif', images?: ReadonlyMap<string, Uint8Array>): Promise<Buffer> {
  loadFonts();
  const run = ++renders;
  const stored: string[] = [];
  const named: Record<string, string> = {};
  for (const [name, bytes] of images ?? []) {
    const file = `render-${run}-${name}`;
    vfs.writeFileSync(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    stored.push(file);
    named[name] = file;
  }
  const definition: DocDefinition = {
    ...doc,
    ...(stored.length ? { images: { ...doc.images, ...named } } : {}),
    defaultStyle: { font: family, ...doc.defaultStyle },
    info: { creator: '学籍通', producer: '学籍通', ...doc.info },
  };
  try {
    const bytes = await pdfmake.createPdf(definition).getBuffer();
    return Buffer.from(bytes);
  } finally {
    for (const file of stored) delete vfs.storage[file];
  }
}
