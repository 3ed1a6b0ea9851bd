import { describe, expect, it } from 'vitest';
import { computeGpa } from '../../../../shared/domain/grades';
import { evaluateWarning, exclusionReason, strongestReasons, type SanctionLevel, type WarningTrigger } from '../../../../shared/domain/warnings';
import { course, grades, sat } from '../grades/fixtures';
import { facts, failed, failedMany, ladder, ruleSet, tier } from './fixtures';

const texts = (r: ReturnType<typeof evaluateWarning>) => r.reasons.map((x) => x.text);

describe('failed courses after 补考 (count)', () => {
  const cumulative = ladder((n) => ({ kind: 'failedCourses', scope: 'cumulative', courses: 'required', atLeast: n as number }), 2, 3, 4);

  it('counts every term’s failed 必修 courses; exactly at the threshold triggers, one below does not', () => {
    const lastYear = { term: '2025-2026-2' };
    expect(evaluateWarning(facts({ failedCourses: [failed('A', lastYear)] }), cumulative).tier).toBeNull();
    const r = evaluateWarning(facts({ failedCourses: [failed('A', lastYear), failed('B')] }), cumulative);
    expect(r.tier).toBe('黄色预警');
    expect(r.colour).toBe('yellow');
    expect(r.reasons).toEqual([
      { tier: '黄色预警', trigger: cumulative.tiers[0]!.triggers[0], actual: '2', threshold: '2', text: '补考后累计不及格必修课 2 门（达到黄色预警的 2 门）' },
    ]);
  });

  it('leaves electives out of a 必修 count and counts them when the trigger says all courses', () => {
    const list = [failed('A'), failed('B', { required: false }), failed('C', { required: false })];
    expect(evaluateWarning(facts({ failedCourses: list }), cumulative).tier).toBeNull();
    const all = ladder((n) => ({ kind: 'failedCourses', scope: 'cumulative', courses: 'all', atLeast: n as number }), 2, 3, 4);
    expect(texts(evaluateWarning(facts({ failedCourses: list }), all))).toEqual([
      '补考后累计不及格课程 3 门（达到橙色预警的 3 门）',
      '补考后累计不及格课程 3 门（达到黄色预警的 2 门）',
    ]);
  });

  it('this term counts only the run’s term', () => {
    const term = ladder((n) => ({ kind: 'failedCourses', scope: 'term', courses: 'required', atLeast: n as number }), 1, 2, 3);
    const list = [failed('A', { term: '2025-2026-1' }), failed('B', { term: '2025-2026-2' }), failed('C')];
    const r = evaluateWarning(facts({ failedCourses: list }), term);
    expect(r.tier).toBe('黄色预警');
    expect(texts(r)).toEqual(['本学期补考后不及格必修课 1 门（达到黄色预警的 1 门）']);
  });
});

describe('failed credits after 补考', () => {
  const credits = ladder((n) => ({ kind: 'failedCredits', scope: 'cumulative', courses: 'all', atLeast: n }), 7, 16, '25.5');

  it('sums credits in decimal: 0.1 + 0.2 + 6.7 is exactly 7 and reaches 7', () => {
    const list = [failed('A', { credits: 0.1 }), failed('B', { credits: '0.2' }), failed('C', { credits: 6.7, required: false })];
    const r = evaluateWarning(facts({ failedCourses: list }), credits);
    expect(r.tier).toBe('黄色预警');
    expect(r.reasons[0]).toMatchObject({ actual: '7', threshold: '7', text: '补考后累计不及格课程 7 学分（达到黄色预警的 7 学分）' });
  });

  it('6.5 credits stay below 7; 25.5 reaches a decimal threshold exactly', () => {
    expect(evaluateWarning(facts({ failedCourses: [failed('A', { credits: '6.5' })] }), credits).tier).toBeNull();
    const r = evaluateWarning(facts({ failedCourses: [failed('A', { credits: '20' }), failed('B', { credits: '5.5' })] }), credits);
    expect(r.tier).toBe('红色预警');
    expect(r.reasons[0]!.text).toBe('补考后累计不及格课程 25.5 学分（达到红色预警的 25.5 学分）');
  });

  it('this term, 必修 only', () => {
    const term = ruleSet(tier('黄色预警', 'yellow', { kind: 'failedCredits', scope: 'term', courses: 'required', atLeast: 4 }));
    const list = [failed('A', { credits: 3 }), failed('B', { credits: 3, required: false }), failed('C', { credits: 3, term: '2025-2026-2' })];
    expect(evaluateWarning(facts({ failedCourses: list }), term).tier).toBeNull();
    const r = evaluateWarning(facts({ failedCourses: [...list, failed('D', { credits: 1 })] }), term);
    expect(texts(r)).toEqual(['本学期补考后不及格必修课 4 学分（达到黄色预警的 4 学分）']);
  });
});

