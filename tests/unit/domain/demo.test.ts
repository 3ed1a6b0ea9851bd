import { describe, it, expect } from 'vitest';
import {
  DEMO_COHORTS,
  demoStatusUntil,
  generateDemoOrganisation,
  generateDemoStudents,
  mulberry32,
  type DemoStudent,
} from '../../../shared/domain/demo';
import { validateIdNumber } from '../../../shared/domain/idcard';
import { ETHNICITIES, POLITICAL_STATUSES, isStudentStatusCode } from '../../../shared/domain/codes';
import { SAMPLE_COUNTIES, regionName } from '../../../shared/domain/regions';

const asOf = new Date(2030, 0, 1);

describe('mulberry32', () => {
  it('is deterministic and returns floats in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });
});

describe('generateDemoOrganisation', () => {
  const org = generateDemoOrganisation(1);

  it('is deterministic per seed', () => {
    expect(generateDemoOrganisation(1)).toEqual(org);
    expect(generateDemoOrganisation(2)).not.toEqual(org);
  });

  it('has 8 专科 majors with real 2021 catalogue codes', () => {
    expect(org.majors.map((m) => [m.code, m.name])).toEqual([
      ['510201', '计算机应用技术'],
      ['510202', '计算机网络技术'],
      ['510203', '软件技术'],
      ['510205', '大数据技术'],
      ['510206', '云计算技术应用'],
      ['510207', '信息安全技术应用'],
      ['510209', '人工智能技术应用'],
      ['510101', '电子信息工程技术'],
    ]);
    for (const m of org.majors) {
      expect(m.level).toBe('专科');
      expect(m.programLength).toBe('3');
      expect(m.studyForm).toBe('普通全日制');
    }
  });

  it('has at least one class per major and cohort, with well-formed names and unique keys', () => {
    for (const cohort of DEMO_COHORTS) {
      for (const m of org.majors) {
        expect(org.classes.some((c) => c.cohort === cohort && c.majorCode === m.code)).toBe(true);
      }
    }
    expect(new Set(org.classes.map((c) => c.key)).size).toBe(org.classes.length);
    expect(new Set(org.classes.map((c) => c.name)).size).toBe(org.classes.length);
    for (const c of org.classes) {
      const major = org.majors.find((m) => m.code === c.majorCode)!;
      expect(c.name).toBe(`${major.shortName}${String(c.cohort % 100)}${c.key.slice(-2)}班`);
      expect(c.headTeacher).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    }
    expect(org.classes.some((c) => c.name === '计算机应用2401班')).toBe(true);
  });
});

describe('generateDemoStudents', () => {
  const org = generateDemoOrganisation(7);
  const students = generateDemoStudents(7, 2000, org);

  it('is deterministic per seed and returns the requested count', () => {
    expect(students).toHaveLength(2000);
    expect(generateDemoStudents(7, 2000, org)).toEqual(students);
    expect(generateDemoStudents(8, 50, org)).not.toEqual(students.slice(0, 50));
    expect(generateDemoStudents(7, 0, org)).toEqual([]);
  });

  it('rejects a bad count or an empty organisation', () => {
    expect(() => generateDemoStudents(1, -1, org)).toThrow(RangeError);
    expect(() => generateDemoStudents(1, 1.5, org)).toThrow(RangeError);
    expect(() => generateDemoStudents(1, 1, { ...org, classes: [] })).toThrow(RangeError);
  });

  it('every ID is valid and agrees with gender and birth date', () => {
    for (const s of students) {
      const r = validateIdNumber(s.idNumber, { asOf });
      if (!r.ok) throw new Error(`${s.idNumber}: ${r.message}`);
      expect(r.gender).toBe(s.gender);
      expect(r.birthDate).toBe(s.birthDate);
      expect(r.warnings).toEqual([]);
    }
  });

  it('birth dates lie in 2003–2008', () => {
    for (const s of students) {
      expect(s.birthDate >= '2003-01-01' && s.birthDate <= '2008-12-31', s.birthDate).toBe(true);
    }
  });

  it('spreads ID regions over many provinces of SAMPLE_COUNTIES; 籍贯 is the ID region name', () => {
    const countyCodes = new Set(SAMPLE_COUNTIES.map((c) => c.code));
    const provinces = new Set<string>();
    for (const s of students) {
      const region = s.idNumber.slice(0, 6);
      expect(countyCodes.has(region)).toBe(true);
      expect(s.nativePlace).toBe(regionName(region));
      expect(SAMPLE_COUNTIES.some((c) => c.name === s.sourceRegion)).toBe(true);
      expect(s.address.startsWith(s.nativePlace)).toBe(true);
      provinces.add(region.slice(0, 2));
    }
    expect(provinces.size).toBeGreaterThanOrEqual(25);
  });

  it('student numbers, exam numbers and classes are consistent', () => {
    const classes = new Map(org.classes.map((c) => [c.key, c]));
    for (const s of students) {
      const cls = classes.get(s.classKey);
      expect(cls).toBeDefined();
      expect(s.majorCode).toBe(cls!.majorCode);
      expect(s.cohort).toBe(cls!.cohort);
      expect(s.studentNo).toMatch(new RegExp(`^${s.cohort}${s.majorCode}\\d{3}$`));
      expect(s.examNo).toMatch(/^\d{14}$/);
      expect(s.examNo.slice(0, 2)).toBe(String(s.cohort % 100));
      expect(s.enrolmentDate).toBe(`${s.cohort}-09-01`);
      expect(s.expectedGraduationDate).toBe(`${s.cohort + 3}-06-30`);
    }
    expect(new Set(students.map((s) => s.studentNo)).size).toBe(students.length);
    expect(new Set(students.map((s) => s.examNo)).size).toBe(students.length);
  });

  it('names, contact data and dormitories look realistic', () => {
    for (const s of students) {
      expect(s.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      expect(s.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(s.guardian.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(['父亲', '母亲']).toContain(s.guardian.relation);
      expect(s.guardian.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      expect(s.dormitory).toMatch(/^\d{1,2}号楼-[1-6]\d{2}$/);
    }
    const names = students.map((s) => s.name);
    expect(names.some((n) => /^(欧阳|司马)/.test(n))).toBe(true);
    for (const polyphonic of ['单', '曾', '解', '区', '仇', '查']) {
      expect(names.some((n) => n.startsWith(polyphonic)), polyphonic).toBe(true);
    }
    // Given names of one and of two characters both occur.
    expect(names.some((n) => n.length === 2)).toBe(true);
    expect(names.some((n) => n.length === 3)).toBe(true);
  });

  it('uses valid code-table values with a realistic distribution', () => {
    const count = (pred: (s: DemoStudent) => boolean) => students.filter(pred).length;
    const ethnicities = new Set(ETHNICITIES.map((e) => e.code));
    const political = new Set(POLITICAL_STATUSES.map((p) => p.code));
    for (const s of students) {
      expect(ethnicities.has(s.ethnicityCode)).toBe(true);
      expect(political.has(s.politicalStatusCode)).toBe(true);
      expect(isStudentStatusCode(s.status)).toBe(true);
      expect(['enrolled', 'suspended', 'withdrawn']).toContain(s.status);
    }
    expect(count((s) => s.ethnicityCode === '01')).toBeGreaterThan(1600);
    expect(count((s) => s.ethnicityCode !== '01')).toBeGreaterThan(50);
    expect(count((s) => s.politicalStatusCode === '03')).toBeGreaterThan(1000);
    expect(count((s) => s.politicalStatusCode === '13')).toBeGreaterThan(200);
    const probationary = count((s) => s.politicalStatusCode === '02');
    expect(probationary).toBeGreaterThan(0);
    expect(probationary).toBeLessThan(200);
    expect(count((s) => s.status === 'enrolled')).toBeGreaterThan(1900);
    expect(count((s) => s.status === 'suspended')).toBeGreaterThan(0);
    expect(count((s) => s.status === 'withdrawn')).toBeGreaterThan(0);
    // Both genders, in both dormitory building parities.
    expect(count((s) => s.gender === '1')).toBeGreaterThan(800);
    expect(count((s) => s.gender === '2')).toBeGreaterThan(600);
  });

  it('gives every 休学 student a 预计复学日期 relative to the load day: some overdue, some within 30 days, the rest later', () => {
    const suspended = students.filter((s) => s.status === 'suspended');
    expect(suspended.length).toBeGreaterThan(20);
    for (const s of students) {
      if (s.status === 'suspended') expect(s.statusUntilDays).toEqual(expect.any(Number));
      else expect(s.statusUntilDays).toBeNull();
    }
    const days = suspended.map((s) => s.statusUntilDays!);
    expect(days.every((d) => d >= -45 && d <= 330)).toBe(true);
    expect(days.some((d) => d < 0)).toBe(true);
    expect(days.some((d) => d >= 0 && d <= 30)).toBe(true);
    expect(days.filter((d) => d > 30).length).toBeGreaterThan(days.length / 3);
    expect(demoStatusUntil({ statusUntilDays: -3 }, '2026-03-01')).toBe('2026-02-26');
    expect(demoStatusUntil({ statusUntilDays: 30 }, '2026-12-03')).toBe('2027-01-02');
    expect(demoStatusUntil({ statusUntilDays: null }, '2026-12-03')).toBeNull();
  });

  it('has no duplicate ID, student or exam numbers for 100 000 students, in reasonable time', () => {
    const start = performance.now();
    const many = generateDemoStudents(2024, 100_000, org);
    const elapsed = performance.now() - start;
    expect(many).toHaveLength(100_000);
    expect(new Set(many.map((s) => s.idNumber)).size).toBe(100_000);
    expect(new Set(many.map((s) => s.studentNo)).size).toBe(100_000);
    expect(new Set(many.map((s) => s.examNo)).size).toBe(100_000);
    // Student numbers widen uniformly (4-digit seq) once a cohort/major exceeds 999.
    expect(new Set(many.map((s) => s.studentNo.length)).size).toBe(1);
    expect(elapsed).toBeLessThan(10_000);
    // Spot-check validity across the whole range.
    for (let i = 0; i < many.length; i += 997) {
      expect(validateIdNumber(many[i]!.idNumber, { asOf }).ok).toBe(true);
    }
  });
});
