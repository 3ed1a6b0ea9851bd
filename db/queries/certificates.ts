/**
 * 学历证书 records (migration 0025): numbers issued, 换发/作废/证明书, 暂缓发证, the blank-form ledger
 * and the print log. The print job (overlay printing) reads printableCertificates / heldStudentIds /
 * formSerialsFrom and writes recordCertificatePrints in its transaction.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { DEFAULT_CERTIFICATE_SETTINGS, type CertificateSettings } from '../../shared/domain/certificates/settings';
import { formSerialRange, parseFormSerial } from '../../shared/domain/certificates/forms';
import type { LevelCode, RunTypeCode } from '../../shared/domain/certificates/number';
import type { Db } from '../client';
import { DataError } from '../errors';
import {
  certificateEvents,
  certificateFormRanges,
  certificateForms,
  certificateHolds,
  certificatePrints,
  certificateProofs,
  certificates,
  settings,
  type CertificateKind,
} from '../schema';

export type CertificateRow = typeof certificates.$inferSelect;
export type CertificateFormRow = typeof certificateForms.$inferSelect;
export type CertificateHoldRow = typeof certificateHolds.$inferSelect;

/** A rule of the certificate records the caller's input broke: shown to the user as a VALIDATION error. */
export const certificateRule = (message: string) => new DataError('CERTIFICATE_RULE', message);

const chunks = <T>(xs: readonly T[], n = 500): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

// ---------------------------------------------------------------------------
// Settings (学历证书编号): a key of their own in the settings table

const SETTINGS_KEY = 'certificates';

export function getCertificateSettings(db: Db): CertificateSettings {
  const row = db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get();
  return row ? { ...DEFAULT_CERTIFICATE_SETTINGS, ...(JSON.parse(row.value) as Partial<CertificateSettings>) } : DEFAULT_CERTIFICATE_SETTINGS;
}

