/**
 * Certificate templates and printer profiles in the database (migration 0026). The template is
 * stored as its JSON; callers check it (templateProblems) before it is written.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { CertificateTemplate, PrinterProfile } from '../../shared/domain/certificates/template';
import type { Db } from '../client';
import { certificateTemplates, printerProfiles, settings } from '../schema';

export interface TemplateRow {
  name: string;
  kind: '毕业证书' | '结业证书';
  template: CertificateTemplate;
  isDefault: boolean;
  hasBackground: boolean;
  updatedBy: string;
  updatedAt: string;
}

const summaryColumns = {
  name: certificateTemplates.name,
  kind: certificateTemplates.kind,
  templateJson: certificateTemplates.templateJson,
  isDefault: certificateTemplates.isDefault,
  hasBackground: sql<number>`${certificateTemplates.background} IS NOT NULL`,
  updatedBy: certificateTemplates.updatedBy,
  updatedAt: certificateTemplates.updatedAt,
};
type RawRow = { name: string; kind: '毕业证书' | '结业证书'; templateJson: string; isDefault: boolean; hasBackground: number; updatedBy: string; updatedAt: string };
const toRow = (r: RawRow): TemplateRow => ({
  name: r.name, kind: r.kind, template: JSON.parse(r.templateJson) as CertificateTemplate, isDefault: r.isDefault, hasBackground: !!r.hasBackground, updatedBy: r.updatedBy, updatedAt: r.updatedAt,
});

/** Every template, the default first, then by name. */
export function listTemplates(db: Db): TemplateRow[] {
  return db.select(summaryColumns).from(certificateTemplates).orderBy(sql`${certificateTemplates.isDefault} DESC`, asc(certificateTemplates.name)).all().map(toRow);
}

export function getTemplate(db: Db, name: string): TemplateRow | null {
  const r = db.select(summaryColumns).from(certificateTemplates).where(eq(certificateTemplates.name, name)).get();
  return r ? toRow(r) : null;
}

export function defaultTemplate(db: Db): TemplateRow | null {
  const r = db.select(summaryColumns).from(certificateTemplates).where(eq(certificateTemplates.isDefault, true)).get();
  return r ? toRow(r) : null;
}

/** Writes a template under its name: a new row, or the row named `previousName` (renamed if it differs). */
export function putTemplate(db: Db, t: CertificateTemplate, who: string, at: string, previousName?: string): void {
  const values = { name: t.name, kind: t.kind, templateJson: JSON.stringify(t), updatedBy: who, updatedAt: at };
  if (previousName !== undefined) db.update(certificateTemplates).set(values).where(eq(certificateTemplates.name, previousName)).run();
  else db.insert(certificateTemplates).values({ ...values, isDefault: false }).run();
}

export function deleteTemplate(db: Db, name: string): void {
  db.delete(certificateTemplates).where(eq(certificateTemplates.name, name)).run();
}

/** Makes `name` the one default (the old one loses it first: the partial unique index allows one). */
export function setDefaultTemplate(db: Db, name: string, who: string, at: string): void {
  db.update(certificateTemplates).set({ isDefault: false }).where(eq(certificateTemplates.isDefault, true)).run();
  db.update(certificateTemplates).set({ isDefault: true, updatedBy: who, updatedAt: at }).where(eq(certificateTemplates.name, name)).run();
}

export function setTemplateBackground(db: Db, name: string, image: { bytes: Buffer; mime: string } | null, who: string, at: string): void {
  db.update(certificateTemplates)
    .set({ background: image?.bytes ?? null, backgroundMime: image?.mime ?? null, updatedBy: who, updatedAt: at })
    .where(eq(certificateTemplates.name, name))
    .run();
}

export function templateBackground(db: Db, name: string): { mime: string; bytes: Buffer } | null {
  const r = db.select({ b: certificateTemplates.background, m: certificateTemplates.backgroundMime }).from(certificateTemplates).where(eq(certificateTemplates.name, name)).get();
  return r?.b && r.m ? { mime: r.m, bytes: r.b } : null;
}

export interface ProfileRow extends PrinterProfile {
  updatedBy: string;
  updatedAt: string;
}

export function listProfiles(db: Db): ProfileRow[] {
  return db
    .select({ name: printerProfiles.name, offsetXMm: printerProfiles.offsetXMm, offsetYMm: printerProfiles.offsetYMm, scaleX: printerProfiles.scaleX, scaleY: printerProfiles.scaleY, updatedBy: printerProfiles.updatedBy, updatedAt: printerProfiles.updatedAt })
    .from(printerProfiles)
    .orderBy(asc(printerProfiles.name))
    .all();
}

export const getProfile = (db: Db, name: string): ProfileRow | null => listProfiles(db).find((p) => p.name === name) ?? null;

export function putProfile(db: Db, p: PrinterProfile, who: string, at: string, previousName?: string): void {
  const values = { name: p.name, offsetXMm: p.offsetXMm, offsetYMm: p.offsetYMm, scaleX: p.scaleX, scaleY: p.scaleY, updatedBy: who, updatedAt: at };
  if (previousName !== undefined) db.update(printerProfiles).set(values).where(eq(printerProfiles.name, previousName)).run();
  else db.insert(printerProfiles).values(values).run();
}

export function deleteProfile(db: Db, name: string): void {
  db.delete(printerProfiles).where(eq(printerProfiles.name, name)).run();
}

/** 证书设置 (the settings table's `certificatePrint` key): what every certificate prints beside the student's facts. */
export interface CertificatePrintSettings {
  presidentName: string;
}
const SETTINGS_KEY = 'certificatePrint';

export function getCertificatePrintSettings(db: Db): CertificatePrintSettings {
  const r = db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get();
  return { presidentName: '', ...(r ? (JSON.parse(r.value) as Partial<CertificatePrintSettings>) : {}) };
}

export function putCertificatePrintSettings(db: Db, v: CertificatePrintSettings): void {
  const value = JSON.stringify(v);
  db.insert(settings).values({ key: SETTINGS_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

/**
 * The students of a cohort (their class's 年级), optionally one major, within a 数据范围 (null: the
 * whole department), in id order.
 */
export function cohortStudentIds(db: Db, cohortYear: number, majorId: number | undefined, scope: readonly number[] | null): number[] {
  if (scope !== null && scope.length === 0) return [];
  const rows = db.$client
    .prepare(
      `SELECT s.id AS id FROM students s JOIN classes c ON c.id = s.class_id
       WHERE c.cohort_year = ? ${majorId !== undefined ? 'AND c.major_id = ?' : ''} ${scope !== null ? `AND c.id IN (${scope.map(() => '?').join(',')})` : ''}
       ORDER BY s.id`,
    )
    .all(cohortYear, ...(majorId !== undefined ? [majorId] : []), ...(scope ?? [])) as { id: number }[];
  return rows.map((r) => r.id);
}
