/**
 * The PDF fonts: Noto Serif SC and Noto Sans SC, regular and bold (OFL-1.1), known to the app as the
 * families 'serif' and 'sans'. TrueType outlines, because pdfkit subsets those to a few KB per
 * document (CFF fonts keep their subroutines: ~65 KB). Loaded once, on the first PDF: four files,
 * about 50 MB, which the process keeps.
 *
 * Where the files are: dist/fonts beside the bundle (build/build.mjs copies them there, and
 * electron-builder ships that folder inside the asar), or the font packages in node_modules when
 * running from source (tsx, vitest). font-files.json is the one list both read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import pdfmake from 'pdfmake';
import FONT_FILES from './font-files.json';

/** pdfmake's in-memory file system (not in its typings): fonts are read from it by name. */
const virtualfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } }).virtualfs;

export type FontFamily = 'serif' | 'sans';
export const FONT_FAMILIES: readonly FontFamily[] = ['serif', 'sans'];
type Face = 'normal' | 'bold';
type FileName = keyof typeof FONT_FILES;

const FACES: Record<FontFamily, Record<Face, FileName>> = {
  serif: { normal: 'NotoSerifSC-Regular.ttf', bold: 'NotoSerifSC-Bold.ttf' },
  sans: { normal: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' },
};

function readFontFile(name: FileName): Buffer {
  const here = dirname(fileURLToPath(import.meta.url));
  // dist/main/*.mjs → dist/fonts; from source the packages themselves.
  for (const dir of [join(here, '..', 'fonts'), join(here, 'fonts')]) {
    const p = join(dir, name);
    if (existsSync(p)) return readFileSync(p);
  }
  return readFileSync(createRequire(import.meta.url).resolve(FONT_FILES[name]));
}

interface LoadedFonts {
  /** fontkit's view of each face, for the glyph check. */
  faces: Record<FontFamily, fontkit.Font[]>;
}
let loaded: LoadedFonts | null = null;

/**
 * Reads the fonts once and hands them to pdfmake through its virtual file system — pdfmake 0.3
 * refuses Buffers as fonts, and paths inside an Electron asar are not files it can open. No URL and
 * no local file is reachable from a document definition: images come as data: URLs.
 */
export function loadFonts(): LoadedFonts {
  if (loaded) return loaded;
  const faces = { serif: [] as fontkit.Font[], sans: [] as fontkit.Font[] };
  const definitions: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {};
  for (const family of FONT_FAMILIES) {
    for (const face of ['normal', 'bold'] as const) {
      const name = FACES[family][face];
      const bytes = readFontFile(name);
      virtualfs.writeFileSync(name, bytes);
      faces[family].push(fontkit.create(bytes) as fontkit.Font);
    }
    const { normal, bold } = FACES[family];
    // No italic CJK face exists: italics fall back to the upright ones.
    definitions[family] = { normal, bold, italics: normal, bolditalics: bold };
  }
  pdfmake.setFonts(definitions);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  loaded = { faces };
  return loaded;
}
