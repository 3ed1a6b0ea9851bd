import { settings } from '../schema';
import type { Db } from '../client';

export interface SettingsValues {
  schoolCode: string;
  schoolName: string;
  departmentName: string;
  idleLockMinutes: number;
  passwordMaxAgeDays: number;
  /** Rows one import may hold: the file is refused beyond it, early, before memory runs out. */
  importMaxRows: number;
}

export const DEFAULT_SETTINGS: SettingsValues = {
  schoolCode: '',
  schoolName: '',
  departmentName: '',
  idleLockMinutes: 10,
  passwordMaxAgeDays: 180,
  importMaxRows: 200_000,
};

export function getSettings(db: Db): SettingsValues {
  const rows = db.select().from(settings).all();
  // Only these keys: features keep their own in the same table (studentNoRule, gpaMethod), and
  // settings.get must not answer with them (the contract's output check refuses undeclared keys).
  const stored = Object.fromEntries(rows.filter((r) => r.key in DEFAULT_SETTINGS).map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...DEFAULT_SETTINGS, ...stored } as SettingsValues;
}

export function putSettings(db: Db, patch: Partial<SettingsValues>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const json = JSON.stringify(value);
    db.insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
  }
}
