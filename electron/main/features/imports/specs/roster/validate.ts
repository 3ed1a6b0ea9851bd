/**
 * The checks of a roster import (the roster spec's row rules and database checks), in two stages:
 *
 * 1. Row checks (pure): every mapped cell normalised and validated (validateImportRow), the rules
 *    of a manual save on the row as a new student, name search keys, then duplicates inside the
 *    file. Depends only on the file and the mapping, so it is computed once per upload and mapping
 *    (usually while the file is still being read, the pipeline's speculate.ts) and reused by preview, commit and
 *    the error report.
 * 2. Database checks: duplicates against existing students, classes and majors, add vs. update,
 *    locked key fields of registered students, and the same cross-field rules as a manual save
 *    (checkStudentRules) on the record as it would be saved. Produces the plan commit executes.
 *    Synchronous: commit runs it under the write gate, just before its transaction.
 */
import type { Db } from '../../../../../../db/client';
import { guardiansOf, orgForImport, studentKeys, type ExistingStudent, type GuardianRow, type NewStudent, type OrgClass, type OrgMajor } from '../../../../../../db/queries/imports';
import { openKeyChangesByStudent } from '../../../../../../db/queries/keyChanges';
import { getStudentsByIds, type StudentInsert, type StudentRow } from '../../../../../../db/queries/students';
import { isActiveStatus, studentStatusName } from '../../../../../../shared/domain/codes';
import { studentNoPhrase, studentTag } from '../../../../../../shared/domain/student-no';
import { maskIdNumber } from '../../../../../../shared/domain/idcard';
import {
  cellRef, findDuplicatesInFile, ROSTER_CATALOGUE, IMPORT_ERROR_CODES, makeIssue, validateImportRow, type CellValue, type ImportErrorCode, type ImportIssue,
  type NormalisedStudent,
} from '../../../../../../shared/domain/import';
import { LOCKED_FIELDS, fieldLabel, type StudentFieldKey } from '../../../../../../shared/domain/student-fields';
import { checkKeyChangeRequest, checkStudentRules } from '../../../../../../shared/domain/student-rules';
import { nameChars, namePinyin } from '../../../../../../shared/domain/name-pinyin';
import { toHalfWidth } from '../../../../../../shared/domain/text';
import type { ParsedSheet } from '../../parse-runner';
import { headerOfFor, type SheetLayout } from '../../sheet';
import type { RowChecker as SpecRowChecker } from '../../spec';

// ---------------------------------------------------------------------------
// Stage 1: row checks

export interface SearchKeys {
  namePinyin: string;
  nameInitials: string;
  nameChars: string;
}

export interface PureRow {
  /** Index into the sheet's rows. */
  index: number;
  /** Row number as Excel shows it. */
  row: number;
  values: Partial<NormalisedStudent>;
  issues: ImportIssue[];
  /** Name search keys (as withSearchKeys computes them), worked out here so commit does not have to. */
  searchKeys?: SearchKeys;
  /** The rules of a manual save on the row as a new student (they need no database). */
  addRules: ImportIssue[];
}

export interface PureResult {
  layout: SheetLayout;
  mapping: Record<number, StudentFieldKey>;
  rows: PureRow[];
}

/**
 * Row checks, fed row by row (so they can run while the worker is still reading the file) and
 * finished with the checks across rows.
 */
export class RowChecker implements SpecRowChecker<PureResult> {
  readonly rows: PureRow[] = [];
  private readonly headerOf: (f: StudentFieldKey) => string;
  private readonly entries: (readonly [number, StudentFieldKey])[];
  private readonly keysByName = new Map<string, SearchKeys>();

  constructor(
    readonly layout: SheetLayout,
    readonly mapping: Record<number, StudentFieldKey>,
    private readonly asOf: Date,
  ) {
    this.headerOf = headerOfFor(layout.headers, mapping, ROSTER_CATALOGUE);
    this.entries = Object.entries(mapping).map(([i, f]) => [Number(i), f] as const);
  }

