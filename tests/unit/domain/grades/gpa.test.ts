import { describe, expect, it } from 'vitest';
import { computeGpa, Dec, formatGpa, GPA_REASONS, type GpaResult } from '../../../../shared/domain/grades';
import { course, grades, sat, transcript } from './fixtures';

/** Course line by code. */
const line = (r: GpaResult, code: string) => r.courses.find((c) => c.code === code)!;

describe('computeGpa, the default method (issue 15)', () => {
  it('worked example: credits 4/3/2, scores 85 / 补考 72 / 58', () => {
    // 4 × (85 − 50)/10 = 4 × 3.5 = 14
    // 3 × 1.0 (正考 50 → 0, 补考 72 is a pass by 补考 → 1.0 whatever its score) = 3
    // 2 × 0 (58 < 60, failed but still counted) = 0
    // GPA = 17 / 9 = 1.888… → 1.89; earned 4 + 3 = 7
    const r = computeGpa([
      grades(course('A', 4), sat(85)),
      grades(course('B', 3), sat(50), sat(72, { kind: '补考', term: '2024-2025-2' })),
      grades(course('C', 2), sat(58)),
    ]);
    expect(r.creditPoints.toString()).toBe('17');
    expect(r.creditsCounted.toString()).toBe('9');
    expect(r.creditsEarned.toString()).toBe('7');
    expect(r.gpa!.equals(new Dec(17).div(9))).toBe(true);
    expect(r.gpa!.toString()).toMatch(/^1\.8888888888888888888/); // unrounded
    expect(formatGpa(r.gpa)).toBe('1.89');
    expect(line(r, 'B')).toMatchObject({ attempt: { kind: '补考' }, score: 72, earned: true, counted: true });
    expect(line(r, 'B').gradePoint!.toString()).toBe('1');
    expect(line(r, 'C')).toMatchObject({ score: 58, earned: false, counted: true });
    expect(line(r, 'C').gradePoint!.toString()).toBe('0');
  });

  it('one transcript with every rule: 补考, 五级制, 两级制, 免修, plan flag, 缺考, 重修 after 作弊', () => {
    // MATH 4 cr 85                      → 3.5 × 4 = 14
    // PHYS 3 cr 50, 补考 72              → 1.0 × 3 = 3
    // CHEM 2 cr 58                      → 0   × 2 = 0   (failed, counted)
    // ENG  2 cr 五级制 良好 → 85          → 3.5 × 2 = 7
    // PE   1 cr 两级制 合格               → left out, earned 1
    // POL  3 cr 免修                     → left out, earned 3
    // ART  2 cr plan: not counting, 92  → left out (grade point 4.2 shown), earned 2
    // CS1  3 cr 缺考                     → 0   × 3 = 0   (counted, not earned)
    // CS2  2 cr 作弊, 补考 88 (not allowed to replace it), 重修 76 → 1.0 × 2 = 2
    // counted 4+3+2+2+3+2 = 16; points 14+3+0+7+0+2 = 26; GPA 26/16 = 1.625 → 1.63
    // earned 4+3+2+1+3+2+2 = 17
    const r = computeGpa(transcript());
    expect(r.creditPoints.toString()).toBe('26');
    expect(r.creditsCounted.toString()).toBe('16');
    expect(r.gpa!.toString()).toBe('1.625');
    expect(formatGpa(r.gpa)).toBe('1.63');
    expect(r.creditsEarned.toString()).toBe('17');
    expect(line(r, 'PE')).toMatchObject({ counted: false, earned: true, gradePoint: null, reason: GPA_REASONS.passFailCourse });
    expect(line(r, 'POL')).toMatchObject({ counted: false, earned: true, gradePoint: null, reason: GPA_REASONS.exempt });
    expect(line(r, 'ART')).toMatchObject({ counted: false, earned: true, reason: GPA_REASONS.planExcluded });
    expect(line(r, 'ART').gradePoint!.toString()).toBe('4.2');
    expect(line(r, 'CS1')).toMatchObject({ counted: true, earned: false, score: null, attempt: { absent: true } });
    expect(line(r, 'CS2')).toMatchObject({ counted: true, earned: true, score: 76, attempt: { kind: '重修' } });
    expect(line(r, 'MATH').reason).toBeUndefined();
  });

  it('JSON of the result carries decimals as exact text (what the CLI prints)', () => {
    const json = JSON.parse(JSON.stringify(computeGpa(transcript())));
    expect(json).toMatchObject({ gpa: '1.625', creditsEarned: '17', creditsCounted: '16' });
    expect(json.courses[0]).toMatchObject({ code: 'MATH', gradePoint: '3.5', score: 85, credits: '4' });
  });
});

