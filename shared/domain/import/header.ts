/**
 * Finding the header row of a roster and mapping its columns to student fields.
 *
 * Rosters arrive from admissions offices, 学信网 exports and hand-made sheets:
 * a merged title ("2025级新生名单") over the table, blank and note rows, headers
 * such as "身份证号码（必填）", "*姓名" or "出生年月". Matching is done on a
 * normalised header against the one field catalogue (student-fields.ts), never on
 * a private list, so the export headers always import back.
 *
 * Pure: no I/O, no Node/Electron imports.
 */
import { FIELD_BY_KEY, STUDENT_FIELD_KEYS, STUDENT_FIELDS, type StudentFieldKey } from '../student-fields';
import { normaliseSpaces, toHalfWidth } from '../text';
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

/** Normalised label/alias → field. Labels are added first so they win over another field's alias. */
const EXACT: ReadonlyMap<string, StudentFieldKey> = (() => {
  const m = new Map<string, StudentFieldKey>();
  for (const f of STUDENT_FIELDS) m.set(normaliseHeader(f.label), f.key);
  for (const f of STUDENT_FIELDS) {
    for (const a of f.aliases) {
      const k = normaliseHeader(a);
      if (!m.has(k)) m.set(k, f.key);
    }
  }
  return m;
})();

/** Terms (normalised) with at least one Chinese character, for the containment fallback. */
const CJK_TERMS: readonly { term: string; key: StudentFieldKey }[] = [...EXACT.entries()]
  .filter(([term]) => /[\u3400-\u9fff]/.test(term) && Array.from(term).length >= 2)
  .map(([term, key]) => ({ term, key }));

/**
 * Headers about someone other than the student (父亲姓名, 紧急联系人电话). Containment
 * matching would map them to the student's own 姓名/电话, so it is not attempted.
 */
const OTHER_PERSON = /父|母|家长|监护|紧急|联系人|亲属|配偶|户主|班主任|辅导员|导师/;

/** Longer than this, a cell is prose (a note row), not a header. */
const MAX_HEADER_CHARS = 16;

export type HeaderMatch = { key: StudentFieldKey; exact: boolean } | null;

/**
 * Matches one header: exact label/alias first; otherwise, if the header contains
 * catalogue terms (学生身份证号码 ⊃ 身份证号码), the field of the longest one — unless
 * two fields tie, or the header is about another person.
 */
export function matchHeader(header: string): HeaderMatch {
  const k = normaliseHeader(header);
  if (k === '') return null;
  const exact = EXACT.get(k);
  if (exact) return { key: exact, exact: true };
  if (Array.from(k).length > MAX_HEADER_CHARS || OTHER_PERSON.test(k)) return null;
  let best: StudentFieldKey | null = null;
  let bestLen = 0;
  let tie = false;
  for (const { term, key } of CJK_TERMS) {
    if (!k.includes(term)) continue;
    const len = Array.from(term).length;
    if (len > bestLen) {
      best = key;
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
): { index: number; headers: string[] } | null {
  let bestIndex = -1;
  let bestScore = 0;
  const limit = Math.min(maxScan, rows.length);
  for (let i = 0; i < limit; i++) {
    const row = rows[i] ?? [];
    const seen = new Set<StudentFieldKey>();
    let score = 0;
    for (const cell of Array.from(row)) {
      const m = matchHeader(headerText(cell));
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

/** Fields that may be missing from the file because they are filled from the ID number. */
const DERIVED_FROM_ID: readonly StudentFieldKey[] = ['birthDate', 'gender'];

export interface ColumnMapping {
  /** Column index (0-based) → field. */
  mapping: Record<number, StudentFieldKey>;
  /** Non-empty headers not mapped: unknown, or a second column for an already mapped field. */
  unmapped: { index: number; header: string }[];
  /**
   * Required fields with no column. 出生日期/性别 are not listed when the ID number
   * column is mapped: they are filled from the ID.
   */
  missingRequired: StudentFieldKey[];
  /** Columns mapped only by containment (e.g. 学生本人身份证号码), for the UI to ask for confirmation. */
  guessed: number[];
}

function isFieldKey(k: string): k is StudentFieldKey {
  return (STUDENT_FIELD_KEYS as readonly string[]).includes(k);
}

/**
 * Maps header texts to fields. Priority: `remembered` (header text → field, as
 * the user adjusted it on an earlier import; looked up by exact text, then by
 * normalised text) > exact label/alias > containment. When two columns claim the
 * same field, the one with the higher priority keeps it (the leftmost among
 * equals) and the other is reported as unmapped.
 */
export function mapColumns(
  headers: readonly string[],
  remembered: Readonly<Record<string, StudentFieldKey>> = {},
): ColumnMapping {
  const rememberedNorm = new Map<string, StudentFieldKey>();
  for (const [h, key] of Object.entries(remembered)) {
    if (isFieldKey(key) && !rememberedNorm.has(normaliseHeader(h))) rememberedNorm.set(normaliseHeader(h), key);
  }

  type Candidate = { index: number; header: string; key: StudentFieldKey; rank: number };
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
    const m = matchHeader(header);
    if (m) candidates.push({ index, header, key: m.key, rank: m.exact ? 1 : 2 });
    else unmapped.push({ index, header });
  });

  const mapping: Record<number, StudentFieldKey> = {};
  const taken = new Set<StudentFieldKey>();
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

  const missingRequired = STUDENT_FIELDS.filter((f) => f.required && !taken.has(f.key))
    .map((f) => f.key)
    .filter((k) => !(DERIVED_FROM_ID.includes(k) && taken.has('idNumber')));
  return { mapping, unmapped, missingRequired, guessed };
}

/**
 * `headerOf` for validate-row: the header text of the field's column, or the
 * field's catalogue label when the file has no such column.
 */
export function headerLookup(headers: readonly string[], mapping: Readonly<Record<number, StudentFieldKey>>): (field: StudentFieldKey) => string {
  const byField = new Map<StudentFieldKey, string>();
  for (const [i, key] of Object.entries(mapping)) byField.set(key, headers[Number(i)] ?? FIELD_BY_KEY[key].label);
  return (field) => byField.get(field) ?? FIELD_BY_KEY[field].label;
}
