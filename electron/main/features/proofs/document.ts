import type { ProofText } from '../../../../shared/domain/proofs';
import { marginsMm, pageSetup, paragraph, referenceLine, signatureBlock, titleBlock, type DocDefinition } from '../../core/pdf';

/**
 * 在读证明 / 学籍证明 on A4 portrait in the serif face: the number at the top right, the spaced
 * title, the body, 特此证明。, and the issuer with the date at the bottom right, where the seal goes.
 */
export function proofDocument(text: ProofText): DocDefinition {
  return {
    ...pageSetup('A4'),
    pageMargins: marginsMm(28, 25, 28, 25),
    info: { title: text.title, subject: text.numberLine },
    content: [
      referenceLine(text.numberLine, { marginBottomMm: 12 }),
      titleBlock(text.title, { spaced: true, fontSize: 24, marginBottomMm: 14 }),
      ...text.paragraphs.map((p) => paragraph(p, { fontSize: 15 })),
      signatureBlock(text.issuer, text.date, { fontSize: 15, marginTopMm: 22 }),
    ],
  };
}
