import { describe, it, expect } from 'vitest';
import {
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDERS,
  POLITICAL_STATUSES,
  PROGRAM_LENGTHS,
  STUDENT_STATUSES,
  STUDY_FORMS,
  findEthnicity,
  findGender,
  findPoliticalStatus,
  isActiveStatus,
  isStudentStatusCode,
  studentStatusName,
} from '../../../shared/domain/codes';

describe('GENDERS / findGender', () => {
  it('follows GB/T 2261.1 (1 男, 2 女)', () => {
    expect(GENDERS).toEqual([
      { code: '1', name: '男' },
      { code: '2', name: '女' },
    ]);
  });

  it('finds by code, short name and full name', () => {
    expect(findGender('1')?.name).toBe('男');
    expect(findGender('女')?.code).toBe('2');
    expect(findGender(' 男性 ')?.code).toBe('1');
    expect(findGender('女性')?.code).toBe('2');
    expect(findGender('１')?.code).toBe('1');
    expect(findGender('0')).toBeNull();
    expect(findGender('')).toBeNull();
  });
});

describe('ETHNICITIES', () => {
  it('has the 56 nationalities plus 97 and 98, with 2-digit string codes', () => {
    expect(ETHNICITIES).toHaveLength(58);
    const codes = ETHNICITIES.map((e) => e.code);
    expect(new Set(codes).size).toBe(58);
    for (let i = 1; i <= 56; i++) expect(codes).toContain(String(i).padStart(2, '0'));
    expect(codes).toContain('97');
    expect(codes).toContain('98');
    for (const e of ETHNICITIES.slice(0, 56)) expect(e.name.endsWith('族')).toBe(true);
  });

  it('matches GB 3304 at spot-checked positions', () => {
    const byCode = Object.fromEntries(ETHNICITIES.map((e) => [e.code, e.name]));
    expect(byCode['01']).toBe('汉族');
    expect(byCode['08']).toBe('壮族');
    expect(byCode['29']).toBe('柯尔克孜族');
    expect(byCode['36']).toBe('毛南族');
    expect(byCode['46']).toBe('德昂族');
    expect(byCode['56']).toBe('基诺族');
    expect(byCode['97']).toBe('其他');
    expect(byCode['98']).toBe('外国血统中国籍人士');
  });
});

describe('findEthnicity', () => {
  it('accepts codes with or without the leading zero', () => {
    expect(findEthnicity('1')?.name).toBe('汉族');
    expect(findEthnicity('01')?.name).toBe('汉族');
    expect(findEthnicity('９７')?.name).toBe('其他');
  });

  it('accepts full names and names without 族', () => {
    expect(findEthnicity('柯尔克孜族')?.code).toBe('29');
    expect(findEthnicity('柯尔克孜')?.code).toBe('29');
    expect(findEthnicity(' 蒙古 ')?.code).toBe('02');
    expect(findEthnicity('汉')?.code).toBe('01');
  });

  it('maps legacy names 毛难族 → 36 and 崩龙族 → 46', () => {
    expect(findEthnicity('毛难族')?.code).toBe('36');
    expect(findEthnicity('毛难')?.code).toBe('36');
    expect(findEthnicity('崩龙族')?.code).toBe('46');
    expect(findEthnicity('崩龙')?.code).toBe('46');
  });

  it('rejects unknown names, unknown codes and non-GB groups', () => {
    expect(findEthnicity('穿青人')).toBeNull();
    expect(findEthnicity('57')).toBeNull();
    expect(findEthnicity('00')).toBeNull();
    expect(findEthnicity('')).toBeNull();
    expect(findEthnicity('族')).toBeNull();
  });
});

describe('POLITICAL_STATUSES / findPoliticalStatus', () => {
  it('has codes 01–13 in order', () => {
    expect(POLITICAL_STATUSES.map((p) => p.code)).toEqual(
      Array.from({ length: 13 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });

  it('finds by code', () => {
    expect(findPoliticalStatus('3')?.shortName).toBe('共青团员');
    expect(findPoliticalStatus('13')?.name).toBe('群众');
    expect(findPoliticalStatus('14')).toBeNull();
  });

  it('finds by full name and short name', () => {
    expect(findPoliticalStatus('中国共产主义青年团团员')?.code).toBe('03');
    expect(findPoliticalStatus('共青团员')?.code).toBe('03');
    expect(findPoliticalStatus('中共党员')?.code).toBe('01');
    expect(findPoliticalStatus('中国共产党预备党员')?.code).toBe('02');
    expect(findPoliticalStatus('群众')?.code).toBe('13');
    expect(findPoliticalStatus('无党派人士')?.code).toBe('12');
    expect(findPoliticalStatus('九三学社社员')?.code).toBe('10');
  });

  it('finds everyday aliases', () => {
    expect(findPoliticalStatus('团员')?.code).toBe('03');
    expect(findPoliticalStatus('预备党员')?.code).toBe('02');
    expect(findPoliticalStatus('党员')?.code).toBe('01');
  });

  it('returns null for unknown input', () => {
    expect(findPoliticalStatus('少先队员')).toBeNull();
    expect(findPoliticalStatus('')).toBeNull();
  });
});

describe('STUDENT_STATUSES', () => {
  it('has the §5.2 statuses with stable ASCII codes and Chinese labels', () => {
    expect(STUDENT_STATUSES.map((s) => [s.code, s.name])).toEqual([
      ['enrolled', '在籍在校'],
      ['suspended', '休学'],
      ['retained', '保留学籍'],
      ['admission_retained', '保留入学资格'],
      ['withdrawn', '退学'],
      ['transferred_out', '转出'],
      ['expelled', '开除学籍'],
      ['graduated', '毕业'],
      ['completed', '结业'],
      ['dropped_out', '肄业'],
      ['deceased', '死亡注销'],
      ['cancelled', '取消学籍'],
    ]);
    for (const s of STUDENT_STATUSES) expect(s.code).toMatch(/^[a-z_]+$/);
  });

  it('isActiveStatus is true only for enrolled, suspended and retained', () => {
    const active = STUDENT_STATUSES.filter((s) => isActiveStatus(s.code)).map((s) => s.code);
    expect(active).toEqual(['enrolled', 'suspended', 'retained']);
    expect(isActiveStatus('unknown')).toBe(false);
    expect(isActiveStatus('')).toBe(false);
  });

  it('isStudentStatusCode and studentStatusName', () => {
    expect(isStudentStatusCode('graduated')).toBe(true);
    expect(isStudentStatusCode('毕业')).toBe(false);
    expect(studentStatusName('withdrawn')).toBe('退学');
    expect(studentStatusName('nope')).toBeNull();
  });
});

describe('study forms, levels and program lengths', () => {
  it('STUDY_FORMS', () => {
    expect(STUDY_FORMS.map((s) => s.code)).toEqual(['普通全日制', '非全日制', '函授', '业余', '脱产', '网络教育']);
    for (const s of STUDY_FORMS) expect(s.name).toBe(s.code);
  });

  it('EDUCATION_LEVELS', () => {
    expect(EDUCATION_LEVELS.map((s) => s.code)).toEqual(['专科', '本科']);
  });

  it('PROGRAM_LENGTHS match the 学信网 XZ values', () => {
    expect(PROGRAM_LENGTHS.map((p) => p.code)).toEqual(['1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5', '5.5', '6', '7', '8']);
    expect(PROGRAM_LENGTHS.find((p) => p.code === '3')?.name).toBe('3 年');
  });
});
