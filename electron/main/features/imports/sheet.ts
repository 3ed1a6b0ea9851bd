/**
 * Locating the table in a parsed sheet (header row under title rows) and mapping its columns,
 * with the remembered header → field choices — for any import, through its spec's field catalogue
 * (always passed: the pipeline never falls back to one import's fields).
 */
import {
  catalogueField, cellText, findHeaderRow, headerLookup, mapColumns, matchHeader, missingRequired, type CellValue, type ImportCatalogue,
} from '../../../../shared/domain/import';
import { normaliseSpaces } from '../../../../shared/domain/text';
import { AppError } from '../../core/errors';
import type { FlatCell } from './parse';
import type { ParsedSheet } from './parse-runner';

export interface SheetLayout {
  /** Index into the sheet's rows (not an Excel row number). */
  headerIndex: number;
  /** Excel row number of the header row. */
  headerRow: number;
  headers: string[];
}

/** Rows scanned for the header: title, note and blank rows above the table. */
export const HEADER_SCAN_ROWS = 20;

export function locateHeader(sheet: ParsedSheet, cat: ImportCatalogue): SheetLayout {
  const found = findHeaderRow(sheet.cells.slice(0, HEADER_SCAN_ROWS) as CellValue[][], HEADER_SCAN_ROWS, cat);
  if (!found) {
    throw new AppError(
      'VALIDATION',
      sheet.cells.length === 0
        ? `工作表“${sheet.name}”是空的`
        : `在工作表“${sheet.name}”的前 ${HEADER_SCAN_ROWS} 行中没有找到表头行：表头应包含${cat.headerExamples.map((h) => `“${h}”`).join('')}等列名中的至少两个`,
      'sheet',
    );
  }
  return { headerIndex: found.index, headerRow: sheet.rowNos[found.index]!, headers: found.headers };
}

/** The text a cell shows, for samples and messages. */
export function displayText(c: FlatCell | undefined): string {
  return normaliseSpaces(cellText(c ?? null));
}

/** Remembered header → field ('' = deliberately not imported). */
export type Remembered = Record<string, string>;

/** mapColumns with the remembered choices, including columns the user chose not to import. */
export function mapWithMemory<K extends string>(headers: readonly string[], remembered: Remembered, cat: ImportCatalogue<K>) {
  const known = new Set<string>(cat.fields.map((f) => f.key));
  const positive: Record<string, K> = {};
  const ignored = new Set<string>();
  for (const [h, f] of Object.entries(remembered)) {
    if (f === '') ignored.add(h);
    else if (known.has(f)) positive[h] = f as K;
  }
  const m = mapColumns(headers, positive, cat);
  for (const [i, key] of Object.entries(m.mapping)) {
    const h = normaliseSpaces(headers[Number(i)] ?? '');
    if (ignored.has(h) && positive[h] === undefined) {
      delete m.mapping[Number(i)];
      m.unmapped.push({ index: Number(i), header: h });
      m.guessed = m.guessed.filter((g) => g !== Number(i));
      void key;
    }
  }
  m.unmapped.sort((a, b) => a.index - b.index);
  m.missingRequired = missingRequired(cat, Object.values(m.mapping));
  return m;
}

/**
 * The choices worth remembering from a mapping the user confirmed: every mapped header, and
 * headers the catalogue would map but the user left out (unless their field went to another
 * column, in which case leaving one out says nothing about the header itself).
 */
export function choicesToRemember(headers: readonly string[], mapping: Readonly<Record<number, string>>, remembered: Remembered, cat: ImportCatalogue): Remembered {
  const out: Remembered = {};
  const used = new Set(Object.values(mapping));
  headers.forEach((raw, i) => {
    const h = normaliseSpaces(raw ?? '');
    if (!h) return;
    const f = mapping[i];
    if (f) out[h] = f;
    else {
      const auto = matchHeader(h, cat);
      // Left out although the catalogue (or an earlier choice) would map it: remember that.
      if ((auto && !used.has(auto.key)) || remembered[h]) out[h] = '';
    }
  });
  return out;
}

/**
 * Column index (0-based) → field, from the contract's string keys: every field must be one of the
 * catalogue's, and none mapped twice.
 */
export function parseMapping<K extends string>(input: Readonly<Record<string, string>>, width: number, cat: ImportCatalogue<K>): Record<number, K> {
  const out: Record<number, K> = {};
  const seen = new Map<K, number>();
  for (const [k, key] of Object.entries(input)) {
    const i = Number(k);
    if (!Number.isInteger(i) || i < 0 || i >= Math.max(width, 1) + 200) {
      throw new AppError('VALIDATION', `列对应关系中的列号“${k}”无效`, 'mapping');
    }
    const f = catalogueField(cat, key);
    if (!f) throw new AppError('VALIDATION', `第 ${i + 1} 列对应的字段不是${cat.subject}信息中的字段，请重新选择`, 'mapping');
    const field = f.key;
    const prev = seen.get(field);
    if (prev !== undefined) {
      throw new AppError('VALIDATION', `“${f.label}”同时对应了第 ${prev + 1} 列和第 ${i + 1} 列，请只保留一列`, 'mapping');
    }
    seen.set(field, i);
    out[i] = field;
  }
  return out;
}

export function headerOfFor<K extends string>(headers: readonly string[], mapping: Readonly<Record<number, K>>, cat: ImportCatalogue) {
  return headerLookup(headers, mapping, cat);
}
