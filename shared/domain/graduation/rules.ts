import { Dec, exact } from '../grades/decimal';
import type { AttemptKind, CreditValue } from '../grades/types';

/**
 * 毕业资格审核 (DOMAIN.md §7): graduation rules held as data (one tree per 培养方案 version) and
 * the audit of one student's facts against them. Every check answers "why" as data (required,
 * actual, the courses that counted and those left out with the reason) and, when it fails, as one
 * plain-Chinese line. Unpaid fees are deliberately not a rule kind (§7.3): a separate, audited
 * 暂缓发证 flag covers them, and the facts carry no fee field so no rule can reach them.
 */

// ---------------------------------------------------------------------------
// Facts: what the storage layer hands in for one student

/**
 * One course in its final state after 补考/重修 (the storage layer collapses the attempts: the
 * deciding attempt's kind and score text).
 */
export interface CourseFact {
  /** 课程代码 */
  code: string;
  name: string;
  credits: CreditValue;
  /** The plan's 课程模块, e.g. 公共基础课, 专业核心课, 公共选修课. */
  module: string;
  passed: boolean;
  /** The deciding attempt's grade as printed: '45 分', '不及格', '缺考'. */
  scoreText: string;
  attemptKind: AttemptKind;
  /** 作弊: the grade is void and no 重修 has replaced it yet. Never counts. */
  voidOutstanding?: boolean;
}

export interface GraduationFacts {
  courses: readonly CourseFact[];
  /** 国家学生体质健康标准 score at graduation; null when none was recorded. */
  fitnessScore: number | null;
  /** Names of certificates held (1+X 职业技能等级证书, 英语/计算机等级…). */
  certificates: readonly string[];
  /** Years of study so far (休学 excluded, as the status history counts them) and the school's 最长学习年限. */
  yearsStudied: number;
  maxYears: number;
}

// ---------------------------------------------------------------------------
// Rules: a tree

export type GraduationRule =
  /** Total passed credits ≥ min; `caps` limit how much of a module counts toward the total. */
  | { kind: 'totalCredits'; label?: string; min: CreditValue; caps?: readonly { module: string; max: CreditValue }[] }
  /** Passed credits in one module ≥ min. */
  | { kind: 'moduleCredits'; module: string; label?: string; min: CreditValue }
  /** Each named course passed (matched by code). */
  | { kind: 'requiredCourses'; label?: string; courses: readonly { code: string; name: string }[] }
  /** No 作弊 void grade outstanding. */
  | { kind: 'noVoidGrade'; label?: string }
  /** 体质健康测试 ≥ min (national rule: 50). */
  | { kind: 'fitness'; label?: string; min: number }
  /** At least one of the named certificates held. Schools add this only if they keep such a rule. */
  | { kind: 'certificate'; label: string; anyOf: readonly string[] }
  /** Still within 最长学习年限. */
  | { kind: 'withinMaxYears'; label?: string }
  /** A branch: all children must pass, or any one of them. */
  | { kind: 'group'; label: string; need: 'all' | 'any'; rules: readonly GraduationRule[] };

/** The checks every plan carries (national rules and §7.3 defaults), to sit beside the plan's own. */
export const BASE_RULES: readonly GraduationRule[] = [
  { kind: 'noVoidGrade' },
  { kind: 'fitness', min: 50 },
  { kind: 'withinMaxYears' },
];

// ---------------------------------------------------------------------------
// Results

export interface CountedCourse {
  code: string;
  name: string;
  credits: string;
  /** Less than `credits` when a cap cut the course short. */
  countedCredits: string;
}

export interface LeftOutCourse {
  code: string;
  name: string;
  credits: string;
  /** Why it did not count: '补考 45 分', '作弊，成绩无效', '超出 公共选修课 计入上限 8 学分'. */
  why: string;
}

