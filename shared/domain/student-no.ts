/**
 * 学号 (student number): optional until the school assigns it after enrolment. How a missing one
 * reads everywhere (roster, messages, audit summaries), so the wording is the same on every screen.
 */
export const PENDING_STUDENT_NO = '待编学号';

/** The 学号, or 待编学号 when none has been assigned yet. */
export const studentNoText = (studentNo: string | null | undefined): string => studentNo || PENDING_STUDENT_NO;

/** "学号 2301001", or "待编学号": the phrase inside a message's parentheses. */
export const studentNoPhrase = (studentNo: string | null | undefined): string => (studentNo ? `学号 ${studentNo}` : PENDING_STUDENT_NO);

/** "张三（学号 2301001）", or "张三（待编学号）": how messages name a student. */
export const studentTag = (name: string, studentNo: string | null | undefined): string => `${name}（${studentNoPhrase(studentNo)}）`;

// ---------------------------------------------------------------------------
// 学号编排: the rule and the plan (pure; the database side is db/queries/student-numbers.ts)

/** One part of a 学号 rule, in order. */
export type StudentNoPart =
  /** 入学年份 (the class's cohort year): 2026 or 26. */
  | { kind: 'year'; digits: 2 | 4 }
  /** 专业代码 (the major's code, usually 6 digits); `digits` keeps its last n digits. */
  | { kind: 'majorCode'; digits?: number | undefined }
  /** 班号: the class's place among its major's classes of that cohort (by class name), zero-padded. */
  | { kind: 'classNo'; digits: number }
  /** 序号: counts on per prefix (everything before it), after the highest number already used. */
  | { kind: 'sequence'; digits: number }
  /** Fixed text, e.g. a school or campus letter. */
  | { kind: 'text'; text: string };

export type StudentNoOrder = 'classPinyin' | 'idNumber';

export interface StudentNoRule {
  parts: StudentNoPart[];
  order: StudentNoOrder;
}

export const STUDENT_NO_ORDER_LABELS: Record<StudentNoOrder, string> = {
  classPinyin: '按班级，再按姓名拼音',
  idNumber: '按身份证号',
};

/** 2026 + 510201 + 01 + 01 → 20265102010101: the common shape (年份、专业代码、班号、序号). */
export const DEFAULT_STUDENT_NO_RULE: StudentNoRule = {
  parts: [{ kind: 'year', digits: 4 }, { kind: 'majorCode' }, { kind: 'classNo', digits: 2 }, { kind: 'sequence', digits: 2 }],
  order: 'classPinyin',
};

export function describePart(p: StudentNoPart): string {
  switch (p.kind) {
    case 'year':
      return `入学年份（${p.digits} 位）`;
    case 'majorCode':
      return p.digits ? `专业代码后 ${p.digits} 位` : '专业代码';
    case 'classNo':
      return `班号（${p.digits} 位）`;
    case 'sequence':
      return `序号（${p.digits} 位）`;
    case 'text':
      return `固定文字“${p.text}”`;
  }
}

/** What is wrong with a rule, in words a counselor understands; null when it can be used. */
export function ruleProblem(rule: StudentNoRule): string | null {
  const seq = rule.parts.filter((p) => p.kind === 'sequence');
  if (seq.length !== 1) return '学号规则须有且只有一个“序号”部分';
  if (rule.parts.at(-1)?.kind !== 'sequence') return '“序号”须是学号规则的最后一部分';
  const length = rule.parts.reduce((n, p) => n + (p.kind === 'text' ? p.text.length : p.kind === 'majorCode' ? p.digits ?? 6 : p.digits), 0);
  if (length > 20) return `按此规则学号约 ${length} 位，超过 20 个字符的上限`;
  for (const p of rule.parts) if (p.kind === 'text' && !/^[0-9A-Za-z-]+$/.test(p.text)) return '固定文字只能包含数字、字母和连字符';
  return null;
}

/** A student to number, with what the rule's parts need. */
export interface NumberingCandidate {
  id: number;
  name: string;
  namePinyin: string;
  idNumber: string;
  className: string | null;
  cohortYear: number | null;
  majorCode: string | null;
  /** 1-based place of the class among its major's classes of the same cohort; null without a class. */
  classOrdinal: number | null;
}

