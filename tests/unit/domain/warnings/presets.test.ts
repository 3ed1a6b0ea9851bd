import { describe, expect, it } from 'vitest';
import { evaluateWarning, PRESET_FOUR_TIER, PRESET_THREE_TIER, ruleSetProblems, tierOrder, WARNING_PRESETS } from '../../../../shared/domain/warnings';
import { facts, failed, failedMany } from './fixtures';

const texts = (r: ReturnType<typeof evaluateWarning>) => r.reasons.map((x) => x.text);

describe('the presets', () => {
  it('both can be saved as they are', () => {
    for (const p of WARNING_PRESETS) expect(ruleSetProblems(p), p.name).toEqual([]);
  });

  it('tiers and colours as DOMAIN.md §6 names them', () => {
    expect(tierOrder(PRESET_THREE_TIER)).toEqual(['黄色预警', '橙色预警', '红色预警']);
    expect(PRESET_THREE_TIER.tiers.map((t) => t.colour)).toEqual(['yellow', 'orange', 'red']);
    expect(tierOrder(PRESET_FOUR_TIER)).toEqual(['蓝色预警', '黄色预警', '橙色预警', '红色预警']);
    expect(PRESET_FOUR_TIER.tiers.map((t) => t.colour)).toEqual(['blue', 'yellow', 'orange', 'red']);
  });
});

describe('four tiers 蓝/黄/橙/红 (齐齐哈尔工程学院), worked examples', () => {
  const run = (over: Parameters<typeof facts>[0]) => evaluateWarning(facts(over), PRESET_FOUR_TIER);

  it('旷课 12 学时 alone: 蓝; 11: nothing', () => {
    expect(run({ absenceHours: 11 }).tier).toBeNull();
    const r = run({ absenceHours: 12 });
    expect(r.tier).toBe('蓝色预警');
    expect(texts(r)).toEqual(['本学期旷课 12 学时（达到蓝色预警的 12 学时）']);
  });

  it('3 必修 failed over two terms, 旷课 15 学时, a 严重警告: 橙, with all six reasons', () => {
    const r = run({
      failedCourses: [failed('A', { term: '2025-2026-2' }), failed('B'), failed('C')],
      absenceHours: 15,
      activeSanctions: ['严重警告'],
    });
    expect(r.tier).toBe('橙色预警');
    expect(texts(r)).toEqual([
      '补考后累计不及格必修课 3 门（达到橙色预警的 3 门）',
      '本学期旷课 15 学时（达到黄色预警的 13 学时）',
      '补考后累计不及格必修课 3 门（达到黄色预警的 2 门）',
      '本学期旷课 15 学时（达到蓝色预警的 12 学时）',
      '补考后累计不及格必修课 3 门（达到蓝色预警的 1 门）',
      '严重警告处分未解除（达到蓝色预警的警告）',
    ]);
  });

  it('4 必修 failed: 红; failed electives are not 必修 and do not count', () => {
    expect(run({ failedCourses: failedMany(3, { required: false }) }).tier).toBeNull();
    const r = run({ failedCourses: [...failedMany(4), failed('X', { required: false })] });
    expect(r.tier).toBe('红色预警');
    expect(r.reasons[0]!.text).toBe('补考后累计不及格必修课 4 门（达到红色预警的 4 门）');
  });

  it('记过: 黄; 留校察看: 橙 (开除学籍 is not a trigger: the student would no longer be 在籍)', () => {
    expect(run({ activeSanctions: ['记过'] }).tier).toBe('黄色预警');
    expect(run({ activeSanctions: ['留校察看'] }).tier).toBe('橙色预警');
    expect(evaluateWarning(facts({ status: 'expelled', activeSanctions: ['留校察看'] }), PRESET_FOUR_TIER).excluded).toBe('学籍状态为“开除学籍”，不参与学业预警');
  });

  it('旷课 20 / 21 / 30 / 31 学时: the band edges', () => {
    expect([20, 21, 30, 31].map((absenceHours) => run({ absenceHours }).tier)).toEqual(['黄色预警', '橙色预警', '橙色预警', '红色预警']);
  });

  it('a 休学 student with four failures is left out', () => {
    expect(run({ status: 'suspended', failedCourses: failedMany(4) })).toMatchObject({ tier: null, excluded: '休学期间，不参与学业预警' });
  });
});

describe('three tiers 黄/橙/红 (高职, 湖南安全技术职业学院 style), worked examples', () => {
  const run = (over: Parameters<typeof facts>[0]) => evaluateWarning(facts(over), PRESET_THREE_TIER);

  it('two courses, 4 + 3 学分 (one an elective): 黄 by credits only (2 门 < 3)', () => {
    const r = run({ failedCourses: [failed('A', { credits: 4 }), failed('B', { credits: 3, required: false })] });
    expect(r.tier).toBe('黄色预警');
    expect(texts(r)).toEqual(['补考后累计不及格课程 7 学分（达到黄色预警的 7 学分）']);
  });

  it('6.5 学分 over 2 courses: nothing yet', () => {
    expect(run({ failedCourses: [failed('A', { credits: 4 }), failed('B', { credits: '2.5' })] }).tier).toBeNull();
  });

  it('five 2-学分 courses: 橙 by count, and 黄 by credits and by count', () => {
    const r = run({ failedCourses: failedMany(5) });
    expect(r.tier).toBe('橙色预警');
    expect(texts(r)).toEqual([
      '补考后累计不及格课程 5 门（达到橙色预警的 5 门）',
      '补考后累计不及格课程 10 学分（达到黄色预警的 7 学分）',
      '补考后累计不及格课程 5 门（达到黄色预警的 3 门）',
    ]);
  });

  it('four 4-学分 courses = 16 学分: 橙 by credits', () => {
    const r = run({ failedCourses: failedMany(4, { credits: 4 }) });
    expect(r.tier).toBe('橙色预警');
    expect(r.reasons[0]!.text).toBe('补考后累计不及格课程 16 学分（达到橙色预警的 16 学分）');
  });

  it('记过 and 旷课 20 学时: 橙 by the 处分, 黄 by both', () => {
    const r = run({ activeSanctions: ['记过'], absenceHours: 20 });
    expect(r.tier).toBe('橙色预警');
    expect(texts(r)).toEqual(['记过处分未解除（达到橙色预警的记过）', '本学期旷课 20 学时（达到黄色预警的 13 学时）', '记过处分未解除（达到黄色预警的警告）']);
  });

  it('留校察看, or 8 failed courses, or 25 学分: 红', () => {
    expect(run({ activeSanctions: ['留校察看'] }).tier).toBe('红色预警');
    expect(run({ failedCourses: failedMany(8, { credits: 1 }) }).tier).toBe('红色预警');
    expect(run({ failedCourses: failedMany(5, { credits: 5 }) }).tier).toBe('红色预警');
    expect(run({ failedCourses: failedMany(7, { credits: '3.5' }) }).tier).toBe('橙色预警'); // 24.5 学分, 7 门
  });

  it('保留学籍 is left out', () => {
    expect(run({ status: 'retained', failedCourses: failedMany(9) }).excluded).toBe('保留学籍期间，不参与学业预警');
  });
});