  /** Checks sheet rows [from, to) below the header; rows whose mapped cells are all empty are not data (notes beside the table). */
  check(sheet: ParsedSheet, from: number, to: number): void {
    for (let index = Math.max(from, this.layout.headerIndex + 1); index < to; index++) {
      const cells = sheet.cells[index]!;
      let any = false;
      const byField: Partial<Record<StudentFieldKey, CellValue | undefined>> = {};
      for (const [col, field] of this.entries) {
        const c = cells[col] ?? null;
        byField[field] = c;
        if (c !== null && !(typeof c === 'string' && c.trim() === '')) any = true;
      }
      if (!any) continue;
      const row = sheet.rowNos[index]!;
      const v = validateImportRow(byField, { row, headerOf: this.headerOf, asOf: this.asOf });
      const name = v.values.name;
      const addRules = ruleIssues(newRecordOf(v.values), v.issues, row, this.headerOf, this.asOf);
      this.rows.push(name ? { index, row, values: v.values, issues: v.issues, addRules, searchKeys: this.searchKeysOf(name) } : { index, row, values: v.values, issues: v.issues, addRules });
    }
  }

  /**
   * The same keys withSearchKeys derives (db/queries/students.ts). Worked out once per name: pinyin
   * takes ~30 µs a name, and a large roster repeats names (张伟, 王芳…); the rows share the object.
   */
  private searchKeysOf(name: string): SearchKeys {
    let keys = this.keysByName.get(name);
    if (!keys) {
      const py = namePinyin(name);
      keys = { namePinyin: py.full, nameInitials: py.initials, nameChars: nameChars(name) };
      this.keysByName.set(name, keys);
    }
    return keys;
  }

  /** Duplicates inside the file: ID number and 学号 (shared rule), 考生号 (same rule, here). */
  finish(): PureResult {
    const rows = this.rows;
    const headerOf = this.headerOf;
    const byRow = new Map(rows.map((r) => [r.row, r]));
    const dups = findDuplicatesInFile(
      rows.map((r) => ({ row: r.row, idNumber: r.values.idNumber ?? null, studentNo: r.values.studentNo ?? null })),
      headerOf,
    );
    for (const d of dups) byRow.get(d.row)?.issues.push(d);
    const exam = new Map<string, number[]>();
    for (const r of rows) {
      const k = r.values.examNo;
      if (!k) continue;
      const g = exam.get(k);
      if (g) g.push(r.row);
      else exam.set(k, [r.row]);
    }
    const column = headerOf('examNo');
    for (const [k, rowNos] of exam) {
      if (rowNos.length < 2) continue;
      for (const row of rowNos) {
        const others = rowNos.filter((x) => x !== row).join('、');
        byRow.get(row)!.issues.push(makeIssue({ row, column, field: 'examNo', code: 'DUPLICATE_IN_FILE', message: `${cellRef(row, column)}（${k}）与第 ${others} 行考生号重复` }));
      }
    }
    return { layout: this.layout, mapping: this.mapping, rows };
  }
}

// ---------------------------------------------------------------------------
// Stage 2: database checks and the plan

export interface ImportSettings {
  mode: 'add' | 'update';
  matchBy: 'idNumber' | 'studentNo';
  createMissingClasses: boolean;
  /** Majors chosen in the wizard for classes to be created, by class name (they win over the file's 专业). */
  newClassMajors?: Readonly<Record<string, number>>;
}

export type ClassRef = { id: number; name: string } | { create: string };

export interface NewClass {
  name: string;
  majorId: number;
  cohortYear: number;
  lengthYears: string;
}

/** A class the file names that the department does not have: how many rows name it, and under which major it would be created. */
export interface UnknownClass {
  name: string;
  rows: number;
  major: { id: number; name: string } | null;
  /** Where the major came from: the file's 专业 column, or the wizard's choice. */
  majorFrom: 'file' | 'chosen' | null;
}

export interface GuardianInput {
  name: string;
  relation: string;
  phone: string | null;
  workUnit: string | null;
}

