import { describe, expect, it } from 'vitest';
import {
  BASE_RULES,
  auditGraduation,
  type CourseFact,
  type GraduationFacts,
  type GraduationRule,
} from '../../../../shared/domain/graduation/rules';

const pass = (code: string, name: string, credits: number | string, module: string): CourseFact => ({
  code,
  name,
  credits,
  module,
  passed: true,
  scoreText: '80 分',
  attemptKind: '正考',
});

/** A small hand-worked plan: 20 credits in all, 专业核心课 ≥ 8, 公共选修课 counting at most 4. */
const RULES: GraduationRule[] = [
  { kind: 'totalCredits', min: 20, caps: [{ module: '公共选修课', max: 4 }] },
  { kind: 'moduleCredits', module: '专业核心课', min: 8 },
  {
    kind: 'requiredCourses',
    courses: [
      { code: 'C01', name: '数据库原理' },
      { code: 'C02', name: '程序设计基础' },
      { code: 'G01', name: '军事理论' },
    ],
  },
  ...BASE_RULES,
];

const COURSES: CourseFact[] = [
  pass('C01', '数据库原理', 4, '专业核心课'),
  pass('C02', '程序设计基础', 4, '专业核心课'),
  pass('G01', '军事理论', 2, '公共基础课'),
  pass('G02', '大学英语', 6, '公共基础课'),
  pass('E01', '书法欣赏', 2, '公共选修课'),
  pass('E02', '影视鉴赏', 2, '公共选修课'),
];

const facts = (over: Partial<GraduationFacts> = {}): GraduationFacts => ({
  courses: COURSES,
  fitnessScore: 72,
  certificates: [],
  yearsStudied: 3,
  maxYears: 5,
  ...over,
});