export interface CheckResult {
  kind: GraduationRule['kind'];
  label: string;
  passed: boolean;
  /** What the rule asks for and what the student has: credits as decimal text, scores, years, names. */
  required: string | null;
  actual: string | null;
  counted: CountedCourse[];
  leftOut: LeftOutCourse[];
  /** The plain-Chinese deficiency when the check fails; null when it passes. */
  line: string | null;
  children?: CheckResult[];
}

export interface GraduationAudit {
  outcome: '毕业' | '结业';
  /** One line per failed check, in rule order. */
  deficiencies: string[];
  checks: CheckResult[];
  /** Deficient but still within 最长学习年限: the student may 延长学习年限 instead of taking 结业. */
  mayExtend: boolean;
}

// ---------------------------------------------------------------------------

const ZERO = new Dec(0);
// A cohort's audit reads each course's credits in several checks: parsed once per fact.
const creditCache = new WeakMap<CourseFact, { dec: Dec; text: string }>();
function creditOf(c: CourseFact): { dec: Dec; text: string } {
  let v = creditCache.get(c);
  if (!v) {
    const dec = exact(c.credits, `${c.name} 学分`);
    v = { dec, text: dec.toString() };
    creditCache.set(c, v);
  }
  return v;
}
const credits = (c: CourseFact) => creditOf(c).dec;
const counts = (c: CourseFact) => c.passed && !c.voidOutstanding;

/** '数据库原理（4 学分，补考 45 分）' */
const describe = (c: CourseFact) => `${c.name}（${creditOf(c).text} 学分，${whyNot(c)}）`;
const whyNot = (c: CourseFact) => (c.voidOutstanding ? '作弊，成绩无效' : `${c.attemptKind} ${c.scoreText}`.trim());

const leftOut = (c: CourseFact, why = whyNot(c)): LeftOutCourse => ({ code: c.code, name: c.name, credits: creditOf(c).text, why });
const counted = (c: CourseFact, part?: Dec): CountedCourse => ({
  code: c.code,
  name: c.name,
  credits: creditOf(c).text,
  countedCredits: part === undefined || part.eq(creditOf(c).dec) ? creditOf(c).text : part.toString(),
});

/** "还差 4 学分：未通过 数据库原理（…）、…" (the failed courses say where the credits went). */
function shortLine(label: string, short: string, failed: readonly CourseFact[]): string {
  const why = failed.length ? `：未通过 ${failed.map(describe).join('、')}` : '';
  return `${label} 还差 ${short} 学分${why}`;
}

/**
 * Credits as integer tenths when they have at most one decimal (every plan's do: plans store
 * tenths), so a cohort's audit sums integers instead of decimals; null for anything finer, which
 * takes the decimal path. Cached per fact: several checks read the same course.
 */
const tenthsCache = new WeakMap<CourseFact, number | null>();
const TENTHS = /^(\d+)(?:\.(\d))?$/;
function tenthsOfValue(v: CreditValue): number | null {
  const m = TENTHS.exec(typeof v === 'number' ? String(v) : v.trim());
  return m ? Number(m[1]) * 10 + Number(m[2] ?? 0) : null;
}
function tenthsOf(c: CourseFact): number | null {
  let t = tenthsCache.get(c);
  if (t === undefined) tenthsCache.set(c, (t = tenthsOfValue(c.credits)));
  return t;
}
const tenthsText = (t: number) => (t % 10 ? `${Math.floor(t / 10)}.${t % 10}` : String(t / 10));