export interface KeyChange {
  field: StudentFieldKey;
  before: unknown;
  after: unknown;
}

export interface AddPlan {
  kind: 'add';
  row: number;
  record: NewStudent;
  searchKeys: PureRow['searchKeys'];
  classRef: ClassRef | null;
  guardian: GuardianInput | null;
}

export interface UpdatePlan {
  kind: 'update';
  row: number;
  before: StudentRow;
  beforeGuardians: GuardianRow[];
  patch: Partial<StudentInsert>;
  classRef: ClassRef | null;
  /** The new guardian list, when the file changes it. */
  guardians: GuardianInput[] | null;
  /** Locked fields of a registered student: filed as a change request. */
  keyChange: KeyChange[] | null;
  /** False when the row only files a change request. */
  changes: boolean;
}

export type Plan = AddPlan | UpdatePlan;

export interface Evaluation {
  rows: number;
  valid: number;
  invalid: number;
  toAdd: number;
  toUpdate: number;
  keyChanges: number;
  unknownClasses: string[];
  /** Each unknown class with its major (null: none known yet, it cannot be created). */
  unknownClassMajors: UnknownClass[];
  /** The student's name on each row that has one (row number as Excel shows it), for the problem list. */
  names: Map<number, string>;
  /** Every issue, ordered by row. */
  issues: ImportIssue[];
  /** Issues per sheet row index (for the error report). */
  issuesByIndex: Map<number, ImportIssue[]>;
  /** What commit does for each valid row that changes something. */
  plans: Plan[];
  /** plans.length: the rows the writer writes (the pipeline's progress). */
  writes: number;
  newClasses: Map<string, NewClass>;
}

/** Student columns that map one to one onto import fields. */
const STUDENT_COLUMNS = [
  'studentNo', 'examNo', 'name', 'formerName', 'gender', 'birthDate', 'idNumber', 'ethnicityCode', 'politicalStatusCode', 'nativePlace',
  'sourceRegion', 'householdAddress', 'homeAddress', 'phone', 'email', 'enrolmentDate', 'expectedGraduationDate', 'status', 'dormitory', 'notes',
] as const satisfies readonly (StudentFieldKey & keyof StudentRow)[];

/** Canonical key for matching names typed slightly differently (full-width, spaces). */
const nameKey = (s: string) => toHalfWidth(s).replace(/[\s\u3000]/g, '').toLowerCase();

/** checkStudentRules codes → import codes (the same problems, under the import's stable names). */
const RULE_CODES: Record<string, ImportErrorCode> = {
  ID_NUMERIC_PRECISION: 'ID_AS_NUMBER',
  ID_LEGACY_NOT_ALLOWED: 'ID_FORMAT',
  ID_EMPTY: 'REQUIRED',
  DATE_ORDER: 'DATE_INVALID',
};
const ruleCode = (c: string): ImportErrorCode => RULE_CODES[c] ?? (Object.prototype.hasOwnProperty.call(IMPORT_ERROR_CODES, c) ? (c as ImportErrorCode) : 'TEXT_FORMAT');

/** A major named by its name or code as a file writes it (计算机应用技术, 510201, 510201 计算机应用技术). */
export function findMajor(majors: OrgMajor[], text: string): OrgMajor | undefined {
  const key = nameKey(text);
  const code = /(\d{6}[A-Z]{0,2})/i.exec(toHalfWidth(text))?.[1]?.toUpperCase();
  return (code ? majors.find((m) => m.code.toUpperCase() === code) : undefined)
    ?? majors.find((m) => nameKey(m.name) === key || nameKey(m.code) === key)
    ?? majors.find((m) => key.includes(nameKey(m.name)) && key.includes(nameKey(m.code)));
}

