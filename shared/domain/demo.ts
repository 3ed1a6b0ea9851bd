/**
 * Deterministic demo data for a 高职 department: majors, classes and students.
 *
 * Why deterministic: demos, screenshots, e2e tests and performance benchmarks
 * must see the same data for the same seed, so a seeded PRNG (mulberry32) is
 * used everywhere and Math.random is never called. All generated ID numbers
 * are valid GB 11643 numbers built on real GB/T 2260 county codes, so the demo
 * exercises the same validation paths as real data.
 */
import { addDays, format, parseISO } from 'date-fns';
import type { EducationLevel, ProgramLength, StudentStatusCode, StudyForm } from './codes';
import { idCheckChar } from './idcard';
import { SAMPLE_COUNTIES, type County } from './regions';

// ---------------------------------------------------------------------------
// PRNG

/** mulberry32: tiny, fast, good enough for test data; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from empty list');
    return item;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

// ---------------------------------------------------------------------------
// Types

export interface DemoMajor {
  /** 6-digit code from 《职业教育专业目录(2021年)》. */
  code: string;
  name: string;
  /** Used in class names: 计算机应用2401班. */
  shortName: string;
  level: EducationLevel;
  programLength: ProgramLength;
  studyForm: StudyForm;
}

export interface DemoClass {
  /** Stable key: `${cohort}-${majorCode}-${nn}`. */
  key: string;
  /** e.g. 计算机应用2401班 */
  name: string;
  majorCode: string;
  cohort: number;
  /** 班主任 */
  headTeacher: string;
}

export interface DemoOrganisation {
  departmentName: string;
  majors: DemoMajor[];
  classes: DemoClass[];
}

export interface DemoGuardian {
  name: string;
  relation: '父亲' | '母亲';
  phone: string;
}

export interface DemoStudent {
  studentNo: string;
  /** 14-digit 普通高考考生号 */
  examNo: string;
  name: string;
  /** GB/T 2261.1: '1' 男, '2' 女 — always equals the ID's 17th-digit parity. */
  gender: '1' | '2';
  /** YYYY-MM-DD, always equals ID positions 7–14. */
  birthDate: string;
  idNumber: string;
  /** GB 3304 two-digit code. */
  ethnicityCode: string;
  /** GB/T 4762 two-digit code. */
  politicalStatusCode: string;
  /** 籍贯 */
  nativePlace: string;
  /** 生源地 */
  sourceRegion: string;
  phone: string;
  address: string;
  guardian: DemoGuardian;
  classKey: string;
  majorCode: string;
  cohort: number;
  enrolmentDate: string;
  expectedGraduationDate: string;
  status: StudentStatusCode;
  /**
   * For a 休学 student, the 预计复学日期 as days from the day the demo is loaded (negative: overdue);
   * null otherwise. Relative, so the generator stays a function of the seed alone while the 待办
   * reminders (ending within 30 days, or overdue) show whatever day the demo is loaded.
   */
  statusUntilDays: number | null;
  /** e.g. 7号楼-305 */
  dormitory: string;
}

// ---------------------------------------------------------------------------
// Organisation

export const DEMO_COHORTS: readonly number[] = [2023, 2024, 2025, 2026];

/**
 * Real codes from 《职业教育专业目录(2021年)》 高职专科. Note 电子信息工程技术 is
 * 510101 (电子信息类 5101); 510301 is 现代通信技术 (通信类 5103).
 */
const MAJORS: readonly (readonly [code: string, name: string, shortName: string])[] = [
  ['510201', '计算机应用技术', '计算机应用'],
  ['510202', '计算机网络技术', '计算机网络'],
  ['510203', '软件技术', '软件技术'],
  ['510205', '大数据技术', '大数据'],
  ['510206', '云计算技术应用', '云计算'],
  ['510207', '信息安全技术应用', '信息安全'],
  ['510209', '人工智能技术应用', '人工智能'],
  ['510101', '电子信息工程技术', '电子信息'],
];

export function generateDemoOrganisation(seed: number): DemoOrganisation {
  const rng = new Rng(seed);
  const majors: DemoMajor[] = MAJORS.map(([code, name, shortName]) => ({
    code,
    name,
    shortName,
    level: '专科',
    programLength: '3',
    studyForm: '普通全日制',
  }));
  const classes: DemoClass[] = [];
  const teachers = new Set<string>();
  for (const cohort of DEMO_COHORTS) {
    for (const major of majors) {
      const count = rng.int(1, 3);
      for (let n = 1; n <= count; n++) {
        const nn = String(n).padStart(2, '0');
        let headTeacher = personName(rng, rng.chance(0.5) ? '1' : '2');
        // A teacher heads at most one class; retry a few times for a fresh name.
        for (let tries = 0; teachers.has(headTeacher) && tries < 20; tries++) {
          headTeacher = personName(rng, rng.chance(0.5) ? '1' : '2');
        }
        teachers.add(headTeacher);
        classes.push({
          key: `${cohort}-${major.code}-${nn}`,
          name: `${major.shortName}${String(cohort % 100).padStart(2, '0')}${nn}班`,
          majorCode: major.code,
          cohort,
          headTeacher,
        });
      }
    }
  }
  return { departmentName: '信息工程学院', majors, classes };
}