function creditCheck(
  kind: 'totalCredits' | 'moduleCredits',
  label: string,
  minValue: CreditValue,
  minWhat: string,
  pool: readonly CourseFact[],
  caps: readonly { module: string; max: CreditValue }[],
): CheckResult {
  const minT = tenthsOfValue(minValue);
  if (minT !== null && caps.every((c) => tenthsOfValue(c.max) !== null) && pool.every((c) => tenthsOf(c) !== null)) return tenthsCheck(kind, label, minT, pool, caps);
  const min = exact(minValue, minWhat);
  const capLeft = new Map(caps.map((c) => [c.module, exact(c.max, `${c.module} 计入上限`)]));
  const capOf = new Map(caps.map((c) => [c.module, exact(c.max, `${c.module} 计入上限`).toString()]));
  const countedList: CountedCourse[] = [];
  const left: LeftOutCourse[] = [];
  let sum = ZERO;
  for (const c of pool) {
    if (!counts(c)) {
      left.push(leftOut(c));
      continue;
    }
    const room = capLeft.get(c.module);
    const full = credits(c);
    const part = room === undefined ? full : Dec.min(full, room);
    if (room !== undefined) capLeft.set(c.module, room.minus(part));
    if (part.gt(0)) countedList.push(counted(c, part));
    if (part.lt(full)) left.push(leftOut(c, `超出 ${c.module} 计入上限 ${capOf.get(c.module)} 学分，${full.minus(part).toString()} 学分不计`));
    sum = sum.plus(part);
  }
  const passed = sum.gte(min);
  const failed = pool.filter((c) => !counts(c));
  return {
    kind,
    label,
    passed,
    required: min.toString(),
    actual: sum.toString(),
    counted: countedList,
    leftOut: left,
    line: passed ? null : shortLine(label, min.minus(sum).toString(), failed),
  };
}

/** creditCheck in integer tenths: the same results, as the same text. */
function tenthsCheck(kind: 'totalCredits' | 'moduleCredits', label: string, min: number, pool: readonly CourseFact[], caps: readonly { module: string; max: CreditValue }[]): CheckResult {
  const capLeft = new Map(caps.map((c) => [c.module, tenthsOfValue(c.max)!]));
  const countedList: CountedCourse[] = [];
  const left: LeftOutCourse[] = [];
  let sum = 0;
  for (const c of pool) {
    if (!counts(c)) {
      left.push(leftOut(c));
      continue;
    }
    const full = tenthsOf(c)!;
    const room = capLeft.get(c.module);
    const part = room === undefined ? full : Math.min(full, room);
    if (room !== undefined) capLeft.set(c.module, room - part);
    if (part > 0) countedList.push({ code: c.code, name: c.name, credits: tenthsText(full), countedCredits: tenthsText(part) });
    if (part < full) left.push(leftOut(c, `超出 ${c.module} 计入上限 ${tenthsText(tenthsOfValue(caps.find((x) => x.module === c.module)!.max)!)} 学分，${tenthsText(full - part)} 学分不计`));
    sum += part;
  }
  const passed = sum >= min;
  return {
    kind,
    label,
    passed,
    required: tenthsText(min),
    actual: tenthsText(sum),
    counted: countedList,
    leftOut: left,
    line: passed ? null : shortLine(label, tenthsText(min - sum), pool.filter((c) => !counts(c))),
  };
}

