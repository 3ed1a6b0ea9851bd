import type { Mapping } from './wizardTypes';

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** How a column is named on screen: its header, or its letter when the header cell is empty. */
export function columnName(headers: readonly string[], index: number): string {
  const h = headers[index]?.trim();
  return h ? h : `${columnLetter(index)} 列（无表头）`;
}

/** The first few non-empty values of a column, for 示例. */
export function sampleValues(rows: readonly (readonly string[])[], index: number, max = 3): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const v = row[index]?.trim();
    if (v) out.push(v);
    if (out.length >= max) break;
  }
  return out;
}

/** The column a field is currently assigned to, if any. */
export function columnOfField(mapping: Mapping, field: string): number | null {
  for (const [k, v] of Object.entries(mapping)) if (v === field) return Number(k);
  return null;
}

/** Assigns a field to a column; a field belongs to one column, so it leaves any other. */
export function assignField(mapping: Mapping, index: number, field: string | null): Mapping {
  const next: Mapping = {};
  for (const [k, v] of Object.entries(mapping)) if (v && v !== field && k !== String(index)) next[k] = v;
  if (field) next[String(index)] = field;
  return next;
}
