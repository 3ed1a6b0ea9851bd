import { describe, expect, it } from 'vitest';
import { DEFAULT_GPA_METHOD, type GradeAttempt } from '../../../../shared/domain/grades';
import { auditGraduation, BASE_RULES } from '../../../../shared/domain/graduation/rules';
import { derivedRules, derivedRulesText, ruleSetProblems } from '../../../../shared/domain/graduation/defaults';
import {
  courseFacts, maxStudyYears, segmentOfTerm, studySegments, termStart, yearsStudied, type SegmentPlanCourse,
} from '../../../../shared/domain/graduation/segments';

const pc = (code: string, name: string, credits: number, module: string): SegmentPlanCourse => ({
  code, name, creditTenths: credits * 10, module, nature: '必修', scale: '百分制', countsTowardGpa: true,
});
const at = (term: string, score: number | null, kind: GradeAttempt['kind'] = '正考', extra: Partial<GradeAttempt> = {}): GradeAttempt => ({
  kind, score, absent: false, void: false, term, ...extra,
});

describe('studySegments', () => {
  it('one class, no break: one segment', () => {
    expect(studySegments([{ from: '2023-09-01', className: '软件2301', planId: 1 }], [{ effective: '2023-09-01', status: 'enrolled' }])).toEqual([
      { from: '2023-09-01', to: null, className: '软件2301', planId: 1 },
    ]);
  });

  it('a change of major starts a segment under the new plan', () => {
    const s = studySegments(
      [{ from: '2024-09-01', className: '网络2301', planId: 2 }, { from: '2023-09-01', className: '软件2301', planId: 1 }],
      [],
    );
    expect(s.map((x) => [x.from, x.to, x.planId])).toEqual([['2023-09-01', '2024-09-01', 1], ['2024-09-01', null, 2]]);
  });

  it('休学 is no study: cut out, and the student returns into the next cohort’s class', () => {
    const s = studySegments(
      [{ from: '2023-09-01', className: '软件2301', planId: 1 }, { from: '2025-09-01', className: '软件2401', planId: 3 }],
      [{ effective: '2023-09-01', status: 'enrolled' }, { effective: '2024-09-01', status: 'suspended' }, { effective: '2025-09-01', status: 'enrolled' }],
    );
    expect(s.map((x) => [x.from, x.to, x.className])).toEqual([['2023-09-01', '2024-09-01', '软件2301'], ['2025-09-01', null, '软件2401']]);
  });

  it('a 休学 in the middle of a class period splits it; a 休学 still running ends the study', () => {
    const s = studySegments([{ from: '2023-09-01', className: 'A', planId: 1 }], [
      { effective: '2024-02-01', status: 'suspended' }, { effective: '2024-09-01', status: 'enrolled' }, { effective: '2025-03-01', status: 'suspended' },
    ]);
    expect(s.map((x) => [x.from, x.to])).toEqual([['2023-09-01', '2024-02-01'], ['2024-09-01', '2025-03-01']]);
  });
});

describe('terms and segments', () => {
  const segs = studySegments(
    [{ from: '2023-09-01', className: '软件2301', planId: 1 }, { from: '2025-09-01', className: '软件2401', planId: 3 }],
    [{ effective: '2024-09-01', status: 'suspended' }, { effective: '2025-09-01', status: 'enrolled' }],
  );
  it('a term goes to the segment running on its first day', () => {
    expect(termStart('2023-2024-2')).toBe('2024-02-15');
    expect(segmentOfTerm(segs, '2023-2024-1')!.planId).toBe(1);
    expect(segmentOfTerm(segs, '2023-2024-2')!.planId).toBe(1);
    expect(segmentOfTerm(segs, '2025-2026-1')!.planId).toBe(3);
  });
  it('a term inside the 休学 goes to the segment before it; one before all study to the first', () => {
    expect(segmentOfTerm(segs, '2024-2025-2')!.planId).toBe(1);
    expect(segmentOfTerm(segs, '2022-2023-2')!.planId).toBe(1);
  });
});

