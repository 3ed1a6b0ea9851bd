/**
 * Finding the header row of an import file and mapping its columns to the fields of its catalogue
 * (catalogue.ts; the roster's by default).
 *
 * Rosters arrive from admissions offices, 学信网 exports and hand-made sheets:
 * a merged title ("2025级新生名单") over the table, blank and note rows, headers
 * such as "身份证号码（必填）", "*姓名" or "出生年月". Matching is done on a
 * normalised header against the import's field catalogue, never on a private list,
 * so the export headers always import back.
 *
 * Pure: no I/O, no Node/Electron imports.
 */
import type { StudentFieldKey } from '../student-fields';
import { normaliseSpaces, toHalfWidth } from '../text';
import { catalogueLabel, missingRequired as missingOf, ROSTER_CATALOGUE, type ImportCatalogue } from './catalogue';
import { cellText, type CellValue } from './cells';

/**
 * Canonical form of a header for matching: half-width, no whitespace, bracketed
 * notes removed ((必填), （选填）, 【示例】, [yyyy-mm-dd]), `*` / `※` / `★` markers and
 * a trailing colon removed, ASCII lower-cased.
 */
export function normaliseHeader(header: string): string {
  let s = toHalfWidth(header).replace(/[\s\u3000\u00a0\u200b]/g, '');
  // Remove innermost bracket pairs repeatedly so nested notes go too.
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/\([^()]*\)|【[^【】]*】|\[[^[\]]*\]|〔[^〔〕]*〕/g, '');
  }
  return s.replace(/[*※★]/g, '').replace(/[:：]$/, '').toLowerCase();
}

interface CatalogueIndex {
  /** Normalised label/alias → field. Labels are added first so they win over another field's alias. */
  exact: ReadonlyMap<string, string>;
  /** Terms (normalised) with at least one Chinese character, for the containment fallback. */
  cjkTerms: readonly { term: string; key: string }[];
}

const indexes = new WeakMap<ImportCatalogue, CatalogueIndex>();
function indexOf(cat: ImportCatalogue): CatalogueIndex {
  let idx = indexes.get(cat);
  if (!idx) {
    const exact = new Map<string, string>();
    for (const f of cat.fields) exact.set(normaliseHeader(f.label), f.key);
    for (const f of cat.fields) {
      for (const a of f.aliases) {
        const k = normaliseHeader(a);
        if (!exact.has(k)) exact.set(k, f.key);
      }
    }
    const cjkTerms = [...exact.entries()].filter(([term]) => /[\u3400-\u9fff]/.test(term) && Array.from(term).length >= 2).map(([term, key]) => ({ term, key }));
    idx = { exact, cjkTerms };
    indexes.set(cat, idx);
  }
  return idx;
}

/** Longer than this, a cell is prose (a note row), not a header. */
const MAX_HEADER_CHARS = 16;

export type HeaderMatch<K extends string = StudentFieldKey> = { key: K; exact: boolean } | null;

/**
 * Matches one header: exact label/alias first; otherwise, if the header contains
 * catalogue terms (学生身份证号码 ⊃ 身份证号码), the field of the longest one — unless
 * two fields tie, or the header is about another person.
 */
export function matchHeader<K extends string = StudentFieldKey>(header: string, cat: ImportCatalogue<K> = ROSTER_CATALOGUE as unknown as ImportCatalogue<K>): HeaderMatch<K> {
  const k = normaliseHeader(header);
  if (k === '') return null;
  const { exact: byTerm, cjkTerms } = indexOf(cat);
  const exact = byTerm.get(k) as K | undefined;
  if (exact) return { key: exact, exact: true };
  if (Array.from(k).length > MAX_HEADER_CHARS || cat.otherPerson?.test(k) || cat.partOf?.test(k)) return null;
  let best: K | null = null;
  let bestLen = 0;
  let tie = false;
  for (const { term, key } of cjkTerms) {
    if (!k.includes(term)) continue;
    const len = Array.from(term).length;
    if (len > bestLen) {
      best = key as K;
      bestLen = len;
      tie = false;
    } else if (len === bestLen && key !== best) {
      tie = true;
    }
  }
  return best && !tie ? { key: best, exact: false } : null;
}

function headerText(v: CellValue | undefined): string {
  return normaliseSpaces(cellText(v));
}

/**
 * Finds the header row among the first `maxScan` rows (0-based indexes into
 * `rows`; columns are 0-based too). Each row scores 1 per cell matching a field
 * label/alias exactly and ½ per containment match, counting each field once; the
 * best row with a score of at least 2 wins (the earliest on a tie). Title rows
 * (merged cells repeat their text), blank rows and note rows score 0–1.
 * `headers` holds the trimmed text of every cell of that row ('' for blanks).
 */
