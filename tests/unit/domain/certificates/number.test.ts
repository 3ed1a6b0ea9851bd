import { describe, expect, it } from 'vitest';
import {
  assembleCertificateNo,
  isLegacyCertificateNo,
  parseCertificateNo,
  planNumbers,
  type CertificateCandidate,
  type NumberPlanOptions,
} from '../../../../shared/domain/certificates/number';

const TODAY = new Date(2026, 5, 1);

describe('assembleCertificateNo', () => {
  it('puts school, type, year, level and the zero-padded sequence together (DOMAIN §2.1 example)', () => {
    expect(assembleCertificateNo({ schoolCode: '10476', runType: '5', year: 2016, level: '05', sequence: 701784 }, TODAY)).toEqual({
      ok: true,
      value: '104765201605701784',
    });
    const r = assembleCertificateNo({ schoolCode: '12345', runType: '1', year: 2026, level: '06', sequence: 7 }, TODAY);
    expect(r).toEqual({ ok: true, value: '123451202606000007' });
  });

  it('lists every bad part in Chinese', () => {
    const r = assembleCertificateNo({ schoolCode: '1234', runType: '3' as never, year: 2001, level: '03' as never, sequence: 1_000_000 }, TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      '学校代码“1234”应为 5 位数字',
      expect.stringContaining('办学类型代码“3”不存在'),
      '年份 2001 不在 2002–2027 之间',
      expect.stringContaining('培养层次代码“03”不存在'),
      '证书序号 1000000 应在 1–999999 之间',
    ]);
  });
});

describe('parseCertificateNo', () => {
  it('splits a valid number and round-trips it', () => {
    const r = parseCertificateNo(' 123451202606000007 ', TODAY);
    expect(r).toEqual({ ok: true, value: { schoolCode: '12345', runType: '1', year: 2026, level: '06', sequence: 7 } });
    if (r.ok) expect(assembleCertificateNo(r.value, TODAY)).toEqual({ ok: true, value: '123451202606000007' });
  });

  it('rejects wrong length, non-digits, unknown codes and years out of range', () => {
    expect(parseCertificateNo('12345120260600000', TODAY)).toEqual({
      ok: false,
      problems: ['证书编号应为 18 位数字，现为 17 位（17 位是 2002 年前的旧编号，只能查看，不能再发放）'],
    });
    expect(parseCertificateNo('1234512026060000071', TODAY)).toEqual({ ok: false, problems: ['证书编号应为 18 位数字，现为 19 位'] });
    expect(parseCertificateNo('12345-1202606000007', TODAY)).toEqual({
      ok: false,
      problems: ['证书编号只能由数字组成，不能有字母、连字符或空格'],
    });
    expect(parseCertificateNo('12345 1202606000007', TODAY).ok).toBe(false);
    expect(parseCertificateNo('', TODAY)).toEqual({ ok: false, problems: ['证书编号为空'] });

    const bad = parseCertificateNo('123452202803000000', TODAY);
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems).toEqual([
        expect.stringContaining('第 6 位办学类型代码“2”不存在'),
        '第 7–10 位年份 2028 不在 2002–2027 之间',
        expect.stringContaining('第 11–12 位培养层次代码“03”不存在'),
        '第 13–18 位证书序号不能为 000000',
      ]);
    expect(parseCertificateNo('123451200106000001', TODAY)).toEqual({ ok: false, problems: ['第 7–10 位年份 2001 不在 2002–2027 之间'] });
  });

  it('recognises 17-digit legacy numbers for read-only display', () => {
    expect(isLegacyCertificateNo('10476520010500001')).toBe(true);
    expect(isLegacyCertificateNo('104765201605701784')).toBe(false);
  });
});

describe('planNumbers', () => {
  const s = (id: number, idNumber: string, studentNo: string | null, extra: Partial<CertificateCandidate> = {}): CertificateCandidate => ({
    id,
    name: `学生${id}`,
    namePinyin: `xuesheng${id}`,
    idNumber,
    studentNo,
    kind: '毕业',
    existingNo: null,
    ...extra,
  });
  const opts: NumberPlanOptions = { schoolCode: '12345', runType: '1', year: 2026, level: '06', next: 41, today: TODAY };
  const students = [
    s(1, '110101200503070019', '2301003'),
    s(2, '110101200401010011', '2301001', { kind: '结业' }),
    s(3, '110101200612310015', null),
    s(4, '110101200502020012', '2301002'),
  ];

  it('numbers gaplessly from next, by ID number by default, 结业 in the same sequence', () => {
    const r = planNumbers(students, opts);
    expect(r).toEqual({
      ok: true,
      kept: [],
      assigned: [
        { id: 2, certificateNo: '123451202606000041', sequence: 41 },
        { id: 4, certificateNo: '123451202606000042', sequence: 42 },
        { id: 1, certificateNo: '123451202606000043', sequence: 43 },
        { id: 3, certificateNo: '123451202606000044', sequence: 44 },
      ],
    });
  });

  it('orders by 学号 when asked, students without one last', () => {
    const r = planNumbers(students, { ...opts, order: 'studentNo' });
    expect(r.ok && r.assigned.map((a) => a.id)).toEqual([2, 4, 1, 3]);
    const byPinyin = planNumbers(
      [s(1, '1', null, { name: '王五', namePinyin: 'wangwu' }), s(2, '2', null, { name: '李四', namePinyin: 'lisi' })],
      { ...opts, order: 'namePinyin' },
    );
    expect(byPinyin.ok && byPinyin.assigned.map((a) => a.id)).toEqual([2, 1]);
  });

  it('keeps an issued number (结业 → 毕业 re-issue) and leaves no gap for it', () => {
    const r = planNumbers([s(1, 'B', null), s(2, 'A', null, { existingNo: '123451202506000009' })], opts);
    expect(r).toEqual({
      ok: true,
      kept: [{ id: 2, certificateNo: '123451202506000009' }],
      assigned: [{ id: 1, certificateNo: '123451202606000041', sequence: 41 }],
    });
  });

  it('refuses the whole plan when the 6-digit sequence would overflow', () => {
    expect(planNumbers(students.slice(0, 3), { ...opts, next: 999_997 }).ok).toBe(true);
    expect(planNumbers(students, { ...opts, next: 999_997 })).toEqual({
      ok: false,
      problems: ['序号将用到 1000000，超过 6 位序号上限 999999（还可编 3 个，需要 4 个）'],
    });
  });

  it('refuses bad settings', () => {
    const r = planNumbers(students, { ...opts, next: 0, schoolCode: 'ABCDE' });
    expect(r).toEqual({ ok: false, problems: ['起始序号 0 应为不小于 1 的整数', '学校代码“ABCDE”应为 5 位数字'] });
  });
});