describe('grade point of a 百分制 score, (score − 50)/10', () => {
  const gp = (score: number) => computeGpa([grades(course('X', 1), sat(score))]).courses[0]!.gradePoint!.toString();
  it.each([
    [100, '5'],
    [90, '4'],
    [73.5, '2.35'],
    [73.3, '2.33'], // float: (73.3 − 50) / 10 = 2.3299999999999996
    [60, '1'],
    [59.99, '0'],
    [59.5, '0'],
    [0, '0'],
  ])('%s → %s', (score, expected) => expect(gp(score)).toBe(expected));
});

describe('best attempt: highest grade point, ties → the earlier attempt', () => {
  it('keeps a 正考 65 (1.5) over a later 重修 90 (a 重修 pass is 1.0)', () => {
    const r = computeGpa([grades(course('X', 2), sat(65), sat(90, { kind: '重修', term: '2025-2026-1' }))]);
    expect(line(r, 'X')).toMatchObject({ score: 65, attempt: { kind: '正考' } });
    expect(r.gpa!.toString()).toBe('1.5');
  });

  it('a tie between 正考 60 (1.0) and 重修 95 (fixed 1.0) keeps the 正考', () => {
    const r = computeGpa([grades(course('X', 2), sat(95, { kind: '重修', term: '2025-2026-1' }), sat(60))]);
    expect(line(r, 'X')).toMatchObject({ score: 60, attempt: { kind: '正考' } });
  });

  it('two fails tie at 0: the 正考 is shown, not the 补考', () => {
    const r = computeGpa([grades(course('X', 2), sat(58), sat(55, { kind: '补考' }))]);
    expect(line(r, 'X')).toMatchObject({ score: 58, earned: false, counted: true });
  });

  it('"earlier" is by term, then 正考 before 补考 before 重修 in one term, whatever the given order', () => {
    const r = computeGpa([
      grades(course('T', 1), sat(60, { kind: '重修', term: '2024-2025-2' }), sat(61, { kind: '重修', term: '2024-2025-1' })),
      grades(course('K', 1), sat(58, { kind: '补考' }), sat(55)),
    ]);
    expect(line(r, 'T').attempt).toMatchObject({ score: 61, term: '2024-2025-1' });
    expect(line(r, 'K').attempt).toMatchObject({ score: 55, kind: '正考' });
  });

  it('a course counts once however many attempts it has', () => {
    // 3 × 1.0 (补考 pass) = 3 over 3 credits, not 3 + 3 over 6
    const r = computeGpa([grades(course('X', 3), sat(40), sat(70, { kind: '补考' }), sat(80, { kind: '重修', term: '2025-2026-1' }))]);
    expect(r.creditsCounted.toString()).toBe('3');
    expect(r.creditsEarned.toString()).toBe('3');
    expect(r.gpa!.toString()).toBe('1');
  });

  it('a 缓考 counts at its real score (it is the first sitting, deferred)', () => {
    const r = computeGpa([grades(course('X', 2), sat(88, { kind: '缓考', term: '2024-2025-2' }))]);
    expect(r.gpa!.toString()).toBe('3.8');
  });
});

