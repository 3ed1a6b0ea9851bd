/**
 * The pdfmake document of a certificate batch: the form's exact page size, no margins, one page per
 * certificate, every run of text and the photo at an absolute position (points from mm). Nothing
 * else is on the page: no background (the scanned blank is for the screen only), no scaling.
 */
import type { Content } from 'pdfmake/interfaces';
import { mm, pageSetup, type DocDefinition, type PageMm } from '../../core/pdf';
import type { CertificateSheet } from './layout';

/** The document and its photos by the names it uses (renderPdf's images). */
export function certificateDocument(sheets: readonly CertificateSheet[], page: PageMm): { doc: DocDefinition; images: Map<string, Uint8Array> } {
  const content: Content[] = [];
  const images = new Map<string, Uint8Array>();
  sheets.forEach((sheet, i) => {
    // A zero-size anchor starts each sheet's page; the placed items do not take part in the flow.
    content.push({ text: '', fontSize: 1, ...(i > 0 ? { pageBreak: 'before' as const } : {}) });
    if (sheet.photo) {
      const p = sheet.photo;
      const name = `photo-${i}`;
      images.set(name, p.bytes);
      content.push({ image: name, cover: { width: mm(p.widthMm), height: mm(p.heightMm), align: 'center', valign: 'center' }, absolutePosition: { x: mm(p.xMm), y: mm(p.yMm) } });
    }
    for (const t of sheet.texts) {
      content.push({
        text: t.text, font: t.font, fontSize: t.sizePt, characterSpacing: t.letterSpacingPt, lineHeight: 1, noWrap: true,
        absolutePosition: { x: mm(t.xMm), y: mm(t.yMm) },
      });
    }
  });
  return { doc: { ...pageSetup(page), pageMargins: [0, 0, 0, 0], content, info: { title: '证书套打' } }, images };
}
