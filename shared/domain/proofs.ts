import { format, parseISO } from 'date-fns';
import { studentStatusName } from './codes';
import { DEFAULT_LEAVING_POLICY, leavingDocument, type LeavingDecision, type LeavingPolicy } from './graduation/leaving';
import type { StatusEvent } from './graduation/segments';

/**
 * 在读证明 and 学籍证明: what each says about a student, as pure functions of the record, so the
 * wording is tested without a PDF. 在读证明 certifies that the student is studying now, so it is
 * only issued while the status is 在籍在校; 学籍证明 states the current status, whatever it is.
 * 肄业证书 and the 写实性学习证明 are for a student who left (退学, 开除学籍), each only when the school's
 * rule (graduation/leaving.ts) gives that one.
 */
export const PROOF_KINDS = {
  enrolment: { title: '在读证明', prefix: 'ZD' },
  status: { title: '学籍证明', prefix: 'XJ' },
  incomplete: { title: '肄业证书', prefix: 'YY' },
  studyRecord: { title: '学习证明', prefix: 'XXZM' },
} as const;
export type ProofKind = keyof typeof PROOF_KINDS;
export const PROOF_KIND_KEYS = Object.keys(PROOF_KINDS) as [ProofKind, ...ProofKind[]];

/** What a proof states: the school (settings), the student's record, their class and major. */
export interface ProofFacts {
  schoolName: string;
  departmentName: string;
  name: string;
  gender: string;
  birthDate: string;
  idNumber: string;
  studentNo: string | null;
  majorName: string | null;
  level: string | null;
  lengthYears: string | null;
  studyForm: string | null;
  className: string | null;
  cohortYear: number | null;
  enrolmentDate: string | null;
  status: string;
  /** When the current status took effect (the last status change to it), if recorded. */
  statusSince: string | null;
  expectedGraduationDate: string | null;
  /** The status history, for a student who left: when, and the 休学 between (肄业证书, 学习证明). */
  statusEvents?: readonly StatusEvent[];
  /** 已修课程学分 (credits earned, as text: '42.5'), for the 学习证明. */
  creditsEarned?: string | null;
}

export interface ProofText {
  title: string;
  /** 编号：ZD2026-0001 */
  numberLine: string;
  paragraphs: string[];
  /** Who issues it, one line each: the school, then the department. */
  issuer: string[];
  /** The date of issue, as written under the issuer. */
  date: string;
}

const day = (iso: string) => format(parseISO(iso), 'yyyy年M月d日');
const month = (iso: string) => format(parseISO(iso), 'yyyy年M月');
const genderName = (g: string) => (g === '1' ? '男' : g === '2' ? '女' : g);
const statusLabel = (code: string) => studentStatusName(code) ?? code;

/** 学生“张三”（学号 2023010101）: how messages about this student name them. */
export function proofSubject(facts: Pick<ProofFacts, 'name' | 'studentNo'>): string {
  return `学生“${facts.name}”${facts.studentNo ? `（学号 ${facts.studentNo}）` : ''}`;
}

/** Why this proof cannot be issued for this student, in a sentence; null when it can. */
export function proofRefusal(kind: ProofKind, facts: ProofFacts, policy: LeavingPolicy = DEFAULT_LEAVING_POLICY): string | null {
  if (!facts.schoolName.trim()) return '尚未填写学校名称：请管理员先在“系统设置”中填写，证明上要写明开具单位。';
  if (!facts.className || !facts.majorName) return `${facts.name}尚未分班，证明要写明专业与班级：请先在档案中为其选择班级。`;
  if (kind === 'enrolment' && facts.status !== 'enrolled') {
    return `在读证明只能为在籍在校的学生开具；${facts.name}目前的学籍状态为“${statusLabel(facts.status)}”，可开具学籍证明。`;
  }
  if (kind === 'incomplete' || kind === 'studyRecord') {
    const { title } = PROOF_KINDS[kind];
    if (facts.status !== 'withdrawn' && facts.status !== 'expelled') {
      return `${title}只能为已退学或开除学籍的学生开具；${facts.name}目前的学籍状态为“${statusLabel(facts.status)}”，可开具学籍证明。`;
    }
    const r = leavingOf(facts, policy);
    if (!r.ok) return `不能为${facts.name}开具${title}：${r.problem}。`;
    if (r.decision.document !== kind) {
      return `${facts.name}${r.decision.reason}，按学校规定应开具${r.decision.title}，不能开具${title}。`;
    }
  }
  return null;
}

/** The leaving rule on a proof's facts. */
export function leavingOf(facts: ProofFacts, policy: LeavingPolicy = DEFAULT_LEAVING_POLICY) {
  return leavingDocument({ status: facts.status, enrolmentDate: facts.enrolmentDate, statusEvents: facts.statusEvents ?? [] }, policy);
}

/** Statuses in which the student is still expected to graduate. */
const STUDYING = new Set(['enrolled', 'suspended', 'retained']);

