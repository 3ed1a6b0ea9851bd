/**
 * Every refusal of a bad file names its real reason in Chinese (issue 13 #12): a UTF-16 CSV saved
 * without its byte-order mark is read, not called headerless; an image too large to decode is
 * called too large, not damaged; an unreadable workbook shows no parser English.
 */
import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalisePhoto } from '../../electron/main/features/photos/process';
import { COUNSELOR, makeApp, type TestApp } from '../support/harness';
import { photo } from '../support/photo-fixtures';
import { CLASS_NAME, MAJOR, makeId } from '../support/roster-fixtures';

/** A real PNG whose header (IHDR) claims another size; its CRC is made to match. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await photo({ width: 300, height: 400, format: 'png' }));
  // Signature (8), IHDR length (4), "IHDR" (4), then width and height; the CRC covers type + data (17 bytes).
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

/** A real JPEG whose frame header (SOF0) claims another size. */
async function jpegClaiming(width: number, height: number): Promise<Buffer> {
  const jpeg = Buffer.from(await photo({ width: 300, height: 400 }));
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  jpeg.writeUInt16BE(height, sof + 5);
  jpeg.writeUInt16BE(width, sof + 7);
  return jpeg;
}

describe('photos too large to decode', () => {
  it('are refused by their size, before any pixel is decoded', async () => {
    const png = await normalisePhoto(await pngClaiming(20000, 20000), 85);
    expect(png).toEqual({ ok: false, reason: '照片尺寸过大：20000×20000 像素（最多 100 百万像素），请缩小后再导入（证件照 480×640 即可）' });
    const jpeg = await normalisePhoto(await jpegClaiming(65535, 65535), 85);
    expect(jpeg).toEqual({ ok: false, reason: '照片尺寸过大：文件标明的宽或高超过 65500 像素（JPEG 格式的上限），文件可能已损坏；请重新导出为 480×640 左右的 JPG 后再导入' });
    // Within JPEG's limit but beyond ours: measured from the header.
    const wide = await normalisePhoto(await jpegClaiming(30000, 30000), 85);
    expect(wide).toEqual({ ok: false, reason: '照片尺寸过大：30000×30000 像素（最多 100 百万像素），请缩小后再导入（证件照 480×640 即可）' });
  });
});

describe('roster files', () => {
  let app: TestApp;
  const C = COUNSELOR.client;
  beforeEach(async () => {
    app = makeApp();
    await app.setup();
    await app.addStaff();
    const major = await app.call(C, 'org.createMajor', { ...MAJOR });
    await app.call(C, 'org.createClass', { name: CLASS_NAME, majorId: major.id, cohortYear: 2025 });
  });
  afterEach(() => app?.remove());

  it('a UTF-16 CSV without its byte-order mark is read like any other', async () => {
    const text = `学号,姓名,身份证号,班级\r\n2025510201001,张三,${makeId('110105', '20070315', '123')},${CLASS_NAME}\r\n`;
    for (const encoding of ['utf16le', 'utf16be'] as const) {
      const bytes = iconv.encode(text, encoding, { addBOM: false });
      expect([bytes[0], bytes[1]]).not.toEqual([0xff, 0xfe]);
      const opened = await app.call(C, 'imports.open', app.upload(C, '名单.csv', bytes));
      expect(opened.encoding).toBe(encoding === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE');
      const inspected = await app.call(C, 'imports.inspect', { uploadId: opened.uploadId, sheet: opened.sheets[0]!.name });
      expect(inspected.headers).toEqual(['学号', '姓名', '身份证号', '班级']);
      expect(inspected.sampleRows[0]!.slice(0, 2)).toEqual(['2025510201001', '张三']);
    }
  });

  it('an unreadable workbook is refused in Chinese only', async () => {
    // A zip that is not a workbook: the parser's own (English) words stay in the log.
    const notAWorkbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const refused = await app.fails(C, 'imports.open', app.upload(C, '名单.xlsx', notAWorkbook));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toBe('文件“名单.xlsx”无法读取，可能已损坏或不是有效的 Excel 工作簿/CSV 文件。请在 Excel 中打开并重新保存后再导入');
  });
});
