/**
 * 校准页: printed on plain paper at the form's size and held against a blank form (or measured with
 * a ruler from the paper's edges), it shows where this printer really puts things. Millimetre
 * rulers along the four edges and crosshairs at known positions, each labelled with its intended
 * coordinates, so the clerk reads "the cross lands 1.5 mm right and 0.8 mm low" and enters the
 * opposite as the profile's offset; the distance between the outer crosses gives the scale.
 * Printed through a profile, the sheet checks that profile: every cross should land true.
 */
import type { CanvasElement, Content } from 'pdfmake/interfaces';
import { correctedMm, NO_CORRECTION, type PrinterProfile } from '../../../../shared/domain/certificates/template';
import type { CallContext } from '../../core/context';
import { newJobId, startJob } from '../../core/jobs';
import { mm, pageSetup, PDF_MIME, renderPdf, type DocDefinition, type PageMm } from '../../core/pdf';
import { profileFor } from './profiles';

/** How far the crosses sit in from the edges, mm: inside every printer's unprintable margin. */
export const CROSS_INSET_MM = 20;
const CROSS_ARM_MM = 6;

/** The crosses' intended positions (mm from the top-left): four near the corners and the centre. */
export function crossPositions(page: PageMm): { xMm: number; yMm: number }[] {
  const { widthMm: W, heightMm: H } = page;
  const r = (v: number) => Math.round(v * 10) / 10;
  return [
    { xMm: CROSS_INSET_MM, yMm: CROSS_INSET_MM },
    { xMm: r(W - CROSS_INSET_MM), yMm: CROSS_INSET_MM },
    { xMm: r(W / 2), yMm: r(H / 2) },
    { xMm: CROSS_INSET_MM, yMm: r(H - CROSS_INSET_MM) },
    { xMm: r(W - CROSS_INSET_MM), yMm: r(H - CROSS_INSET_MM) },
  ];
}

export function calibrationDocument(page: PageMm, profile: PrinterProfile): DocDefinition {
  const { widthMm: W, heightMm: H } = page;
  const at = (xMm: number, yMm: number) => {
    const c = correctedMm({ xMm, yMm }, profile);
    return { x: mm(c.xMm), y: mm(c.yMm) };
  };
  const lines: CanvasElement[] = [];
  const line = (x1: number, y1: number, x2: number, y2: number, lineWidth = 0.3) => {
    const a = at(x1, y1);
    const b = at(x2, y2);
    lines.push({ type: 'line', x1: a.x, y1: a.y, x2: b.x, y2: b.y, lineWidth });
  };
  const labels: Content[] = [];
  const label = (text: string, xMm: number, yMm: number, fontSize = 6) => labels.push({ text, fontSize, lineHeight: 1, noWrap: true, absolutePosition: at(xMm, yMm) });

  // Rulers: a tick every mm (1.5 mm long), every 5 mm (3 mm), every 10 mm (5 mm, numbered).
  const tick = (n: number) => (n % 10 === 0 ? 5 : n % 5 === 0 ? 3 : 1.5);
  for (let x = 0; x <= Math.floor(W); x++) {
    line(x, 0, x, tick(x), 0.2);
    line(x, H, x, H - tick(x), 0.2);
    if (x % 10 === 0 && x > 0 && x < W - 3) {
      label(String(x), x + 0.4, 5.2);
      label(String(x), x + 0.4, H - 8);
    }
  }
  for (let y = 0; y <= Math.floor(H); y++) {
    line(0, y, tick(y), y, 0.2);
    line(W, y, W - tick(y), y, 0.2);
    if (y % 10 === 0 && y > 0 && y < H - 3) {
      label(String(y), 5.5, y - 1);
      label(String(y), W - 10.5, y - 1);
    }
  }
  // Crosshairs with their intended coordinates.
  for (const c of crossPositions(page)) {
    line(c.xMm - CROSS_ARM_MM, c.yMm, c.xMm + CROSS_ARM_MM, c.yMm, 0.25);
    line(c.xMm, c.yMm - CROSS_ARM_MM, c.xMm, c.yMm + CROSS_ARM_MM, 0.25);
    label(`（${c.xMm}, ${c.yMm}）`, c.xMm + 1.2, c.yMm + 1.2, 7);
  }
  const left = CROSS_INSET_MM + 10;
  const top = Math.min(H / 2 + 10, H - 40);
  const p = profile;
  const notes = [
    `校准页  纸张 ${W}×${H} 毫米  校准方案：${p.name}（左右 ${p.offsetXMm} 毫米，上下 ${p.offsetYMm} 毫米，缩放 ${p.scaleX}×${p.scaleY}）`,
    '打印时请选“实际大小”或 100%，不要选“适合页面”。十字旁的数字是它应在的位置（距纸张左边、上边的毫米数）。',
    '用直尺量十字实际的位置：如左上角十字偏右 1.5 毫米、偏下 0.8 毫米，就在校准方案中填 左右偏移 −1.5、上下偏移 −0.8。',
    `两个上角十字应相距 ${Math.round((W - 2 * CROSS_INSET_MM) * 10) / 10} 毫米：量得的距离不同，横向缩放 = 应有距离 ÷ 量得距离（纵向同理）。`,
  ];
  notes.forEach((t, i) => label(t, left, top + i * 5, 7.5));
  return {
    ...pageSetup(page),
    pageMargins: [0, 0, 0, 0],
    content: [{ canvas: lines, absolutePosition: { x: 0, y: 0 } }, ...labels],
    info: { title: '打印机校准页' },
  };
}

export async function calibrationSheet(ctx: CallContext, input: { page: PageMm; profileName?: string | undefined; jobId?: string | undefined }) {
  const profile = profileFor(ctx, input.profileName) ?? NO_CORRECTION;
  const job = startJob(ctx, 'certificates.calibration', input.jobId ?? newJobId(), '已取消，未生成校准页。');
  return job.run(async () => {
    const bytes = await renderPdf(calibrationDocument(input.page, profile), 'sans');
    const fileName = `校准页_${input.page.widthMm}x${input.page.heightMm}${input.profileName ? `_${input.profileName}` : ''}.pdf`;
    job.setOutput({ fileName, mime: PDF_MIME, bytes, pageMm: input.page });
    return { jobId: job.jobId ?? '', fileName };
  }, (o) => `已生成${o.fileName}`);
}