describe('auditGraduation', () => {
  it('a student meeting every rule graduates, with the counts shown', () => {
    const r = auditGraduation(facts(), RULES);
    expect(r.outcome).toBe('毕业');
    expect(r.deficiencies).toEqual([]);
    expect(r.mayExtend).toBe(false);
    expect(r.checks[0]).toMatchObject({ label: '总学分', required: '20', actual: '20', passed: true, leftOut: [] });
    expect(r.checks[1]).toMatchObject({ label: '专业核心课', required: '8', actual: '8' });
  });

  it('a failed required course: every check it touches says why, line by line', () => {
    const failed: CourseFact = { ...COURSES[0]!, passed: false, scoreText: '45 分', attemptKind: '补考' };
    const r = auditGraduation(facts({ courses: [failed, ...COURSES.slice(1)] }), RULES);
    expect(r.outcome).toBe('结业');
    expect(r.mayExtend).toBe(true);
    expect(r.deficiencies).toEqual([
      '总学分 还差 4 学分：未通过 数据库原理（4 学分，补考 45 分）',
      '专业核心课 还差 4 学分：未通过 数据库原理（4 学分，补考 45 分）',
      '必修课程 未完成 1 门：未通过 数据库原理（4 学分，补考 45 分）',
    ]);
    const core = r.checks[1]!;
    expect(core).toMatchObject({ passed: false, required: '8', actual: '4' });
    expect(core.counted.map((c) => c.name)).toEqual(['程序设计基础']);
    expect(core.leftOut).toEqual([{ code: 'C01', name: '数据库原理', credits: '4', why: '补考 45 分' }]);
  });

  it('a required course with no grade at all is named as missing', () => {
    const r = auditGraduation(facts({ courses: COURSES.filter((c) => c.code !== 'G01').concat(pass('G03', '体育', 2, '公共基础课')) }), RULES);
    expect(r.deficiencies).toEqual(['必修课程 未完成 1 门：没有成绩 军事理论']);
    expect(r.checks[2]!.leftOut).toEqual([{ code: 'G01', name: '军事理论', credits: '', why: '没有成绩' }]);
  });

  it('a module short of credits with nothing failed still says how much is missing', () => {
    const rules: GraduationRule[] = [{ kind: 'moduleCredits', module: '专业核心课', min: 10.5 }];
    const r = auditGraduation(facts(), rules);
    expect(r.deficiencies).toEqual(['专业核心课 还差 2.5 学分']);
  });

  it('a cap counts only part of a module toward the total, and says what was left out', () => {
    // 3 electives of 2 credits under a 4-credit cap: 2 + 2 count, the third does not. With 大学英语 at
    // 4 credits the uncapped sum would be 20 (a pass); capped it is 18, so 2 short.
    const courses = [
      ...COURSES.filter((c) => c.code !== 'G02'),
      pass('G02', '大学英语', 4, '公共基础课'),
      pass('E03', '音乐欣赏', 2, '公共选修课'),
    ];
    const r = auditGraduation(facts({ courses }), RULES);
    const total = r.checks[0]!;
    expect(total).toMatchObject({ passed: false, required: '20', actual: '18' });
    expect(total.leftOut).toEqual([{ code: 'E03', name: '音乐欣赏', credits: '2', why: '超出 公共选修课 计入上限 4 学分，2 学分不计' }]);
    expect(r.deficiencies).toEqual(['总学分 还差 2 学分']);
  });

  it('a cap can cut a course part-way; decimal credits add up exactly', () => {
    const courses = [pass('E1', '甲', '1.5', '公共选修课'), pass('E2', '乙', '1.5', '公共选修课'), pass('E3', '丙', '1.5', '公共选修课'), pass('X', '丁', '0.1', '其他'), pass('Y', '戊', '0.2', '其他')];
    const r = auditGraduation(facts({ courses }), [{ kind: 'totalCredits', min: '4.3', caps: [{ module: '公共选修课', max: 4 }] }]);
    const total = r.checks[0]!;
    expect(total).toMatchObject({ passed: true, actual: '4.3' });
    expect(total.counted.find((c) => c.code === 'E3')).toEqual({ code: 'E3', name: '丙', credits: '1.5', countedCredits: '1' });
    expect(total.leftOut).toEqual([{ code: 'E3', name: '丙', credits: '1.5', why: '超出 公共选修课 计入上限 4 学分，0.5 学分不计' }]);
  });

  it('fitness below 50, or missing, is a deficiency; exactly 50 passes', () => {
    expect(auditGraduation(facts({ fitnessScore: 49 }), RULES).deficiencies).toEqual(['体质健康测试 49 分，低于 50 分']);
    expect(auditGraduation(facts({ fitnessScore: null }), RULES).deficiencies).toEqual(['体质健康测试 没有成绩（须不低于 50 分）']);
    expect(auditGraduation(facts({ fitnessScore: 50 }), RULES).outcome).toBe('毕业');
  });

  it('an outstanding 作弊 void grade and being beyond 最长学习年限 are checks', () => {
    const cheated: CourseFact = { ...pass('G02', '大学英语', 6, '公共基础课'), passed: false, voidOutstanding: true, scoreText: '' };
    const r = auditGraduation(facts({ courses: [...COURSES.filter((c) => c.code !== 'G02'), cheated], yearsStudied: 6 }), RULES);
    expect(r.deficiencies).toEqual([
      '总学分 还差 6 学分：未通过 大学英语（6 学分，作弊，成绩无效）',
      '作弊无效成绩 未消除：大学英语 因作弊成绩无效，须重修通过',
      '已超过最长学习年限（最长 5 年，已学习 6 年）',
    ]);
    expect(r.mayExtend).toBe(false);
  });

  it('certificates: one of a list, and an "any" group of alternatives', () => {
    const cert: GraduationRule = { kind: 'certificate', label: '职业技能等级证书', anyOf: ['1+X Web前端开发（初级）', '计算机二级'] };
    expect(auditGraduation(facts(), [cert]).deficiencies).toEqual(['职业技能等级证书 未取得（须取得其一：1+X Web前端开发（初级）、计算机二级）']);
    expect(auditGraduation(facts({ certificates: ['计算机二级'] }), [cert]).outcome).toBe('毕业');

    const either: GraduationRule = {
      kind: 'group',
      label: '英语要求',
      need: 'any',
      rules: [
        { kind: 'certificate', label: '英语等级证书', anyOf: ['高等学校英语应用能力考试 A 级'] },
        { kind: 'moduleCredits', module: '英语拓展', min: 4 },
      ],
    };
    expect(auditGraduation(facts(), [either]).deficiencies).toEqual([
      '英语要求 未满足（满足其一即可）：英语等级证书 未取得（须取得其一：高等学校英语应用能力考试 A 级）；英语拓展 还差 4 学分',
    ]);
    expect(auditGraduation(facts({ courses: [...COURSES, pass('X1', '英语写作', 4, '英语拓展')] }), [either]).outcome).toBe('毕业');
  });

  it('an "all" group reports each failed child on its own line', () => {
    const group: GraduationRule = { kind: 'group', label: '基本要求', need: 'all', rules: BASE_RULES };
    const r = auditGraduation(facts({ fitnessScore: 40, yearsStudied: 7 }), [group]);
    expect(r.deficiencies).toEqual(['体质健康测试 40 分，低于 50 分', '已超过最长学习年限（最长 5 年，已学习 7 年）']);
    expect(r.checks[0]!.children).toHaveLength(3);
  });

  it('unpaid fees are not a graduation rule: the facts have no such field and extra data changes nothing', () => {
    const withFees = { ...facts(), unpaidFees: 5000 } as GraduationFacts;
    expect(auditGraduation(withFees, RULES).outcome).toBe('毕业');
  });
});