export interface NumberingPlan {
  assigned: { id: number; studentNo: string }[];
  /** Students the rule cannot number, with the reason (no class, sequence used up…). */
  skipped: { id: number; reason: string }[];
}

const pad = (n: number, digits: number) => String(n).padStart(digits, '0');
const zhCollator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });

/** Students in the order the rule asks for: by class then pinyin of name, or by ID number. */
export function numberingOrder(candidates: readonly NumberingCandidate[], order: StudentNoOrder): NumberingCandidate[] {
  const list = [...candidates];
  if (order === 'idNumber') return list.sort((a, b) => (a.idNumber < b.idNumber ? -1 : a.idNumber > b.idNumber ? 1 : a.id - b.id));
  return list.sort(
    (a, b) =>
      zhCollator.compare(a.className ?? '\uffff', b.className ?? '\uffff') ||
      (a.namePinyin < b.namePinyin ? -1 : a.namePinyin > b.namePinyin ? 1 : 0) ||
      zhCollator.compare(a.name, b.name) ||
      a.id - b.id,
  );
}

/** The rule's text before the sequence for one student, or why it cannot be formed. */
function prefixOf(rule: StudentNoRule, s: NumberingCandidate): string | { reason: string } {
  let out = '';
  for (const p of rule.parts) {
    switch (p.kind) {
      case 'year':
        if (s.cohortYear == null) return { reason: '没有班级（年级），无法确定入学年份' };
        out += p.digits === 2 ? pad(s.cohortYear % 100, 2) : String(s.cohortYear);
        break;
      case 'majorCode':
        if (!s.majorCode) return { reason: '没有班级（专业），无法确定专业代码' };
        out += p.digits ? s.majorCode.slice(-p.digits).padStart(p.digits, '0') : s.majorCode;
        break;
      case 'classNo':
        if (s.classOrdinal == null) return { reason: '没有班级，无法确定班号' };
        if (String(s.classOrdinal).length > p.digits) return { reason: `班号 ${s.classOrdinal} 超出 ${p.digits} 位` };
        out += pad(s.classOrdinal, p.digits);
        break;
      case 'text':
        out += p.text;
        break;
      case 'sequence':
        return out;
    }
  }
  return out;
}

/**
 * Numbers the students that have no 学号, in the rule's order. The sequence runs per prefix and
 * starts after the highest number already used with that prefix (`existing`: every 学号 in the
 * department), so assigning again later continues where the last run stopped, and no existing 学号
 * is ever repeated or changed.
 */
export function planStudentNumbers(rule: StudentNoRule, candidates: readonly NumberingCandidate[], existing: Iterable<string>): NumberingPlan {
  const problem = ruleProblem(rule);
  if (problem) throw new Error(problem);
  const seq = rule.parts.at(-1) as { kind: 'sequence'; digits: number };
  const taken = new Set(existing);
  const next = new Map<string, number>();
  const nextFor = (prefix: string): number => {
    let n = next.get(prefix);
    if (n === undefined) {
      n = 1;
      for (const no of taken) {
        if (no.length !== prefix.length + seq.digits || !no.startsWith(prefix)) continue;
        const tail = no.slice(prefix.length);
        if (/^\d+$/.test(tail)) n = Math.max(n, Number(tail) + 1);
      }
    }
    return n;
  };
  const plan: NumberingPlan = { assigned: [], skipped: [] };
  for (const s of numberingOrder(candidates, rule.order)) {
    const prefix = prefixOf(rule, s);
    if (typeof prefix !== 'string') {
      plan.skipped.push({ id: s.id, reason: prefix.reason });
      continue;
    }
    let n = nextFor(prefix);
    while (taken.has(prefix + pad(n, seq.digits))) n++;
    if (String(n).length > seq.digits) {
      plan.skipped.push({ id: s.id, reason: `序号已用完（${seq.digits} 位最多 ${'9'.repeat(seq.digits)}），请加长序号位数` });
      next.set(prefix, n);
      continue;
    }
    const studentNo = prefix + pad(n, seq.digits);
    taken.add(studentNo);
    next.set(prefix, n + 1);
    plan.assigned.push({ id: s.id, studentNo });
  }
  return plan;
}