describe('GPA below a line', () => {
  const gpa = ruleSet(
    tier('黄色预警', 'yellow', { kind: 'gpaBelow', scope: 'cumulative', below: '2.00' }),
    tier('橙色预警', 'orange', { kind: 'gpaBelow', scope: 'cumulative', below: '1.8' }),
  );

  it('says the GPA and the line as printed, and lists both tiers it is below', () => {
    const r = evaluateWarning(facts({ gpa: { cumulative: '1.62', term: null } }), gpa);
    expect(r.tier).toBe('橙色预警');
    expect(texts(r)).toEqual(['平均学分绩点 1.62（低于 1.80）', '平均学分绩点 1.62（低于 2.00）']);
    expect(r.reasons[0]).toMatchObject({ actual: '1.62', threshold: '1.80' });
  });

  it('exactly at the line is not below it', () => {
    expect(evaluateWarning(facts({ gpa: { cumulative: '1.80', term: null } }), gpa).tier).toBe('黄色预警');
    expect(evaluateWarning(facts({ gpa: { cumulative: '2', term: null } }), gpa).tier).toBeNull();
  });

  it('compares the GPA as printed: 1.795 prints 1.80 (四舍五入) and is not below 1.80; 1.7949… prints 1.79 and is', () => {
    expect(evaluateWarning(facts({ gpa: { cumulative: '1.795', term: null } }), gpa).tier).toBe('黄色预警');
    const r = evaluateWarning(facts({ gpa: { cumulative: '1.79499999999999999999', term: null } }), gpa);
    expect(r.tier).toBe('橙色预警');
    expect(r.reasons[0]!.text).toBe('平均学分绩点 1.79（低于 1.80）');
  });

  it('takes the unrounded GPA straight from computeGpa (17/9 = 1.888… → 1.89)', () => {
    const { gpa: value } = computeGpa([
      grades(course('A', 4), sat(85)),
      grades(course('B', 3), sat(50), sat(72, { kind: '补考', term: '2024-2025-2' })),
      grades(course('C', 2), sat(58)),
    ]);
    const line = ruleSet(tier('黄色预警', 'yellow', { kind: 'gpaBelow', scope: 'cumulative', below: '1.9' }));
    expect(texts(evaluateWarning(facts({ gpa: { cumulative: value!.toString(), term: null } }), line))).toEqual(['平均学分绩点 1.89（低于 1.90）']);
  });

  it('no GPA (null or the display dash) never triggers; a term line reads the term GPA', () => {
    expect(evaluateWarning(facts({ gpa: { cumulative: null, term: null } }), gpa).tier).toBeNull();
    expect(evaluateWarning(facts({ gpa: { cumulative: '—', term: '0.5' } }), gpa).tier).toBeNull();
    const term = ruleSet(tier('黄色预警', 'yellow', { kind: 'gpaBelow', scope: 'term', below: '1.5' }));
    expect(texts(evaluateWarning(facts({ gpa: { cumulative: '3.00', term: '1.2' } }), term))).toEqual(['本学期平均学分绩点 1.20（低于 1.50）']);
    expect(evaluateWarning(facts({ gpa: { cumulative: '1.00', term: '3.2' } }), term).tier).toBeNull();
  });

  it('refuses GPA text that is not a decimal (the storage step’s error, not a student’s)', () => {
    expect(() => evaluateWarning(facts({ gpa: { cumulative: '1,62', term: null } }), gpa)).toThrow(RangeError);
  });
});

describe('absence hours this term', () => {
  const absence = ladder((n) => ({ kind: 'absenceHours', atLeast: n as number }), 13, 21, 31);

  it('12 → none, 13 → 黄 exactly at the line, 24 → 橙 with both reasons', () => {
    expect(evaluateWarning(facts({ absenceHours: 12 }), absence).tier).toBeNull();
    expect(texts(evaluateWarning(facts({ absenceHours: 13 }), absence))).toEqual(['本学期旷课 13 学时（达到黄色预警的 13 学时）']);
    const r = evaluateWarning(facts({ absenceHours: 24 }), absence);
    expect(r.tier).toBe('橙色预警');
    expect(texts(r)).toEqual(['本学期旷课 24 学时（达到橙色预警的 21 学时）', '本学期旷课 24 学时（达到黄色预警的 13 学时）']);
  });
});

describe('an active 处分 at or above a level', () => {
  const sanction = ladder((n) => ({ kind: 'sanction', atLeast: n as SanctionLevel }), '严重警告', '记过', '留校察看');
  const at = (...activeSanctions: SanctionLevel[]) => evaluateWarning(facts({ activeSanctions }), sanction);

  it('警告 is below 严重警告: no warning', () => {
    expect(at('警告').tier).toBeNull();
  });

  it('the heaviest active 处分 decides, whatever the order given', () => {
    expect(at('严重警告').tier).toBe('黄色预警');
    expect(at('记过', '警告').tier).toBe('橙色预警');
    const r = at('警告', '留校察看', '记过');
    expect(r.tier).toBe('红色预警');
    expect(texts(r)).toEqual([
      '留校察看处分未解除（达到红色预警的留校察看）',
      '留校察看处分未解除（达到橙色预警的记过）',
      '留校察看处分未解除（达到黄色预警的严重警告）',
    ]);
    expect(r.reasons[1]).toMatchObject({ actual: '留校察看', threshold: '记过' });
  });

  it('none active: nothing', () => {
    expect(at().tier).toBeNull();
  });
});