describe('courseFacts', () => {
  // 软件 (plan 1) then 网络 (plan 2) from 2024-09-01.
  const segments = studySegments([{ from: '2023-09-01', className: '软件2301', planId: 1 }, { from: '2024-09-01', className: '网络2301', planId: 2 }], []);
  const plans = new Map([
    [1, new Map([['SW101', pc('SW101', '程序设计', 4, '专业核心')], ['MA101', pc('MA101', '高等数学', 4, '公共基础')]])],
    [2, new Map([['NW201', pc('NW201', '网络工程', 3, '专业核心')], ['MA101', pc('MA101', '高等数学', 5, '专业基础')]])],
  ]);
  const entered = pc('X', '?', 1, '?');

  it('a course only the old major had counts under the old plan; one the final plan lists counts under the final plan', () => {
    const facts = courseFacts({
      segments, plans, method: DEFAULT_GPA_METHOD,
      courses: [
        { code: 'SW101', attempts: [at('2023-2024-1', 80)], enteredAs: entered },
        { code: 'MA101', attempts: [at('2023-2024-1', 70)], enteredAs: entered },
        { code: 'NW201', attempts: [at('2024-2025-1', 90)], enteredAs: entered },
      ],
    });
    expect(facts.map((f) => [f.code, f.credits, f.module, f.planId])).toEqual([
      ['MA101', '5', '专业基础', 2],
      ['SW101', '4', '专业核心', 1],
      ['NW201', '3', '专业核心', 2],
    ]);
  });

  it('a code in no segment’s plan counts as entered', () => {
    const [f] = courseFacts({ segments, plans, method: DEFAULT_GPA_METHOD, courses: [{ code: 'PE1', attempts: [at('2023-2024-1', 60)], enteredAs: pc('PE1', '体育', 1, '公共基础') }] });
    expect([f!.name, f!.credits, f!.planId]).toEqual(['体育', '1', null]);
  });

  it('the deciding attempt after 补考/重修 is the GPA’s: a pass beats a fail', () => {
    const [f] = courseFacts({ segments, plans, method: DEFAULT_GPA_METHOD, courses: [{ code: 'SW101', attempts: [at('2023-2024-1', 45), at('2023-2024-2', 62, '补考')], enteredAs: entered }] });
    expect([f!.passed, f!.attemptKind, f!.scoreText]).toEqual([true, '补考', '62 分']);
    const [g] = courseFacts({ segments, plans, method: DEFAULT_GPA_METHOD, courses: [{ code: 'SW101', attempts: [at('2023-2024-1', 40), at('2023-2024-2', 45, '补考')], enteredAs: entered }] });
    expect([g!.passed, g!.attemptKind, g!.scoreText]).toEqual([false, '补考', '45 分']);
  });

  it('作弊 is outstanding until a 重修 replaces it; a 补考 after it does not', () => {
    const cheat = at('2023-2024-1', null, '正考', { void: true });
    const [a] = courseFacts({ segments, plans, method: DEFAULT_GPA_METHOD, courses: [{ code: 'SW101', attempts: [cheat, at('2023-2024-2', 80, '补考')], enteredAs: entered }] });
    expect([a!.passed, a!.voidOutstanding]).toEqual([false, true]);
    const [b] = courseFacts({ segments, plans, method: DEFAULT_GPA_METHOD, courses: [{ code: 'SW101', attempts: [cheat, at('2024-2025-1', 50, '重修')], enteredAs: entered }] });
    expect([b!.passed, b!.voidOutstanding]).toEqual([false, false]);
    const [c] = courseFacts({ segments, plans, method: DEFAULT_GPA_METHOD, courses: [{ code: 'SW101', attempts: [cheat, at('2024-2025-1', 75, '重修')], enteredAs: entered }] });
    expect([c!.passed, c!.voidOutstanding, c!.attemptKind]).toEqual([true, false, '重修']);
  });

  it('feeds auditGraduation: the line names the course and why', () => {
    const facts = courseFacts({ segments, plans, method: DEFAULT_GPA_METHOD, courses: [{ code: 'NW201', attempts: [at('2024-2025-1', 40), at('2024-2025-2', 45, '补考')], enteredAs: entered }] });
    const r = auditGraduation({ courses: facts, fitnessScore: 80, certificates: [], yearsStudied: 3, maxYears: 5 }, [{ kind: 'moduleCredits', module: '专业核心', min: 3 }]);
    expect(r.deficiencies).toEqual(['专业核心 还差 3 学分：未通过 网络工程（3 学分，补考 45 分）']);
  });
});

describe('years', () => {
  it('from 入学 to the audit day, less the gaps, rounded down to one decimal', () => {
    expect(yearsStudied('2023-09-01', '2026-06-30')).toBe(2.8);
    expect(yearsStudied('2023-09-01', '2026-09-01')).toBe(3);
    expect(yearsStudied('2023-09-01', '2026-09-01', [{ from: '2024-09-01', to: '2025-09-01' }])).toBe(2);
    expect(yearsStudied('2023-09-01', '2026-09-01', [{ from: '2026-03-01', to: null }])).toBe(2.4);
  });
  it('最长学习年限 = 学制 + the policy’s extra years', () => {
    expect(maxStudyYears('3', 2)).toBe(5);
    expect(maxStudyYears('2.5', 2)).toBe(4.5);
  });
});

describe('derived rules (a plan without a saved rule set)', () => {
  const plan = [pc('SW101', '程序设计', 4, '专业核心'), pc('MA101', '高等数学', 4, '公共基础'), { ...pc('EL1', '选修一', 2, '公共选修'), nature: '任选' as const }];
  it('every 必修 by code, per-module 必修 credits, total = 必修 credits, then BASE_RULES', () => {
    expect(derivedRules(plan)).toEqual([
      { kind: 'totalCredits', min: '8' },
      { kind: 'moduleCredits', module: '专业核心', min: '4' },
      { kind: 'moduleCredits', module: '公共基础', min: '4' },
      { kind: 'requiredCourses', courses: [{ code: 'SW101', name: '程序设计' }, { code: 'MA101', name: '高等数学' }] },
      ...BASE_RULES,
    ]);
    expect(derivedRulesText(plan)).toMatch(/^未设置毕业要求，按培养方案：2 门必修课程全部通过；.*总学分不少于 8/);
  });
  it('rule problems are Chinese and name the rule', () => {
    expect(ruleSetProblems([{ kind: 'moduleCredits', module: '', min: '4.25' }, { kind: 'requiredCourses', courses: [{ code: 'ZZ9', name: '无此课' }] }], new Set(['SW101']))).toEqual([
      '第 1 条：请填写课程模块', '第 1 条： 学分应为数字，最多一位小数', '第 2 条：课程 无此课（ZZ9）不在该培养方案中',
    ]);
    expect(ruleSetProblems(derivedRules(plan), new Set(['SW101', 'MA101']))).toEqual([]);
  });
});
