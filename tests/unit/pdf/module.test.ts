import { describe, expect, it } from 'vitest';
import { marginsMm, mm, pageSetup, renderPdf, titleBlock } from '../../../electron/main/core/pdf';
import { pageText, readPdf } from '../../support/pdf-read';

describe('PDF module', () => {
  it('converts millimetres to points (1 in = 25.4 mm = 72 pt)', () => {
    expect(mm(25.4)).toBeCloseTo(72, 10);
    expect(pageSetup('A4')).toEqual({ pageSize: { width: mm(210), height: mm(297) }, pageOrientation: 'portrait' });
    expect(pageSetup('A4-landscape').pageOrientation).toBe('landscape');
    expect(pageSetup({ widthMm: 120, heightMm: 80 }).pageSize.width).toBeCloseTo(340.157, 2);
    expect(marginsMm(20, 30)).toEqual([mm(20), mm(30), mm(20), mm(30)]);
  });

  it('renders pages of the size asked for, in the chosen family, subset and readable back', async () => {
    const custom = await renderPdf({ ...pageSetup({ widthMm: 120, heightMm: 80 }), pageMargins: marginsMm(10, 10), content: [titleBlock('毕业证书', { spaced: true })] }, 'sans');
    const [page] = await readPdf(custom);
    expect([page!.widthMm, page!.heightMm]).toEqual([120, 80]);
    expect(pageText(page!).replace(/\s/g, '')).toBe('毕业证书');
    expect(page!.items[0]!.font).toMatch(/^[A-Z]{6}\+NotoSansSC-Bold$/);
    // Subset: the whole font is ~10 MB; a page with a few characters carries a few KB of it.
    expect(custom.length).toBeLessThan(40_000);

    const landscape = await renderPdf({ ...pageSetup('A5-landscape'), content: ['在读证明'] });
    const [l] = await readPdf(landscape);
    expect([l!.widthMm, l!.heightMm]).toEqual([210, 148]);
    expect(l!.items[0]!.font).toMatch(/NotoSerifSC-Regular$/);
  });
});
