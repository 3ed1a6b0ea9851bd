import { isActiveStatus } from '../../../../shared/domain/codes';
import { normaliseIdNumber } from '../../../../shared/domain/idcard';
import { toHalfWidth } from '../../../../shared/domain/text';
import type { PhotoCandidate } from '../../../../db/queries/photos';

export type MatchKey = 'idNumber' | 'examNo' | 'studentNo';

/** A file's base name as a key: full-width → half-width, no spaces, upper case (so x → X). */
export function normaliseKey(raw: string): string {
  return normaliseIdNumber(toHalfWidth(raw)).toUpperCase();
}

/**
 * The keys a base name may stand for: the whole name first, then its parts when people added a
 * name or a copy number ("110105…002X_张三", "2025001 (1)").
 */
export function keysOf(baseName: string): { whole: string; parts: string[] } {
  const whole = normaliseKey(baseName);
  const parts = toHalfWidth(baseName)
    .split(/[\s_\-—.,，、()（）[\]【】#]+/)
    .map(normaliseKey)
    .filter((p) => p.length >= 4 && p !== whole);
  return { whole, parts: [...new Set(parts)] };
}

/** Every spelling worth asking the database for (stored 学号/考生号 may use lower-case letters). */
export function lookupValues(baseNames: string[]): string[] {
  const out = new Set<string>();
  for (const b of baseNames) {
    const { whole, parts } = keysOf(b);
    for (const k of [whole, ...parts]) {
      out.add(k);
      out.add(k.toLowerCase());
    }
  }
  return [...out];
}

export class StudentIndex {
  private readonly by: Record<MatchKey, Map<string, PhotoCandidate[]>> = { idNumber: new Map(), examNo: new Map(), studentNo: new Map() };

  constructor(rows: PhotoCandidate[]) {
    for (const r of rows) {
      for (const key of ['idNumber', 'examNo', 'studentNo'] as const) {
        const v = r[key];
        if (!v) continue;
        const k = normaliseKey(v);
        const list = this.by[key].get(k);
        if (list) list.push(r);
        else this.by[key].set(k, [r]);
      }
    }
  }

  /** One student for this key, preferring the record that still holds a 学籍 (an ID number may also sit on old records). */
  private find(key: MatchKey, value: string): PhotoCandidate | undefined {
    const list = this.by[key].get(value);
    if (!list?.length) return undefined;
    const active = list.filter((r) => isActiveStatus(r.status));
    const pool = active.length ? active : list;
    return pool.reduce((a, b) => (b.id > a.id ? b : a));
  }

  private first(value: string, order: MatchKey[]): { student: PhotoCandidate; by: MatchKey } | undefined {
    for (const key of order) {
      const s = this.find(key, value);
      if (s) return { student: s, by: key };
    }
    return undefined;
  }

  /** The student a file name stands for, trying the keys in the configured order; parts only when they agree on one student. */
  match(baseName: string, order: MatchKey[]): { student: PhotoCandidate; by: MatchKey } | undefined {
    const { whole, parts } = keysOf(baseName);
    const exact = this.first(whole, order);
    if (exact) return exact;
    const hits = parts.map((p) => this.first(p, order)).filter((h) => h !== undefined);
    const ids = new Set(hits.map((h) => h.student.id));
    return ids.size === 1 ? hits[0] : undefined;
  }
}