// ---------------------------------------------------------------------------
// Names

const COMMON_SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
/** Surnames read differently from their common reading (单 Shàn, 曾 Zēng, 解 Xiè, 区 Ōu, 仇 Qiú, 查 Zhā) — they exercise pinyin sorting/search. */
const POLYPHONIC_SURNAMES = ['单', '曾', '解', '区', '仇', '查', '朴', '盖'];
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容'];
const MALE_CHARS = Array.from('伟强磊军洋勇杰涛明超浩宇轩博文俊鹏辉斌晨阳子梓睿天泽一奕嘉铭昊然航凯瑞思源志豪家');
const FEMALE_CHARS = Array.from('芳娜敏静丽婷雪琳欣怡萱雨涵梦佳诗语晓悦彤琪瑶可馨紫慧颖璐蕾月晴妍子一思嘉安');

function surname(rng: Rng): string {
  const r = rng.int(0, 99);
  if (r < 4) return rng.pick(COMPOUND_SURNAMES);
  if (r < 10) return rng.pick(POLYPHONIC_SURNAMES);
  return rng.pick(COMMON_SURNAMES);
}

function givenName(rng: Rng, gender: '1' | '2'): string {
  const pool = gender === '1' ? MALE_CHARS : FEMALE_CHARS;
  return rng.chance(0.25) ? rng.pick(pool) : rng.pick(pool) + rng.pick(pool);
}

function personName(rng: Rng, gender: '1' | '2', familyName = surname(rng)): string {
  return familyName + givenName(rng, gender);
}

// ---------------------------------------------------------------------------
// Contact data

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152',
  '153', '155', '156', '157', '158', '159', '166', '177', '180', '181', '182', '183',
  '185', '186', '187', '188', '189', '198', '199',
];
const STREETS = ['人民路', '解放路', '建设路', '中山路', '和平路', '新华路', '胜利路', '文化路', '长江路', '黄河路', '朝阳街', '东风路'];
const TOWN_PARTS = ['城关', '新华', '永安', '兴隆', '太平', '长乐', '清河', '白沙', '石桥', '红星'];
const VILLAGE_PARTS = ['李家', '王庄', '东湖', '西岭', '南塘', '北坡', '河口', '柳树', '杨湾', '高桥'];

function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

function address(rng: Rng, county: County): string {
  if (rng.chance(0.6)) {
    return `${county.name}${rng.pick(STREETS)}${rng.int(1, 399)}号${rng.int(1, 6)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`;
  }
  return `${county.name}${rng.pick(TOWN_PARTS)}镇${rng.pick(VILLAGE_PARTS)}村${rng.int(1, 120)}号`;
}

// ---------------------------------------------------------------------------
// Students

const MINORITY_CODES = ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '17', '29'];
const DAY_MS = 86_400_000;

/** Random birth date for a cohort (mostly 18 at entry), clamped to 2003–2008. */
function birthDate(rng: Rng, cohort: number): { ymd: string; iso: string } {
  const year = Math.min(2008, Math.max(2003, cohort - 18 - rng.pick([-1, 0, 0, 0, 1, 1, 2])));
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / DAY_MS;
  const d = new Date(start + rng.int(0, days - 1) * DAY_MS);
  const y = String(d.getUTCFullYear());
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return { ymd: `${y}${m}${dd}`, iso: `${y}-${m}-${dd}` };
}

/**
 * When a demo 休学 student is due back, from the load day: a quarter overdue (up to 45 days), a third
 * within the next 30 days (both listed in 待办), the rest later in the year of the 休学.
 */
function returnInDays(rng: Rng): number {
  const roll = rng.int(0, 99);
  if (roll < 25) return -rng.int(1, 45);
  if (roll < 58) return rng.int(0, 30);
  return rng.int(31, 330);
}

/** The demo student's 预计复学日期 (status_until) when the demo is loaded on `loadDay` (YYYY-MM-DD). */
export function demoStatusUntil(s: Pick<DemoStudent, 'statusUntilDays'>, loadDay: string): string | null {
  return s.statusUntilDays === null ? null : format(addDays(parseISO(loadDay), s.statusUntilDays), 'yyyy-MM-dd');
}