/** 年级 of a class created by the import: the 年级 column, else the 入学日期 year, else the "25" in 计算机2501班. */
function cohortFor(v: Partial<NormalisedStudent>, className: string, asOf: Date): number {
  if (typeof v.cohortYear === 'number') return v.cohortYear;
  if (v.enrolmentDate) return Number(v.enrolmentDate.slice(0, 4));
  const m = /(\d{2})\d{2}班?$/.exec(className);
  return m ? 2000 + Number(m[1]) : asOf.getFullYear();
}

/** What the database checks compare the file against: every student's keys, the classes and majors. */
export interface ImportLookups {
  byNo: Map<string, ExistingStudent>;
  byExam: Map<string, ExistingStudent>;
  byId: Map<string, ExistingStudent[]>;
  /** By nameKey of the class name. */
  classes: Map<string, OrgClass>;
  majors: OrgMajor[];
}

/** One read of the database (~0.6 s for 100,000 students), so open can do it while the worker reads the file. */
export function loadLookups(db: Db): ImportLookups {
  const byNo = new Map<string, ExistingStudent>();
  const byExam = new Map<string, ExistingStudent>();
  const byId = new Map<string, ExistingStudent[]>();
  for (const s of studentKeys(db)) {
    if (s.studentNo) byNo.set(s.studentNo, s);
    if (s.examNo) byExam.set(s.examNo, s);
    const l = byId.get(s.idNumber);
    if (l) l.push(s);
    else byId.set(s.idNumber, [s]);
  }
  const org = orgForImport(db);
  return { byNo, byExam, byId, classes: new Map(org.classes.map((c) => [nameKey(c.name), c])), majors: org.majors };
}

/**
 * The database checks and the plan. `lookups` must have been read from this database with nothing
 * written since; read afresh when not given.
 */