describe('缺考 and 作弊', () => {
  it('缺考 counts 0 with its credits; a 补考 pass then counts 1.0', () => {
    // 4 × 0 + 2 × (90 − 50)/10 = 8 over 6 → 1.333… → 1.33
    const r = computeGpa([grades(course('A', 4), sat(null, { absent: true })), grades(course('B', 2), sat(90))]);
    expect(r.gpa!.equals(new Dec(8).div(6))).toBe(true);
    expect(formatGpa(r.gpa)).toBe('1.33');
    expect(r.creditsEarned.toString()).toBe('2');
    const later = computeGpa([grades(course('A', 4), sat(null, { absent: true }), sat(80, { kind: '补考' }))]);
    expect(later.gpa!.toString()).toBe('1');
  });

  it('作弊 counts 0 even with a score, and a 补考 cannot replace it', () => {
    // A: 3 × 0 (作弊; the 补考 90 is not considered); B: 2 × 3.0 = 6 → 6 / 5 = 1.2
    const r = computeGpa([
      grades(course('A', 3), sat(88, { void: true }), sat(90, { kind: '补考', term: '2024-2025-2' })),
      grades(course('B', 2), sat(80)),
    ]);
    expect(r.gpa!.toString()).toBe('1.2');
    expect(line(r, 'A')).toMatchObject({ earned: false, counted: true, attempt: { void: true } });
  });

  it('a 重修 after 作弊 replaces it', () => {
    // A: 3 × 1.0 (重修 78 passed) = 3; B: 2 × 3.0 = 6 → 9 / 5 = 1.8
    const r = computeGpa([
      grades(course('A', 3), sat(88, { void: true }), sat(90, { kind: '补考', term: '2024-2025-2' }), sat(78, { kind: '重修', term: '2025-2026-1' })),
      grades(course('B', 2), sat(80)),
    ]);
    expect(r.gpa!.toString()).toBe('1.8');
    expect(line(r, 'A')).toMatchObject({ score: 78, earned: true, attempt: { kind: '重修' } });
  });

  it('a 重修 that is itself void still counts 0', () => {
    const r = computeGpa([grades(course('A', 3), sat(null, { void: true }), sat(70, { kind: '重修', void: true, term: '2025-2026-1' }))]);
    expect(r.gpa!.toString()).toBe('0');
    expect(r.creditsEarned.toString()).toBe('0');
  });

  it('a void sitting does not spoil an earlier pass (作弊 in a 重修 taken to improve a 65)', () => {
    const r = computeGpa([grades(course('A', 2), sat(65), sat(null, { kind: '重修', void: true, term: '2025-2026-1' }))]);
    expect(line(r, 'A')).toMatchObject({ score: 65, earned: true });
    expect(r.gpa!.toString()).toBe('1.5');
  });
});

describe('courses left out of the GPA keep their earned credits', () => {
  it('两级制: 合格 earned, 不合格 not, neither in the GPA', () => {
    // only C counts: 2 × 4.0 / 2 = 4; earned = 1 (PE1 合格) + 2 (C)
    const r = computeGpa([
      grades(course('PE1', 1, { scale: '两级制' }), sat('合格')),
      grades(course('PE2', 1, { scale: '两级制' }), sat('不合格')),
      grades(course('C', 2), sat(90)),
    ]);
    expect(r.gpa!.toString()).toBe('4');
    expect(r.creditsEarned.toString()).toBe('3');
    expect(line(r, 'PE2')).toMatchObject({ earned: false, counted: false, reason: GPA_REASONS.passFailCourse });
  });

  it('两级制 with 不合格 then a 补考 合格 is earned; a 缺考 is not', () => {
    const r = computeGpa([
      grades(course('P', 1, { scale: '两级制' }), sat('不合格'), sat('合格', { kind: '补考' })),
      grades(course('Q', 1, { scale: '两级制' }), sat(null, { absent: true })),
    ]);
    expect(line(r, 'P')).toMatchObject({ earned: true, attempt: { kind: '补考' } });
    expect(line(r, 'Q')).toMatchObject({ earned: false, counted: false });
    expect(r.gpa).toBeNull();
    expect(formatGpa(r.gpa)).toBe('—');
  });

  it('a 合格 recorded on a 百分制 course has no grade point: left out, with its own reason', () => {
    const r = computeGpa([grades(course('X', 2), sat('合格'))]);
    expect(line(r, 'X')).toMatchObject({ earned: true, counted: false, reason: GPA_REASONS.passFailGrade });
  });

  it('免修 is earned and left out, whatever else the course records', () => {
    const r = computeGpa([grades(course('X', 3), sat(40), sat(90, { kind: '免修' })), grades(course('Y', 1), sat(70))]);
    expect(line(r, 'X')).toMatchObject({ earned: true, counted: false, reason: GPA_REASONS.exempt, attempt: { kind: '免修' } });
    expect(r.gpa!.toString()).toBe('2');
    expect(r.creditsEarned.toString()).toBe('4');
  });

  it('the plan flag leaves a passed course out but earned, a failed one out and not earned', () => {
    const r = computeGpa([
      grades(course('PE', 1, { countsTowardGpa: false, nature: '任选' }), sat(95)),
      grades(course('GE', 2, { countsTowardGpa: false }), sat(50)),
      grades(course('C', 2), sat(75)),
    ]);
    expect(r.gpa!.toString()).toBe('2.5');
    expect(r.creditsEarned.toString()).toBe('3');
    expect(line(r, 'GE')).toMatchObject({ earned: false, counted: false, reason: GPA_REASONS.planExcluded });
  });

  it('no grade yet (no attempt, or a 缓考 not sat) → left out, not earned', () => {
    const r = computeGpa([grades(course('N', 2)), grades(course('D', 2), sat(null, { kind: '缓考' })), grades(course('C', 2), sat(80))]);
    expect(line(r, 'N')).toMatchObject({ attempt: null, counted: false, earned: false, reason: GPA_REASONS.noGrade });
    expect(line(r, 'D').reason).toBe(GPA_REASONS.noGrade);
    expect(r.gpa!.toString()).toBe('3');
  });

  it('no course counting at all: gpa null, sums 0', () => {
    const r = computeGpa([]);
    expect(r.gpa).toBeNull();
    expect(r.creditsCounted.toString()).toBe('0');
  });
});