function check(rule: GraduationRule, facts: GraduationFacts): CheckResult {
  const base = { counted: [] as CountedCourse[], leftOut: [] as LeftOutCourse[] };
  switch (rule.kind) {
    case 'totalCredits':
      return creditCheck('totalCredits', rule.label ?? '总学分', rule.min, '总学分要求', facts.courses, rule.caps ?? []);
    case 'moduleCredits': {
      const pool = facts.courses.filter((c) => c.module === rule.module);
      return creditCheck('moduleCredits', rule.label ?? rule.module, rule.min, `${rule.module} 学分要求`, pool, []);
    }
    case 'requiredCourses': {
      const label = rule.label ?? '必修课程';
      const countedList: CountedCourse[] = [];
      const left: LeftOutCourse[] = [];
      const missing: string[] = [];
      for (const want of rule.courses) {
        const fact = facts.courses.find((c) => c.code === want.code);
        if (fact && counts(fact)) countedList.push(counted(fact));
        else if (fact) {
          left.push(leftOut(fact));
          missing.push(`未通过 ${describe(fact)}`);
        } else {
          left.push({ code: want.code, name: want.name, credits: '', why: '没有成绩' });
          missing.push(`没有成绩 ${want.name}`);
        }
      }
      const passed = missing.length === 0;
      return {
        kind: rule.kind,
        label,
        passed,
        required: rule.courses.map((c) => c.name).join('、'),
        actual: countedList.map((c) => c.name).join('、'),
        counted: countedList,
        leftOut: left,
        line: passed ? null : `${label} 未完成 ${missing.length} 门：${missing.join('、')}`,
      };
    }
    case 'noVoidGrade': {
      const label = rule.label ?? '作弊无效成绩';
      const voided = facts.courses.filter((c) => c.voidOutstanding);
      const passed = voided.length === 0;
      return {
        kind: rule.kind,
        label,
        passed,
        required: '0',
        actual: String(voided.length),
        counted: [],
        leftOut: voided.map((c) => leftOut(c)),
        line: passed ? null : `${label} 未消除：${voided.map((c) => c.name).join('、')} 因作弊成绩无效，须重修通过`,
      };
    }
    case 'fitness': {
      const label = rule.label ?? '体质健康测试';
      const score = facts.fitnessScore;
      const passed = score !== null && score >= rule.min;
      const line = passed
        ? null
        : score === null
          ? `${label} 没有成绩（须不低于 ${rule.min} 分）`
          : `${label} ${score} 分，低于 ${rule.min} 分`;
      return { kind: rule.kind, label, passed, required: String(rule.min), actual: score === null ? null : String(score), ...base, line };
    }
    case 'certificate': {
      const held = rule.anyOf.filter((name) => facts.certificates.includes(name));
      const passed = held.length > 0;
      return {
        kind: rule.kind,
        label: rule.label,
        passed,
        required: rule.anyOf.join('、'),
        actual: held.join('、'),
        ...base,
        line: passed ? null : `${rule.label} 未取得（须取得其一：${rule.anyOf.join('、')}）`,
      };
    }
    case 'withinMaxYears': {
      const label = rule.label ?? '最长学习年限';
      const passed = facts.yearsStudied <= facts.maxYears;
      return {
        kind: rule.kind,
        label,
        passed,
        required: String(facts.maxYears),
        actual: String(facts.yearsStudied),
        ...base,
        line: passed ? null : `已超过${label}（最长 ${facts.maxYears} 年，已学习 ${facts.yearsStudied} 年）`,
      };
    }
    case 'group': {
      const children = rule.rules.map((r) => check(r, facts));
      const passed = rule.need === 'all' ? children.every((c) => c.passed) : children.some((c) => c.passed);
      const failedLines = children.filter((c) => !c.passed).map((c) => c.line!);
      const line = passed ? null : rule.need === 'any' ? `${rule.label} 未满足（满足其一即可）：${failedLines.join('；')}` : null;
      return { kind: rule.kind, label: rule.label, passed, required: null, actual: null, ...base, line, children };
    }
  }
}

/** Failed lines in rule order; an 'all' group contributes its children's lines, an 'any' group one line. */
function linesOf(results: readonly CheckResult[]): string[] {
  return results.flatMap((r) => {
    if (r.passed) return [];
    if (r.kind === 'group' && r.line === null) return linesOf(r.children ?? []);
    return r.line ? [r.line] : [];
  });
}

/** Audits one student: 毕业 when every check passes, otherwise 结业 with one line per deficiency. */
export function auditGraduation(facts: GraduationFacts, rules: readonly GraduationRule[]): GraduationAudit {
  const checks = rules.map((r) => check(r, facts));
  const deficiencies = linesOf(checks);
  const outcome = deficiencies.length === 0 ? '毕业' : '结业';
  return { outcome, deficiencies, checks, mayExtend: outcome === '结业' && facts.yearsStudied < facts.maxYears };
}