/**
 * Students spread uniformly over the organisation's classes. Student numbers
 * are `${cohort}${majorCode}${seq}`; seq is 3 digits unless a cohort/major has
 * more than 999 students (large benchmarks), then all seqs widen together so
 * numbers keep one length. ID and exam numbers are drawn at random and
 * re-drawn on collision, so they are unique for any count.
 */
export function generateDemoStudents(seed: number, count: number, org: DemoOrganisation): DemoStudent[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (org.classes.length === 0) throw new RangeError('organisation has no classes');
  // Separate stream from generateDemoOrganisation so the same seed gives unrelated sequences.
  const rng = new Rng((seed ^ 0x5eed5eed) >>> 0);

  const classIdx = Array.from({ length: count }, () => rng.int(0, org.classes.length - 1));
  const perCombo = new Map<string, number>();
  for (const i of classIdx) {
    const c = org.classes[i]!;
    const k = `${c.cohort}${c.majorCode}`;
    perCombo.set(k, (perCombo.get(k) ?? 0) + 1);
  }
  const seqWidth = Math.max(3, String(Math.max(0, ...perCombo.values())).length);
  const seqCounter = new Map<string, number>();
  // The 预计复学日期 comes from a stream of its own, so adding it left every other generated value as it was.
  const untilRng = new Rng((seed ^ 0x0ddba11) >>> 0);

  const ids = new Set<string>();
  const examNos = new Set<string>();
  const students: DemoStudent[] = [];

  for (const i of classIdx) {
    const cls = org.classes[i]!;
    const combo = `${cls.cohort}${cls.majorCode}`;
    const seq = (seqCounter.get(combo) ?? 0) + 1;
    seqCounter.set(combo, seq);

    const gender: '1' | '2' = rng.chance(0.55) ? '1' : '2';
    const home = rng.pick(SAMPLE_COUNTIES);

    let idNumber = '';
    let birth = birthDate(rng, cls.cohort);
    for (;;) {
      const order = rng.int(0, 499) * 2 + (gender === '1' ? 1 : 0); // odd = male
      const first17 = `${home.code}${birth.ymd}${String(order).padStart(3, '0')}`;
      idNumber = first17 + idCheckChar(first17);
      if (!ids.has(idNumber)) break;
      birth = birthDate(rng, cls.cohort);
    }
    ids.add(idNumber);

    const source = rng.chance(0.9) ? home : rng.pick(SAMPLE_COUNTIES);
    let examNo = '';
    do {
      examNo = `${String(cls.cohort % 100).padStart(2, '0')}${source.code}${rng.digits(6)}`;
    } while (examNos.has(examNo));
    examNos.add(examNo);

    const familyName = surname(rng);
    const fatherIsGuardian = rng.chance(0.6);
    const roll = rng.int(0, 99);
    const status: StudentStatusCode = roll < 2 ? 'suspended' : roll < 3 ? 'withdrawn' : 'enrolled';
    const politicalRoll = rng.int(0, 99);

    students.push({
      studentNo: `${cls.cohort}${cls.majorCode}${String(seq).padStart(seqWidth, '0')}`,
      examNo,
      name: personName(rng, gender, familyName),
      gender,
      birthDate: birth.iso,
      idNumber,
      ethnicityCode: rng.chance(0.9) ? '01' : rng.pick(MINORITY_CODES),
      politicalStatusCode: politicalRoll < 3 ? '02' : politicalRoll < 75 ? '03' : '13',
      nativePlace: home.name,
      sourceRegion: source.name,
      phone: mobile(rng),
      address: address(rng, home),
      guardian: {
        // The father usually shares the student's surname; the mother usually does not.
        name: fatherIsGuardian ? personName(rng, '1', familyName) : personName(rng, '2'),
        relation: fatherIsGuardian ? '父亲' : '母亲',
        phone: mobile(rng),
      },
      classKey: cls.key,
      majorCode: cls.majorCode,
      cohort: cls.cohort,
      enrolmentDate: `${cls.cohort}-09-01`,
      expectedGraduationDate: `${cls.cohort + 3}-06-30`,
      status,
      statusUntilDays: status === 'suspended' ? returnInDays(untilRng) : null,
      // Odd-numbered buildings house male students, even-numbered female students.
      dormitory: `${rng.int(1, 6) * 2 - (gender === '1' ? 1 : 0)}号楼-${rng.int(1, 6)}${String(rng.int(1, 30)).padStart(2, '0')}`,
    });
  }
  return students;
}
