/**
 * Locating the table in a parsed sheet (header row under title rows) and mapping its columns,
 * with the remembered header → field choices.
 */
import { cellText, findHeaderRow, headerLookup, mapColumns, matchHeader, type CellValue } from '../../../../shared/domain/import';
import { FIELD_BY_KEY, STUDENT_FIELDS, type StudentFieldKey } from '../../../../shared/domain/student-fields';
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

export function locateHeader(sheet: ParsedSheet): SheetLayout {
  const found = findHeaderRow(sheet.cells.slice(0, HEADER_SCAN_ROWS) as CellValue[][], HEADER_SCAN_ROWS);
  if (!found) {
    throw new AppError(
      'VALIDATION',
      sheet.cells.length === 0
        ? `工作表“${sheet.name}”是空的`
        : `在工作表“${sheet.name}”的前 ${HEADER_SCAN_ROWS} 行中没有找到表头行：表头应包含“学号”“姓名”“身份证号”等列名中的至少两个`,
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
export type Remembered = Record<string, StudentFieldKey | ''>;

const DERIVED_FROM_ID: readonly StudentFieldKey[] = ['birthDate', 'gender'];

export function missingRequiredFor(mapped: Iterable<StudentFieldKey>): StudentFieldKey[] {
  const taken = new Set(mapped);
  return STUDENT_FIELDS.filter((f) => f.required && !taken.has(f.key))
    .map((f) => f.key)
    .filter((k) => !(DERIVED_FROM_ID.includes(k) && taken.has('idNumber')));
}

/** mapColumns with the remembered choices, including columns the user chose not to import. */
export function mapWithMemory(headers: readonly string[], remembered: Remembered) {
  const positive: Record<string, StudentFieldKey> = {};
  const ignored = new Set<string>();
  for (const [h, f] of Object.entries(remembered)) {
    if (f === '') ignored.add(h);
    else positive[h] = f;
  }
  const m = mapColumns(headers, positive);
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
  m.missingRequired = missingRequiredFor(Object.values(m.mapping));
  return m;
}

/**
 * The choices worth remembering from a mapping the user confirmed: every mapped header, and
 * headers the catalogue would map but the user left out (unless their field went to another
 * column, in which case leaving one out says nothing about the header itself).
 */
export function choicesToRemember(headers: readonly string[], mapping: Readonly<Record<number, StudentFieldKey>>, remembered: Remembered = {}): Remembered {
  const out: Remembered = {};
  const used = new Set(Object.values(mapping));
  headers.forEach((raw, i) => {
    const h = normaliseSpaces(raw ?? '');
    if (!h) return;
    const f = mapping[i];
    if (f) out[h] = f;
    else {
      const auto = matchHeader(h);
      // Left out although the catalogue (or an earlier choice) would map it: remember that.
      if ((auto && !used.has(auto.key)) || remembered[h]) out[h] = '';
    }
  });
  return out;
}

/** Column index (0-based) → field, from the contract's string keys; rejects a field mapped twice. */
export function parseMapping(input: Readonly<Record<string, StudentFieldKey>>, width: number): Record<number, StudentFieldKey> {
  const out: Record<number, StudentFieldKey> = {};
  const seen = new Map<StudentFieldKey, number>();
  for (const [k, field] of Object.entries(input)) {
    const i = Number(k);
    if (!Number.isInteger(i) || i < 0 || i >= Math.max(width, 1) + 200) {
      throw new AppError('VALIDATION', `列对应关系中的列号“${k}”无效`, 'mapping');
    }
    const prev = seen.get(field);
    if (prev !== undefined) {
      throw new AppError('VALIDATION', `“${FIELD_BY_KEY[field].label}”同时对应了第 ${prev + 1} 列和第 ${i + 1} 列，请只保留一列`, 'mapping');
    }
    seen.set(field, i);
    out[i] = field;
  }
  return out;
}

export function headerOfFor(headers: readonly string[], mapping: Readonly<Record<number, StudentFieldKey>>) {
  return headerLookup(headers, mapping);
}
