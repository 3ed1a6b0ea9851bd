import { createHash } from 'node:crypto';
import sharp from 'sharp';

/** 学信网 image size (DOMAIN §3.1): 480 × 640, 3:4. */
export const PHOTO_WIDTH = 480;
export const PHOTO_HEIGHT = 640;
export const MIN_WIDTH = 240;
export const MIN_HEIGHT = 320;
/** Width / height outside this range is too far from 3:4 (0.75) to crop without cutting the head off. */
export const MIN_RATIO = 0.6;
export const MAX_RATIO = 0.9;
/**
 * The largest image read: a 48-megapixel phone photo fits; a bigger one (or a header claiming
 * 65535×65535) is refused by its size before any pixel is decoded.
 */
export const MAX_PIXELS = 100_000_000;
/** Concurrent sharp jobs; each job uses one libvips thread (ENVIRONMENT §2: 3–4 jobs is the sweet spot). */
export const PHOTO_JOBS = 3;

let configured = false;
/**
 * One libvips thread per image and parallelism from concurrent jobs (faster and leaner than
 * threads inside one job for many small images); no operation cache, since every image is new.
 */
export function configureSharp(): void {
  if (configured) return;
  sharp.concurrency(1);
  sharp.cache(false);
  configured = true;
}

export type Normalised =
  | { ok: true; jpeg: Buffer; originalSha: string; normalSha: string; width: number; height: number }
  | { ok: false; reason: string };

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Checks one JPEG/PNG and turns it into the stored photo: EXIF orientation applied, centre-cropped
 * to exactly 480×640, sRGB, transparent areas on white, JPEG at `quality`, no metadata (sharp strips
 * EXIF/XMP/ICC unless asked to keep them).
 */
export async function normalisePhoto(bytes: Buffer, quality: number): Promise<Normalised> {
  const options = { failOn: 'truncated', limitInputPixels: MAX_PIXELS } as const;
  let width: number;
  let height: number;
  try {
    // The header only (no pixels decoded), so a huge image is measured, not loaded.
    const meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
    width = meta.autoOrient?.width ?? meta.width;
    height = meta.autoOrient?.height ?? meta.height;
  } catch (e) {
    // libjpeg refuses a frame header beyond its limit before sharp can tell the size.
    if (/Maximum supported image dimension/i.test(e instanceof Error ? e.message : '')) {
      return { ok: false, reason: '照片尺寸过大：文件标明的宽或高超过 65500 像素（JPEG 格式的上限），文件可能已损坏；请重新导出为 480×640 左右的 JPG 后再导入' };
    }
    return { ok: false, reason: '文件已损坏或不是图片，无法读取' };
  }
  if (width && height && width * height > MAX_PIXELS) {
    return { ok: false, reason: `照片尺寸过大：${width}×${height} 像素（最多 ${MAX_PIXELS / 1_000_000} 百万像素），请缩小后再导入（证件照 480×640 即可）` };
  }
  if (!width || !height) return { ok: false, reason: '文件已损坏或不是图片，无法读取' };
  if (width < MIN_WIDTH || height < MIN_HEIGHT) return { ok: false, reason: `照片太小（至少 ${MIN_WIDTH}×${MIN_HEIGHT} 像素），此照片为 ${width}×${height} 像素` };
  const ratio = width / height;
  if (ratio < MIN_RATIO || ratio > MAX_RATIO) {
    const shape = ratio > 1 ? '横向照片' : ratio > MAX_RATIO ? '接近正方形' : '过于细长';
    return { ok: false, reason: `照片比例不对：${width}×${height} 像素（${shape}），应为竖向 3:4（宽:高，如 480×640）` };
  }
  try {
    const jpeg = await sharp(bytes, options)
      .autoOrient()
      .resize(PHOTO_WIDTH, PHOTO_HEIGHT, { fit: 'cover', position: 'centre' })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality, chromaSubsampling: '4:2:0' })
      .toBuffer();
    return { ok: true, jpeg, originalSha: sha256(bytes), normalSha: sha256(jpeg), width, height };
  } catch {
    return { ok: false, reason: '文件已损坏（可能未完整复制），无法读取' };
  }
}

/** Runs `fn` over `items` with at most `limit` in flight, in order of start; results keep the input order. */
export async function mapPool<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  onDone?: (done: number) => void,
  /** Checked before each item: true leaves the rest undone (their results stay empty). */
  stopped?: () => boolean,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length && !stopped?.()) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
      done++;
      onDone?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
