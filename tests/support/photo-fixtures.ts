import { randomBytes } from 'node:crypto';
import { zipSync } from 'fflate';
import sharp from 'sharp';

/**
 * Real images made with sharp for the photo tests and the benchmark (no image files in the repo).
 * Every picture is different: blurred random noise over a colour, like a photo's smooth areas.
 */
export async function photo(opts: { width?: number; height?: number; format?: 'jpeg' | 'png'; quality?: number; alpha?: boolean } = {}): Promise<Buffer> {
  const width = opts.width ?? 600;
  const height = opts.height ?? 800;
  const small = sharp({
    create: { width: Math.max(8, Math.round(width / 8)), height: Math.max(8, Math.round(height / 8)), channels: opts.alpha ? 4 : 3, background: { r: 100, g: 160, b: 220 }, noise: { type: 'gaussian', mean: 128, sigma: 50 } },
  });
  const raw = await small.png().toBuffer();
  const big = sharp(raw).resize(width, height, { kernel: 'cubic' });
  return opts.format === 'png' ? big.png().toBuffer() : big.jpeg({ quality: opts.quality ?? 85 }).toBuffer();
}

/**
 * Stored as a 640×480 landscape (left half red, right half blue) with EXIF orientation 6, so a
 * viewer shows it as a 480×640 portrait with red on top and blue at the bottom.
 */
export async function rotatedPhoto(): Promise<Buffer> {
  const blue = await sharp({ create: { width: 320, height: 480, channels: 3, background: { r: 0, g: 0, b: 255 } } }).png().toBuffer();
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 255, g: 0, b: 0 } } })
    .composite([{ input: blue, left: 320, top: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** Random bytes: what a HEIC from an iPhone is to a decoder without HEVC. */
export const fakeHeic = () => randomBytes(4096);

export function zip(entries: Record<string, Uint8Array>): Buffer {
  return Buffer.from(zipSync(entries, { level: 0 }));
}

/** The RGB of one pixel of an image. */
export async function pixel(image: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}