export function evaluate(
  db: Db,
  pure: PureResult,
  settings: ImportSettings,
  asOf: Date,
  lookups: ImportLookups = loadLookups(db),
  /** 数据范围: the classes the importing user may touch (null: the whole department). */
  scope: readonly number[] | null = null,
): Evaluation {
  const headerOf = headerOfFor(pure.layout.headers, pure.mapping, ROSTER_CATALOGUE);
  const { byNo, byExam, byId, classes } = lookups;
  const issues: ImportIssue[] = [];
  const issuesByIndex = new Map<number, ImportIssue[]>();
  const plans: Plan[] = [];
  const unknownClasses = new Set<string>();
  const newClasses = new Map<string, NewClass>();
  let valid = 0;
  let toAdd = 0;
  let toUpdate = 0;
  let keyChanges = 0;

  // Update mode: which rows match which student.
  const activeOf = (id: string | undefined, excludeId?: number) => (id ? byId.get(id)?.find((s) => isActiveStatus(s.status) && s.id !== excludeId) : undefined);
  const targetOf = (v: Partial<NormalisedStudent>): ExistingStudent | undefined => {
    if (settings.mode !== 'update') return undefined;
    if (settings.matchBy === 'studentNo') return v.studentNo ? byNo.get(v.studentNo) : undefined;
    const list = v.idNumber ? byId.get(v.idNumber) : undefined;
    if (!list?.length) return undefined;
    return list.find((s) => isActiveStatus(s.status)) ?? list.reduce((a, b) => (b.id > a.id ? b : a));
  };
  const targets = new Map<number, ExistingStudent>();
  for (const r of pure.rows) {
    const t = targetOf(r.values);
    if (t) targets.set(r.row, t);
  }
  const targetIds = [...new Set([...targets.values()].map((t) => t.id))];
  const fullRows = new Map(getStudentsByIds(db, targetIds).map((s) => [s.id, s]));
  const guardians = guardiansOf(db, targetIds);
  const openRequests = settings.mode === 'update' ? openKeyChangesByStudent(db) : new Map<number, { id: number; status: string }>();

  // Unknown classes: the major chosen in the wizard, else the first row naming one that exists.
  const classMajor = new Map<string, { major: OrgMajor; from: 'file' | 'chosen' }>();
  const unknownRows = new Map<string, { name: string; rows: number }>();
  for (const r of pure.rows) {
    const cn = r.values.className;
    if (!cn || classes.has(nameKey(cn))) continue;
    const k = nameKey(cn);
    const seen = unknownRows.get(k);
    if (seen) seen.rows++;
    else unknownRows.set(k, { name: cn, rows: 1 });
  }
  const chosen = new Map(Object.entries(settings.newClassMajors ?? {}).map(([name, id]) => [nameKey(name), id]));
  for (const k of unknownRows.keys()) {
    const m = chosen.has(k) ? lookups.majors.find((x) => x.id === chosen.get(k)) : undefined;
    if (m) classMajor.set(k, { major: m, from: 'chosen' });
  }
  for (const r of pure.rows) {
    const cn = r.values.className;
    if (!cn || !unknownRows.has(nameKey(cn)) || classMajor.has(nameKey(cn)) || !r.values.majorName) continue;
    const m = findMajor(lookups.majors, r.values.majorName);
    if (m) classMajor.set(nameKey(cn), { major: m, from: 'file' });
  }
  const names = new Map<number, string>();
  // Students of other counselors' classes are never named to a scoped user, only said to exist.
  const scopeSet = scope ? new Set(scope) : null;
  const inScope = (classId: number | null) => !scopeSet || (classId !== null && scopeSet.has(classId));
  const nameOf = (s: ExistingStudent) => (inScope(s.classId) ? s.name : '（其他班级的一名学生）');
  const tagOf = (s: ExistingStudent) => (inScope(s.classId) ? studentTag(s.name, s.studentNo) : '（其他班级的一名学生）');

  for (const r of pure.rows) {
    const v = r.values;
    if (v.name) names.set(r.row, v.name);
    const target = targets.get(r.row);
    // Updating: required fields the file leaves out are kept from the record.
    const rowIssues = target ? r.issues.filter((i) => i.code !== 'REQUIRED') : [...r.issues];
    const add = (field: StudentFieldKey, code: ImportErrorCode, message: string, severity: 'error' | 'warning' = 'error') =>
      rowIssues.push(makeIssue({ row: r.row, column: headerOf(field), field, code, message, severity }));
    const at = (field: StudentFieldKey) => cellRef(r.row, headerOf(field));
    const failed = (field: StudentFieldKey) => hasError(rowIssues, field);
    if (target && !inScope(target.classId)) {
      add(settings.matchBy, 'OUT_OF_SCOPE', `${at(settings.matchBy)}：该学生不在您负责的班级范围内，不能通过导入修改（数据范围由管理员设置）`);
      issuesByIndex.set(r.index, rowIssues);
      issues.push(...rowIssues);
      continue;
    }

    // Class
    let classRef: ClassRef | null = null;
    if (v.className) {
      const c = classes.get(nameKey(v.className));
      if (c) {
        classRef = { id: c.id, name: c.name };
        if (!inScope(c.id)) add('className', 'OUT_OF_SCOPE', `${at('className')}：班级“${c.name}”不在您负责的范围内（数据范围由管理员设置）`);
      } else if (scopeSet) {
        add('className', 'OUT_OF_SCOPE', `${at('className')}：系统中没有班级“${v.className}”。您的数据范围限定了班级，新班级请由管理员建好并加入您的范围`);
      } else {
        unknownClasses.add(v.className);
        if (!settings.createMissingClasses) {
          add('className', 'UNKNOWN_CLASS', `${at('className')}：系统中没有班级“${v.className}”。请先在“专业与班级”中新建该班级，或勾选“自动创建名单中不存在的班级”`);
        } else {
          const major = classMajor.get(nameKey(v.className))?.major;
          if (major) {
            if (!newClasses.has(nameKey(v.className))) {
              newClasses.set(nameKey(v.className), { name: v.className, majorId: major.id, cohortYear: cohortFor(v, v.className, asOf), lengthYears: major.lengthYears });
            }
            classRef = { create: newClasses.get(nameKey(v.className))!.name };
          } else if (v.majorName) {
            add('majorName', 'UNKNOWN_MAJOR', `${at('majorName')}：系统中没有专业“${v.majorName}”（按专业名称或专业代码查找），无法新建班级“${v.className}”。请在检查结果中为班级“${v.className}”选择所属专业，或先在“专业与班级”中新建该专业`);
          } else {
            add('className', 'UNKNOWN_CLASS', `${at('className')}：系统中没有班级“${v.className}”，新建它须知道所属专业。请为班级“${v.className}”选择所属专业（检查结果中），或在文件中加“专业”列`);
          }
        }
      }
    }

    // A scoped user's new students go into one of their classes, or they would not see them again.
    if (scopeSet && !target && !v.className) add('className', 'OUT_OF_SCOPE', `${at('className')}：您的数据范围限定了班级，新学生须填写您负责的班级`);
    let plan: Plan | null = null;
    if (!target && settings.mode === 'update' && settings.matchBy === 'studentNo' && !v.studentNo && !failed('studentNo')) {
      add('studentNo', 'REQUIRED', `${at('studentNo')}：按学号匹配已有学生时，学号不能为空`);
    }
    if (!target) {
      // A new student.
      if (settings.mode === 'add' || !failed(settings.matchBy)) {
        const hint = settings.mode === 'add' ? '；如需更新已有学生的信息，请选择“更新已有学生”方式导入' : '';
        const sameNo = v.studentNo ? byNo.get(v.studentNo) : undefined;
        if (sameNo) add('studentNo', 'DUPLICATE_IN_DB', `${at('studentNo')}：学号 ${v.studentNo} 已被系统中的学生 ${nameOf(sameNo)} 使用${hint}`);
        const sameExam = v.examNo ? byExam.get(v.examNo) : undefined;
        if (sameExam) add('examNo', 'DUPLICATE_IN_DB', `${at('examNo')}：考生号 ${v.examNo} 已被系统中的学生 ${tagOf(sameExam)}使用`);
        const active = isActiveStatus(v.status ?? 'enrolled') ? activeOf(v.idNumber) : undefined;
        if (active) {
          add('idNumber', 'DUPLICATE_IN_DB',
            `${at('idNumber')}：身份证号 ${maskIdNumber(v.idNumber!)} 在系统中已有在籍学籍：${inScope(active.classId) ? `${active.name}（${studentNoPhrase(active.studentNo)}，${studentStatusName(active.status) ?? active.status}）` : '（其他班级的一名学生）'}。同一身份证号只能有一个在籍学籍${hint}`);
        }
      }
      const record = newRecordOf(v);
      for (const i of r.addRules) if (!rowIssues.some((x) => x.field === i.field && x.code === i.code)) rowIssues.push(i);
      const guardian = v.guardianName ? { name: v.guardianName, relation: v.guardianRelation ?? '监护人', phone: v.guardianPhone ?? null, workUnit: null } : null;
      plan = { kind: 'add', row: r.row, record, searchKeys: r.searchKeys, classRef, guardian };
    } else {
      const before = fullRows.get(target.id)!;
      const patch: Record<string, unknown> = {};
      const keyChange: KeyChange[] = [];
      for (const f of STUDENT_COLUMNS) {
        const nv = v[f];
        if (nv === undefined || nv === null || nv === before[f]) continue;
        if (f === 'status') {
          // 学籍状态 changes only through a status change (学籍异动) with its approvals.
          add('status', 'STATUS_NOT_IMPORTED', `${at('status')}：学籍状态不能通过导入修改（${studentStatusName(before.status) ?? before.status} → ${studentStatusName(String(nv)) ?? String(nv)}），须办理学籍异动；该列已忽略`, 'warning');
          continue;
        }
        if (before.registered && (LOCKED_FIELDS as readonly string[]).includes(f)) keyChange.push({ field: f, before: before[f], after: nv });
        else patch[f] = nv;
      }
      // A class to be created is set at commit; an existing one goes into the patch.
      const classChange = classRef && ('create' in classRef || classRef.id !== before.classId) ? classRef : null;
      if (classChange && 'id' in classChange) patch.classId = classChange.id;
      const after = { ...before, ...patch, ...Object.fromEntries(keyChange.map((c) => [c.field, c.after])) } as StudentRow;
      if (patch.studentNo) {
        const other = byNo.get(String(patch.studentNo));
        if (other && other.id !== before.id) add('studentNo', 'DUPLICATE_IN_DB', `${at('studentNo')}：学号 ${String(patch.studentNo)} 已被系统中的学生 ${nameOf(other)} 使用`);
      }
      if (patch.examNo) {
        const other = byExam.get(String(patch.examNo));
        if (other && other.id !== before.id) add('examNo', 'DUPLICATE_IN_DB', `${at('examNo')}：考生号 ${String(patch.examNo)} 已被系统中的学生 ${tagOf(other)}使用`);
      }
      if (isActiveStatus(after.status)) {
        const other = activeOf(after.idNumber, before.id);
        if (other && !failed('idNumber')) {
          add('idNumber', 'DUPLICATE_IN_DB', `${at('idNumber')}：身份证号 ${maskIdNumber(after.idNumber)} 在系统中已有在籍学籍：${tagOf(other)}。同一身份证号只能有一个在籍学籍`);
        }
      }
      rowIssues.push(...ruleIssues(after, rowIssues, r.row, headerOf, asOf));

      // Guardian columns: update the guardian of that name, or add one.
      const oldGuardians = guardians.get(before.id) ?? [];
      let newGuardians: GuardianInput[] | null = null;
      if (v.guardianName || v.guardianPhone || v.guardianRelation) {
        const list: GuardianInput[] = oldGuardians.map((g) => ({ name: g.name, relation: g.relation, phone: g.phone, workUnit: g.workUnit }));
        const i = v.guardianName ? list.findIndex((g) => g.name === v.guardianName) : list.length ? 0 : -1;
        if (i >= 0) list[i] = { ...list[i]!, relation: v.guardianRelation ?? list[i]!.relation, phone: v.guardianPhone ?? list[i]!.phone };
        else if (v.guardianName) list.push({ name: v.guardianName, relation: v.guardianRelation ?? '监护人', phone: v.guardianPhone ?? null, workUnit: null });
        if (JSON.stringify(list) !== JSON.stringify(oldGuardians.map((g) => ({ name: g.name, relation: g.relation, phone: g.phone, workUnit: g.workUnit })))) newGuardians = list;
      }

      let request: KeyChange[] | null = null;
      if (keyChange.length) {
        const first = keyChange[0]!.field;
        const what = keyChange.map((c) => `${fieldLabel(c.field)}：${shown(c.field, c.before)} → ${shown(c.field, c.after)}`).join('；');
        const lockedMsg = `${at(first)}：学生 ${studentTag(before.name, before.studentNo)}已注册，关键字段不能通过导入修改`;
        const open = openRequests.get(before.id);
        const problem = checkKeyChangeRequest(keyChange.map((c) => c.field));
        if (open !== undefined) {
          add(first, 'KEY_FIELD_LOCKED', `${lockedMsg}（${what}）；该生已有${open.status === 'returned' ? '一份被退回待修改' : '待审批'}的变更申请（第 ${open.id} 号），本次未提交新的申请`, 'warning');
        } else if (problem) {
          add(first, 'KEY_FIELD_LOCKED', `${lockedMsg}（${what}）；${problem}，本次未提交变更申请`, 'warning');
        } else {
          add(first, 'KEY_FIELD_LOCKED', `${lockedMsg}，将提交信息变更申请（${what}），审批通过后生效`, 'warning');
          request = keyChange;
        }
      }
      const changes = Object.keys(patch).length > 0 || newGuardians !== null || classChange !== null;
      if (changes || request) {
        plan = { kind: 'update', row: r.row, before, beforeGuardians: oldGuardians, patch: patch as Partial<StudentInsert>, classRef: classChange, guardians: newGuardians, keyChange: request, changes };
      }
    }

    const isValid = !rowIssues.some((i) => i.severity === 'error');
    if (isValid) {
      valid++;
      if (plan) {
        plans.push(plan);
        if (plan.kind === 'add') toAdd++;
        else {
          if (plan.changes) toUpdate++;
          if (plan.keyChange) keyChanges++;
        }
      }
    }
    if (rowIssues.length) {
      issuesByIndex.set(r.index, rowIssues);
      for (const i of rowIssues) issues.push(i);
    }
  }
  // Classes only rows that will be written need.
  const needed = new Set(plans.flatMap((p) => (p.classRef && 'create' in p.classRef ? [nameKey(p.classRef.create)] : [])));
  for (const k of [...newClasses.keys()]) if (!needed.has(k)) newClasses.delete(k);
  return {
    rows: pure.rows.length, valid, invalid: pure.rows.length - valid, toAdd, toUpdate, keyChanges,
    unknownClasses: [...unknownClasses], issues, issuesByIndex, plans, writes: plans.length, newClasses, names,
    unknownClassMajors: [...unknownRows].map(([k, u]) => {
      const m = classMajor.get(k);
      return { name: u.name, rows: u.rows, major: m ? { id: m.major.id, name: m.major.name } : null, majorFrom: m?.from ?? null };
    }),
  };
}