describe('五级制 maps to 95/85/75/65/45 first', () => {
  it.each([
    ['优秀', '4.5'],
    ['良好', '3.5'],
    ['中等', '2.5'],
    ['及格', '1.5'],
    ['不及格', '0'],
  ] as const)('%s → %s', (g, expected) => {
    const r = computeGpa([grades(course('X', 1, { scale: '五级制' }), sat(g))]);
    expect(r.courses[0]!.gradePoint!.toString()).toBe(expected);
    expect(r.courses[0]!.earned).toBe(g !== '不及格');
  });

  it('mixed with 百分制: 3 cr 良好 and 2 cr 90 → (10.5 + 8) / 5 = 3.7; a 补考 及格 counts 1.0', () => {
    const r = computeGpa([grades(course('A', 3, { scale: '五级制' }), sat('良好')), grades(course('B', 2), sat(90))]);
    expect(r.gpa!.toString()).toBe('3.7');
    const m = computeGpa([grades(course('A', 3, { scale: '五级制' }), sat('不及格'), sat('及格', { kind: '补考' }))]);
    expect(m.gpa!.toString()).toBe('1');
  });
});

describe('decimal arithmetic (no float traps)', () => {
  it('credits 0.1 and 0.2 sum to exactly 0.3, and the GPA of two 100s is exactly 5', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the trap
    const r = computeGpa([grades(course('A', 0.1), sat(100)), grades(course('B', 0.2), sat(100))]);
    expect(r.creditsCounted.toString()).toBe('0.3');
    expect(r.creditsEarned.toString()).toBe('0.3');
    expect(r.gpa!.toString()).toBe('5');
  });

  it('ten courses of 1.1 credits and 73.3 → Σ credit 11, GPA exactly 2.33', () => {
    let floatSum = 0;
    for (let i = 0; i < 10; i++) floatSum += 1.1;
    expect(floatSum).not.toBe(11);
    const r = computeGpa(Array.from({ length: 10 }, (_, i) => grades(course(`C${i}`, 1.1), sat(73.3))));
    expect(r.creditsCounted.toString()).toBe('11');
    expect(r.creditPoints.toString()).toBe('25.63'); // 11 × 2.33
    expect(r.gpa!.toString()).toBe('2.33');
  });

  it('credits given as text read exactly too', () => {
    const r = computeGpa([grades(course('A', '1.5'), sat(80)), grades(course('B', '0.5'), sat(60))]);
    // 1.5 × 3.0 + 0.5 × 1.0 = 5 over 2 → 2.5
    expect(r.gpa!.toString()).toBe('2.5');
  });

  it('rounds only for display, half up: 1.005 → 1.01 (float toFixed says 1.00)', () => {
    // 1 × (60 − 50)/10 + 1 × (60.1 − 50)/10 = 1 + 1.01 = 2.01 over 2 → 1.005 exactly
    const r = computeGpa([grades(course('A', 1), sat(60)), grades(course('B', 1), sat(60.1))]);
    expect(r.gpa!.toString()).toBe('1.005');
    expect(formatGpa(r.gpa)).toBe('1.01');
    expect((1.005).toFixed(2)).toBe('1.00'); // the trap formatGpa avoids
    expect(formatGpa(new Dec('2.345'))).toBe('2.35');
    expect(formatGpa(new Dec('2.344999'))).toBe('2.34');
    expect(formatGpa(new Dec(17).div(9), 3)).toBe('1.889');
    expect(formatGpa(new Dec(4))).toBe('4.00');
  });

  it('refuses data the import should never let through', () => {
    expect(() => computeGpa([grades(course('A', -1), sat(80))])).toThrow(RangeError);
    expect(() => computeGpa([grades(course('A', 'two'), sat(80))])).toThrow(RangeError);
    expect(() => computeGpa([grades(course('A', 2), sat(105))])).toThrow(RangeError);
  });
});