export function findHeaderRow(
  rows: readonly (readonly (CellValue | undefined)[])[],
  maxScan = 20,
  cat: ImportCatalogue = ROSTER_CATALOGUE,
): { index: number; headers: string[] } | null {
  let bestIndex = -1;
  let bestScore = 0;
  const limit = Math.min(maxScan, rows.length);
  for (let i = 0; i < limit; i++) {
    const row = rows[i] ?? [];
    const seen = new Set<string>();
    let score = 0;
    for (const cell of Array.from(row)) {
      const m = matchHeader(headerText(cell), cat);
      if (!m || seen.has(m.key)) continue;
      seen.add(m.key);
      score += m.exact ? 1 : 0.5;
    }
    if (score > bestScore) {
      bestScore = score;
      bestIndex = i;
    }
  }
  if (bestIndex < 0 || bestScore < 2) return null;
  return { index: bestIndex, headers: Array.from(rows[bestIndex] ?? [], (c) => headerText(c)) };
}

export interface ColumnMapping<K extends string = StudentFieldKey> {
  /** Column index (0-based) → field. */
  mapping: Record<number, K>;
  /** Non-empty headers not mapped: unknown, or a second column for an already mapped field. */
  unmapped: { index: number; header: string }[];
  /**
   * Required fields with no column. 出生日期/性别 are not listed when the ID number
   * column is mapped: they are filled from the ID.
   */
  missingRequired: K[];
  /** Columns mapped only by containment (e.g. 学生本人身份证号码), for the UI to ask for confirmation. */
  guessed: number[];
}


/**
 * Maps header texts to fields. Priority: `remembered` (header text → field, as
 * the user adjusted it on an earlier import; looked up by exact text, then by
 * normalised text) > exact label/alias > containment. When two columns claim the
 * same field, the one with the higher priority keeps it (the leftmost among
 * equals) and the other is reported as unmapped.
 */
export function mapColumns<K extends string = StudentFieldKey>(
  headers: readonly string[],
  remembered: Readonly<Record<string, K>> = {},
  cat: ImportCatalogue<K> = ROSTER_CATALOGUE as unknown as ImportCatalogue<K>,
): ColumnMapping<K> {
  const keys = new Set<string>(cat.fields.map((f) => f.key));
  const isFieldKey = (k: string): k is K => keys.has(k);
  const rememberedNorm = new Map<string, K>();
  for (const [h, key] of Object.entries(remembered)) {
    if (isFieldKey(key) && !rememberedNorm.has(normaliseHeader(h))) rememberedNorm.set(normaliseHeader(h), key);
  }

  type Candidate = { index: number; header: string; key: K; rank: number };
  const candidates: Candidate[] = [];
  const unmapped: { index: number; header: string }[] = [];
  headers.forEach((raw, index) => {
    const header = normaliseSpaces(raw ?? '');
    if (header === '') return;
    const own = Object.prototype.hasOwnProperty.call(remembered, header) ? remembered[header] : undefined;
    const mem = own !== undefined && isFieldKey(own) ? own : rememberedNorm.get(normaliseHeader(header));
    if (mem) {
      candidates.push({ index, header, key: mem, rank: 0 });
      return;
    }
    const m = matchHeader(header, cat);
    if (m) candidates.push({ index, header, key: m.key, rank: m.exact ? 1 : 2 });
    else unmapped.push({ index, header });
  });

  const mapping: Record<number, K> = {};
  const taken = new Set<K>();
  const guessed: number[] = [];
  const ordered = [...candidates].sort((a, b) => a.rank - b.rank || a.index - b.index);
  for (const c of ordered) {
    if (taken.has(c.key)) {
      unmapped.push({ index: c.index, header: c.header });
      continue;
    }
    taken.add(c.key);
    mapping[c.index] = c.key;
    if (c.rank === 2) guessed.push(c.index);
  }
  unmapped.sort((a, b) => a.index - b.index);
  guessed.sort((a, b) => a - b);

  return { mapping, unmapped, missingRequired: missingOf(cat, taken), guessed };
}

/**
 * `headerOf` for validate-row: the header text of the field's column, or the
 * field's catalogue label when the file has no such column.
 */
export function headerLookup<K extends string = StudentFieldKey>(
  headers: readonly string[],
  mapping: Readonly<Record<number, K>>,
  cat: ImportCatalogue = ROSTER_CATALOGUE,
): (field: K) => string {
  const byField = new Map<K, string>();
  for (const [i, key] of Object.entries(mapping) as [string, K][]) byField.set(key, headers[Number(i)] ?? catalogueLabel(cat, key));
  return (field) => byField.get(field) ?? catalogueLabel(cat, field);
}