function shown(field: StudentFieldKey, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (field === 'idNumber') return maskIdNumber(String(v));
  if (field === 'gender') return v === '1' ? '男' : v === '2' ? '女' : String(v);
  return String(v);
}

/** The row already has an error on this field. */
function hasError(issues: readonly ImportIssue[], field: StudentFieldKey): boolean {
  for (const i of issues) if (i.field === field && i.severity === 'error') return true;
  return false;
}

/** The rules of a manual save, on the record as it would be saved; problems not already reported. */
function ruleIssues(
  s: { name: string; gender: string; birthDate: string; idNumber: string; ethnicityCode?: string | null; politicalStatusCode?: string | null; status?: string | null; enrolmentDate?: string | null; expectedGraduationDate?: string | null },
  rowIssues: readonly ImportIssue[],
  row: number,
  headerOf: (f: StudentFieldKey) => string,
  asOf: Date,
): ImportIssue[] {
  // Fields already reported (or missing) would only be reported again.
  if (!s.idNumber || !s.birthDate || !s.gender || hasError(rowIssues, 'idNumber')) return [];
  const out: ImportIssue[] = [];
  const { issues } = checkStudentRules(s, asOf, { allowLegacy15: true });
  for (const i of issues) {
    const code = ruleCode(i.code);
    if (hasError(rowIssues, i.field) || rowIssues.some((x) => x.field === i.field && x.code === code)) continue;
    const column = headerOf(i.field);
    out.push(makeIssue({ row, column, field: i.field, code, message: `${cellRef(row, column)}：${i.message}` }));
  }
  return out;
}

/** The row as a new student record (defaults where the row has no value). */
function newRecordOf(v: Partial<NormalisedStudent>) {
  return {
    studentNo: v.studentNo ?? null, examNo: v.examNo ?? null, name: v.name ?? '', formerName: v.formerName ?? null, gender: v.gender ?? '1',
    birthDate: v.birthDate ?? '', idNumber: v.idNumber ?? '', ethnicityCode: v.ethnicityCode ?? null, politicalStatusCode: v.politicalStatusCode ?? null,
    nativePlace: v.nativePlace ?? null, sourceRegion: v.sourceRegion ?? null, householdAddress: v.householdAddress ?? null,
    homeAddress: v.homeAddress ?? null, phone: v.phone ?? null, email: v.email ?? null, enrolmentDate: v.enrolmentDate ?? null,
    expectedGraduationDate: v.expectedGraduationDate ?? null, status: v.status ?? 'enrolled', classId: null, dormitory: v.dormitory ?? null,
    notes: v.notes ?? null, registered: false, createdAt: '', updatedAt: '',
  } satisfies NewStudent;
}