/** The proof's words. `issuedOn` is the local date of issue; `proofNo` its number. */
export function proofText(kind: ProofKind, facts: ProofFacts, issuedOn: Date, proofNo: string, policy: LeavingPolicy = DEFAULT_LEAVING_POLICY): ProofText {
  if (kind === 'incomplete' || kind === 'studyRecord') {
    const r = leavingOf(facts, policy);
    if (!r.ok) throw new Error(r.problem); // proofRefusal is asked first
    return leavingText(kind, facts, r.decision, issuedOn, proofNo);
  }
  const programme = [facts.level, facts.lengthYears ? `学制${facts.lengthYears}年` : null, facts.studyForm].filter(Boolean).join('，');
  const identity =
    `兹证明${facts.name}，${genderName(facts.gender)}，${day(facts.birthDate)}出生，身份证号码${facts.idNumber}，` +
    `系我校${facts.departmentName}${facts.majorName}专业${facts.cohortYear ?? ''}级学生` +
    `${programme ? `（${programme}）` : ''}，班级${facts.className}${facts.studentNo ? `，学号${facts.studentNo}` : ''}。`;
  const entered = facts.enrolmentDate ? `该生于${day(facts.enrolmentDate)}入学，` : '该生';
  const graduation = facts.expectedGraduationDate && STUDYING.has(facts.status) ? `，预计于${month(facts.expectedGraduationDate)}毕业` : '';
  const standing =
    kind === 'enrolment'
      ? `${entered}现在我校就读，学籍状态为在籍在校${graduation}。`
      : `${entered}目前学籍状态为“${statusLabel(facts.status)}”${facts.statusSince ? `（自${day(facts.statusSince)}起）` : ''}${graduation}。`;
  return {
    title: PROOF_KINDS[kind].title,
    numberLine: `编号：${proofNo}`,
    paragraphs: [identity, standing, '特此证明。'],
    issuer: [facts.schoolName, facts.departmentName].filter((l) => l.trim() !== ''),
    date: format(issuedOn, 'yyyy年M月d日'),
  };
}

/**
 * 肄业证书: who, from when, which major, 学制, and the day the student 肄业 — as a 肄业证书 reads.
 * 学习证明 (写实性): the stretch of study, the major, the credits earned, the 休学 between, and how the
 * study ended (the 学籍状态, as the 学籍证明 states it) — facts only, no judgement.
 */
function leavingText(kind: 'incomplete' | 'studyRecord', facts: ProofFacts, d: LeavingDecision, issuedOn: Date, proofNo: string): ProofText {
  const person = `${facts.name}，${genderName(facts.gender)}，${day(facts.birthDate)}出生，身份证号码${facts.idNumber}`;
  const major = `我校${facts.departmentName}${facts.majorName}专业`;
  const length = facts.lengthYears ? `学制${facts.lengthYears}年` : null;
  const paragraphs =
    kind === 'incomplete'
      ? [`学生${person}，于${day(d.enrolmentDate)}入${major}学习，${length ? `${length}，` : ''}于${day(d.leftOn)}肄业。`]
      : [
          `兹证明${person}，于${day(d.enrolmentDate)}至${day(d.leftOn)}在${major}学习` +
            `${[facts.level, length, facts.studyForm].some(Boolean) ? `（${[facts.level, length, facts.studyForm].filter(Boolean).join('，')}）` : ''}` +
            `${facts.studentNo ? `，学号${facts.studentNo}` : ''}。`,
          `在校期间已修课程学分${facts.creditsEarned ?? '0'}。` +
            (d.breaks.length ? `其间${d.breaks.map((b) => `${day(b.from)}至${day(b.to)}`).join('、')}休学。` : '') +
            `该生自${day(d.leftOn)}起学籍状态为“${statusLabel(facts.status)}”。`,
          '特此证明。',
        ];
  return {
    title: PROOF_KINDS[kind].title,
    numberLine: `编号：${proofNo}`,
    paragraphs,
    issuer: [facts.schoolName, facts.departmentName].filter((l) => l.trim() !== ''),
    date: format(issuedOn, 'yyyy年M月d日'),
  };
}

/** ZD2026-0001: the kind's prefix, the year of issue, and the kind's running number in that year. */
export function proofNumber(kind: ProofKind, year: number, serial: number): string {
  return `${proofNumberPrefix(kind, year)}${String(serial).padStart(4, '0')}`;
}
export const proofNumberPrefix = (kind: ProofKind, year: number) => `${PROOF_KINDS[kind].prefix}${year}-`;

/** 在读证明_张三_2023010101.pdf */
export function proofFileName(kind: ProofKind, facts: Pick<ProofFacts, 'name' | 'studentNo'>): string {
  return `${PROOF_KINDS[kind].title}_${facts.name}${facts.studentNo ? `_${facts.studentNo}` : ''}.pdf`;
}

/**
 * Every piece of the record the proof prints, by the field's Chinese name, for the glyph check
 * (the template's own words are checked by the tests).
 */
export function proofGlyphItems(facts: ProofFacts): { subject: string; field: string; text: string }[] {
  const subject = proofSubject(facts);
  const student: [string, string | number | null][] = [
    ['姓名', facts.name],
    ['身份证号', facts.idNumber],
    ['学号', facts.studentNo],
    ['专业', facts.majorName],
    ['层次', facts.level],
    ['学习形式', facts.studyForm],
    ['班级', facts.className],
  ];
  return [
    ...student.filter(([, v]) => v != null).map(([field, v]) => ({ subject, field, text: String(v) })),
    { subject: '系统设置', field: '学校名称', text: facts.schoolName },
    { subject: '系统设置', field: '院系名称', text: facts.departmentName },
  ];
}