export function putCertificateSettings(db: Db, value: CertificateSettings): void {
  const json = JSON.stringify(value);
  db.insert(settings).values({ key: SETTINGS_KEY, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
}

// ---------------------------------------------------------------------------
// Numbers

export interface SequenceKey {
  schoolCode: string;
  runType: RunTypeCode;
  year: number;
  level: LevelCode;
}

/** One past the highest sequence ever issued for the key: voided rows stay, so their numbers are never reused. */
export function nextSequence(db: Db, key: SequenceKey): number {
  const r = db
    .select({ max: sql<number | null>`max(${certificates.sequence})` })
    .from(certificates)
    .where(and(eq(certificates.schoolCode, key.schoolCode), eq(certificates.runType, key.runType), eq(certificates.year, key.year), eq(certificates.level, key.level)))
    .get();
  return (r?.max ?? 0) + 1;
}

export type NewCertificate = Pick<CertificateRow, 'studentId' | 'kind' | 'certificateNo' | 'schoolCode' | 'runType' | 'year' | 'level' | 'sequence' | 'graduationDate' | 'issueDate' | 'issuedBy' | 'issuedAt'>;

/** Inserts the certificates with an 'issued' event each; returns their ids in the same order. */
export function insertCertificates(db: Db, rows: readonly NewCertificate[]): number[] {
  return rows.map((r) => {
    const { id } = db.insert(certificates).values(r).returning({ id: certificates.id }).get();
    db.insert(certificateEvents).values({ certificateId: id, kind: 'issued', toKind: r.kind, toDate: r.graduationDate, by: r.issuedBy, at: r.issuedAt }).run();
    return id;
  });
}

export const getCertificate = (db: Db, id: number): CertificateRow | undefined => db.select().from(certificates).where(eq(certificates.id, id)).get();

/** The live (not voided) certificate of each student that has one. */
export function liveCertificates(db: Db, studentIds: readonly number[]): Map<number, CertificateRow> {
  const out = new Map<number, CertificateRow>();
  for (const ids of chunks(studentIds))
    for (const r of db.select().from(certificates).where(and(inArray(certificates.studentId, ids), eq(certificates.status, 'issued'))).all()) out.set(r.studentId, r);
  return out;
}

/** Every certificate of the students, voided ones included (the list shows both). */
export function certificatesOf(db: Db, studentIds: readonly number[]): CertificateRow[] {
  return chunks(studentIds).flatMap((ids) => db.select().from(certificates).where(inArray(certificates.studentId, ids)).orderBy(asc(certificates.id)).all());
}

export function voidCertificate(db: Db, id: number, v: { reason: string; by: string; at: string }): void {
  const r = db.update(certificates).set({ status: 'voided', voidReason: v.reason, voidedBy: v.by, voidedAt: v.at }).where(and(eq(certificates.id, id), eq(certificates.status, 'issued'))).run();
  if (r.changes !== 1) throw certificateRule('该证书已作废，不能再次作废');
  db.insert(certificateEvents).values({ certificateId: id, kind: 'voided', reason: v.reason, by: v.by, at: v.at }).run();
}

/**
 * 结业 → 毕业 换发: the same number (80号), the printed 毕业日期 becomes the issue date (41号令
 * 第三十三条). The caller has checked that the student's effective outcome is now 毕业.
 */
export function reissueAsGraduate(db: Db, id: number, v: { issueDate: string; by: string; at: string }): void {
  const before = getCertificate(db, id);
  if (!before || before.status !== 'issued' || before.kind !== '结业') throw certificateRule('只有未作废的结业证书可以换发毕业证书');
  db.update(certificates).set({ kind: '毕业', graduationDate: v.issueDate, issueDate: v.issueDate }).where(eq(certificates.id, id)).run();
  db.insert(certificateEvents)
    .values({ certificateId: id, kind: 'reissued', fromKind: '结业', toKind: '毕业', fromDate: before.graduationDate, toDate: v.issueDate, by: v.by, at: v.at })
    .run();
}

export const proofOf = (db: Db, certificateId: number) => db.select().from(certificateProofs).where(eq(certificateProofs.certificateId, certificateId)).get();

/** 证明书: once per certificate (the table's UNIQUE says so too). */
export function insertProof(db: Db, certificateId: number, v: { reason: string; by: string; at: string }): void {
  if (proofOf(db, certificateId)) throw certificateRule('该证书已出具过证明书，证明书只出具一次');
  db.insert(certificateProofs).values({ certificateId, reason: v.reason, issuedBy: v.by, issuedAt: v.at }).run();
  db.insert(certificateEvents).values({ certificateId, kind: 'proof', reason: v.reason, by: v.by, at: v.at }).run();
}

export const certificateEventsOf = (db: Db, certificateId: number) =>
  db.select().from(certificateEvents).where(eq(certificateEvents.certificateId, certificateId)).orderBy(asc(certificateEvents.id)).all();

// ---------------------------------------------------------------------------
// 暂缓发证

export const openHold = (db: Db, studentId: number): CertificateHoldRow | undefined =>
  db.select().from(certificateHolds).where(and(eq(certificateHolds.studentId, studentId), isNull(certificateHolds.liftedAt))).get();

export function openHolds(db: Db, studentIds: readonly number[]): Map<number, CertificateHoldRow> {
  const out = new Map<number, CertificateHoldRow>();
  for (const ids of chunks(studentIds))
    for (const r of db.select().from(certificateHolds).where(and(inArray(certificateHolds.studentId, ids), isNull(certificateHolds.liftedAt))).all()) out.set(r.studentId, r);
  return out;
}

/** Students whose certificate is held back (暂缓发证): printing refuses them by name. */
export const heldStudentIds = (db: Db, studentIds: readonly number[]): Set<number> => new Set(openHolds(db, studentIds).keys());

export function setHold(db: Db, studentId: number, v: { reason: string; by: string; at: string }): number {
  if (openHold(db, studentId)) throw certificateRule('该学生已暂缓发证');
  return db.insert(certificateHolds).values({ studentId, reason: v.reason, setBy: v.by, setAt: v.at }).returning({ id: certificateHolds.id }).get().id;
}

export function liftHold(db: Db, studentId: number, v: { reason: string; by: string; at: string }): CertificateHoldRow {
  const open = openHold(db, studentId);
  if (!open) throw certificateRule('该学生没有暂缓发证，无需解除');
  db.update(certificateHolds).set({ liftedBy: v.by, liftedAt: v.at, liftReason: v.reason }).where(eq(certificateHolds.id, open.id)).run();
  return open;
}

// ---------------------------------------------------------------------------
// Printing (the overlay print job)

export interface PrintableCertificate {
  certificateId: number;
  studentId: number;
  kind: CertificateKind;
  certificateNo: string;
  /** ISO day printed as 毕业日期. */
  graduationDate: string;
  /** ISO day: the issue or the 换发. */
  issueDate: string;
  printedCount: number;
}

function printCounts(db: Db, certificateIds: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const ids of chunks(certificateIds))
    for (const r of db
      .select({ id: certificatePrints.certificateId, n: sql<number>`count(*)` })
      .from(certificatePrints)
      .where(inArray(certificatePrints.certificateId, ids))
      .groupBy(certificatePrints.certificateId)
      .all())
      out.set(r.id, r.n);
  return out;
}

/** The students' issued, not voided certificates, in the order of the ids given; students without one are absent. */
export function printableCertificates(db: Db, { studentIds }: { studentIds: readonly number[] }): PrintableCertificate[] {
  const live = liveCertificates(db, studentIds);
  const counts = printCounts(db, [...live.values()].map((c) => c.id));
  return studentIds.flatMap((sid) => {
    const c = live.get(sid);
    if (!c) return [];
    return [{ certificateId: c.id, studentId: sid, kind: c.kind, certificateNo: c.certificateNo, graduationDate: c.graduationDate, issueDate: c.issueDate, printedCount: counts.get(c.id) ?? 0 }];
  });
}

export const printCountsOf = printCounts;

// ---------------------------------------------------------------------------
// Blank-form ledger

const ledgerOrder = [asc(certificateForms.prefix), asc(certificateForms.number)] as const;

/**
 * The next `count` unused blank forms in ledger order, from startSerial (which must be unused) or
 * from the first unused sheet; sheets printed or spoiled on the way are skipped.
 */
export function formSerialsFrom(db: Db, startSerial: string | null, count: number): string[] | { problem: string } {
  let from: { prefix: string; number: number } | null = null;
  if (startSerial !== null && startSerial.trim() !== '') {
    const s = startSerial.trim();
    const row = db.select().from(certificateForms).where(eq(certificateForms.serial, s)).get();
    if (!row) return { problem: `空白证书“${s}”未登记` };
    if (row.status !== 'unused') return { problem: `空白证书“${s}”${row.status === 'printed' ? '已打印' : '已登记作废'}，请从未使用的一张开始` };
    from = row;
  }
  const rows = db
    .select({ serial: certificateForms.serial })
    .from(certificateForms)
    .where(
      and(
        eq(certificateForms.status, 'unused'),
        from ? sql`(${certificateForms.prefix} > ${from.prefix} OR (${certificateForms.prefix} = ${from.prefix} AND ${certificateForms.number} >= ${from.number}))` : undefined,
      ),
    )
    .orderBy(...ledgerOrder)
    .limit(count)
    .all();
  if (rows.length < count)
    return { problem: `未使用的空白证书不够：需要 ${count} 张，${from ? `从“${startSerial!.trim()}”起` : ''}只有 ${rows.length} 张。请先在“空白证书登记”中登记新到的证书纸` };
  return rows.map((r) => r.serial);
}

export interface CertificatePrintsInput {
  prints: { certificateId: number; formSerial: string | null }[];
  templateName: string;
  profileName: string;
  reprintReason: string | null;
  by: string;
  at: string;
}

/**
 * Logs each sheet printed and marks its blank form printed with the certificate on it. Refuses,
 * naming the certificate or serial: a serial not in the ledger or not unused, a voided certificate,
 * a reprint without a reason. Run it in the print job's transaction: a refusal leaves nothing written.
 */
export function recordCertificatePrints(tx: Db, input: CertificatePrintsInput): void {
  const reason = input.reprintReason?.trim() || null;
  const ids = [...new Set(input.prints.map((p) => p.certificateId))];
  const byId = new Map(chunks(ids).flatMap((c) => tx.select().from(certificates).where(inArray(certificates.id, c)).all()).map((c) => [c.id, c]));
  const counts = printCounts(tx, ids);
  const seen = new Set<number>();
  // Statements prepared once for the batch: a thousand sheets through the query builder spent most
  // of their time building the same three statements again (bench: 0.9 s → a few ms).
  const formOf = tx.$client.prepare('SELECT id, status FROM certificate_forms WHERE serial = ?');
  const markPrinted = tx.$client.prepare("UPDATE certificate_forms SET status = 'printed', certificate_id = ? WHERE id = ?");
  const logPrint = tx.$client.prepare(
    'INSERT INTO certificate_prints (certificate_id, form_serial, template_name, profile_name, reprint_reason, printed_by, printed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const p of input.prints) {
    const c = byId.get(p.certificateId);
    if (!c) throw certificateRule(`证书（编号 ${p.certificateId}）不存在`);
    if (c.status === 'voided') throw certificateRule(`证书 ${c.certificateNo} 已作废，不能打印`);
    const again = (counts.get(c.id) ?? 0) > 0 || seen.has(c.id);
    if (again && !reason) throw certificateRule(`证书 ${c.certificateNo} 已打印过，重新打印须填写原因`);
    seen.add(c.id);
    const serial = p.formSerial?.trim() ?? null;
    if (serial !== null) {
      const form = formOf.get(serial) as { id: number; status: CertificateFormRow['status'] } | undefined;
      if (!form) throw certificateRule(`空白证书“${serial}”未登记，不能用于打印证书 ${c.certificateNo}`);
      if (form.status !== 'unused') throw certificateRule(`空白证书“${serial}”${form.status === 'printed' ? '已打印过' : '已登记作废'}，不能用于打印证书 ${c.certificateNo}`);
      markPrinted.run(c.id, form.id);
    }
    logPrint.run(c.id, serial, input.templateName, input.profileName, again ? reason : null, input.by, input.at);
  }
}

/** Registers a range of blank forms as received; refuses a range overlapping any sheet already registered. */
export function registerFormRange(db: Db, from: string, to: string, v: { by: string; at: string }): { rangeId: number; sheets: number; firstSerial: string; lastSerial: string } {
  const r = formSerialRange(from, to);
  if (!r.ok) throw certificateRule(r.problem);
  const clash = db
    .select({ serial: certificateForms.serial })
    .from(certificateForms)
    .where(and(eq(certificateForms.prefix, r.prefix), sql`${certificateForms.number} BETWEEN ${r.first} AND ${r.last}`))
    .orderBy(asc(certificateForms.number))
    .all();
  if (clash.length)
    throw certificateRule(`编号段 ${r.serials[0]}–${r.serials.at(-1)} 与已登记的空白证书重叠（${clash.length} 张，如 ${clash.slice(0, 3).map((c) => c.serial).join('、')}），未登记`);
  const firstSerial = r.serials[0]!;
  const lastSerial = r.serials.at(-1)!;
  const { id: rangeId } = db
    .insert(certificateFormRanges)
    .values({ firstSerial, lastSerial, sheets: r.serials.length, registeredBy: v.by, registeredAt: v.at })
    .returning({ id: certificateFormRanges.id })
    .get();
  const ins = db.$client.prepare('INSERT INTO certificate_forms (serial, prefix, number, range_id) VALUES (?, ?, ?, ?)');
  r.serials.forEach((serial, i) => ins.run(serial, r.prefix, r.first + i, rangeId));
  return { rangeId, sheets: r.serials.length, firstSerial, lastSerial };
}

/** 登记作废: an unused or printed sheet is spoiled, with why; a printed one keeps its certificate. */
export function spoilForm(db: Db, serial: string, v: { reason: string; by: string; at: string }): CertificateFormRow {
  const s = serial.trim();
  const parsed = parseFormSerial(s);
  if ('problem' in parsed) throw certificateRule(parsed.problem);
  const form = db.select().from(certificateForms).where(eq(certificateForms.serial, s)).get();
  if (!form) throw certificateRule(`空白证书“${s}”未登记`);
  if (form.status === 'spoiled') throw certificateRule(`空白证书“${s}”已登记作废`);
  db.update(certificateForms).set({ status: 'spoiled', spoiledReason: v.reason, spoiledBy: v.by, spoiledAt: v.at }).where(eq(certificateForms.id, form.id)).run();
  return form;
}

export interface FormListFilter {
  status?: CertificateFormRow['status'];
  offset?: number;
  limit?: number;
}

/** The ledger in stack order, with the certificate number printed on each used sheet. */
export function listForms(db: Db, f: FormListFilter = {}) {
  const where = f.status ? eq(certificateForms.status, f.status) : undefined;
  const rows = db
    .select({
      serial: certificateForms.serial,
      status: certificateForms.status,
      certificateId: certificateForms.certificateId,
      certificateNo: certificates.certificateNo,
      spoiledReason: certificateForms.spoiledReason,
      spoiledBy: certificateForms.spoiledBy,
      spoiledAt: certificateForms.spoiledAt,
      rangeId: certificateForms.rangeId,
    })
    .from(certificateForms)
    .leftJoin(certificates, eq(certificates.id, certificateForms.certificateId))
    .where(where)
    .orderBy(...ledgerOrder)
    .limit(f.limit ?? 200)
    .offset(f.offset ?? 0)
    .all();
  const totals = db.select({ status: certificateForms.status, n: sql<number>`count(*)` }).from(certificateForms).groupBy(certificateForms.status).all();
  const count = (s: string) => totals.find((t) => t.status === s)?.n ?? 0;
  return { rows, total: where ? count(f.status!) : totals.reduce((a, t) => a + t.n, 0), unused: count('unused'), printed: count('printed'), spoiled: count('spoiled') };
}

// ---------------------------------------------------------------------------
// The students of a grade (年级), for numbering and the list

export interface CohortStudent {
  id: number;
  studentNo: string | null;
  name: string;
  namePinyin: string;
  idNumber: string;
  classId: number;
  className: string;
  majorId: number;
  majorName: string;
  majorLevel: string;
  lengthYears: string;
}

/** The students of the grade's classes (optionally one major or class), by class then 学号. */
export function cohortStudents(db: Db, f: { cohortYear: number; majorId?: number | undefined; classId?: number | undefined }): CohortStudent[] {
  return db.$client
    .prepare(
      `SELECT s.id, s.student_no AS studentNo, s.name, s.name_pinyin AS namePinyin, s.id_number AS idNumber,
              c.id AS classId, c.name AS className, m.id AS majorId, m.name AS majorName, m.level AS majorLevel,
              coalesce(c.length_years, m.length_years) AS lengthYears
         FROM students s JOIN classes c ON c.id = s.class_id JOIN majors m ON m.id = c.major_id
        WHERE c.cohort_year = ? AND (? IS NULL OR m.id = ?) AND (? IS NULL OR c.id = ?)
        ORDER BY c.name, s.student_no IS NULL, s.student_no, s.name`,
    )
    .all(f.cohortYear, f.majorId ?? null, f.majorId ?? null, f.classId ?? null, f.classId ?? null) as CohortStudent[];
}

/** The ids of the grade's classes (optionally one major): a scoped user may number only a grade wholly theirs. */
export const cohortClassIds = (db: Db, cohortYear: number, majorId?: number): number[] =>
  (db.$client.prepare('SELECT id FROM classes WHERE cohort_year = ? AND (? IS NULL OR major_id = ?)').all(cohortYear, majorId ?? null, majorId ?? null) as { id: number }[]).map((r) => r.id);

/** Each certificate's 证明书, if one was issued. */
export function proofsOf(db: Db, certificateIds: readonly number[]) {
  const out = new Map<number, typeof certificateProofs.$inferSelect>();
  for (const ids of chunks(certificateIds)) for (const r of db.select().from(certificateProofs).where(inArray(certificateProofs.certificateId, ids)).all()) out.set(r.certificateId, r);
  return out;
}