describe('tiers and reasons together', () => {
  const rules = ruleSet(
    tier('黄色预警', 'yellow', { kind: 'absenceHours', atLeast: 13 }, { kind: 'failedCourses', scope: 'cumulative', courses: 'required', atLeast: 2 }),
    tier('橙色预警', 'orange', { kind: 'failedCourses', scope: 'cumulative', courses: 'required', atLeast: 3 }, { kind: 'gpaBelow', scope: 'cumulative', below: '1.80' }),
    tier('红色预警', 'red', { kind: 'sanction', atLeast: '留校察看' }, { kind: 'failedCourses', scope: 'cumulative', courses: 'required', atLeast: 5 }),
  );

  it('the highest tier wins and every trigger that fired is listed, highest tier first, in each tier’s order', () => {
    const r = evaluateWarning(facts({ failedCourses: failedMany(3), absenceHours: 24, gpa: { cumulative: '1.62', term: null }, activeSanctions: ['记过'] }), rules);
    expect(r).toMatchObject({ tier: '橙色预警', colour: 'orange', excluded: null });
    expect(texts(r)).toEqual([
      '补考后累计不及格必修课 3 门（达到橙色预警的 3 门）',
      '平均学分绩点 1.62（低于 1.80）',
      '本学期旷课 24 学时（达到黄色预警的 13 学时）',
      '补考后累计不及格必修课 3 门（达到黄色预警的 2 门）',
    ]);
  });

  it('a single trigger of a high tier is enough, even with nothing in the lower tiers', () => {
    const r = evaluateWarning(facts({ activeSanctions: ['留校察看'] }), rules);
    expect(r.tier).toBe('红色预警');
    expect(texts(r)).toEqual(['留校察看处分未解除（达到红色预警的留校察看）']);
  });

  it('strongestReasons keeps, per thing measured, the highest tier’s sentence (for a notice)', () => {
    const r = evaluateWarning(facts({ failedCourses: failedMany(5), absenceHours: 13 }), rules);
    expect(r.reasons).toHaveLength(4);
    expect(strongestReasons(r).map((x) => x.text)).toEqual(['补考后累计不及格必修课 5 门（达到红色预警的 5 门）', '本学期旷课 13 学时（达到黄色预警的 13 学时）']);
  });

  it('nothing fires: no tier, no reasons', () => {
    expect(evaluateWarning(facts(), rules)).toEqual({ tier: null, colour: null, excluded: null, reasons: [] });
  });

  it('refuses facts the storage step should never produce', () => {
    expect(() => evaluateWarning(facts({ term: '2026-2027-3' }), rules)).toThrow(RangeError);
    expect(() => evaluateWarning(facts({ absenceHours: -1 }), rules)).toThrow(RangeError);
  });
});

describe('students not 在籍在校 are excluded, with the reason', () => {
  const rules = ruleSet(tier('红色预警', 'red', { kind: 'failedCourses', scope: 'cumulative', courses: 'all', atLeast: 1 } satisfies WarningTrigger));
  const heavy = { failedCourses: failedMany(6), absenceHours: 99, activeSanctions: ['留校察看' as const] };

  it('休学 and 保留学籍 keep the 学籍 but are left out however bad the record', () => {
    expect(evaluateWarning(facts({ status: 'suspended', ...heavy }), rules)).toEqual({ tier: null, colour: null, excluded: '休学期间，不参与学业预警', reasons: [] });
    expect(evaluateWarning(facts({ status: 'retained', ...heavy }), rules)).toEqual({ tier: null, colour: null, excluded: '保留学籍期间，不参与学业预警', reasons: [] });
  });

  it('any other status is named; an unknown code is not shown to the user', () => {
    expect(exclusionReason('withdrawn')).toBe('学籍状态为“退学”，不参与学业预警');
    expect(exclusionReason('graduated')).toBe('学籍状态为“毕业”，不参与学业预警');
    expect(exclusionReason('admission_retained')).toBe('学籍状态为“保留入学资格”，不参与学业预警');
    expect(exclusionReason('bogus')).toBe('学籍状态不明，不参与学业预警');
    expect(exclusionReason('enrolled')).toBeNull();
    expect(evaluateWarning(facts({ status: 'enrolled', ...heavy }), rules).tier).toBe('红色预警');
  });

  it('an excluded student’s facts are not even checked', () => {
    expect(evaluateWarning(facts({ status: 'suspended', term: 'x' }), rules).excluded).toBe('休学期间，不参与学业预警');
  });
});
