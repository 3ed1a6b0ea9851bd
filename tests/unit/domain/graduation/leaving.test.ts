import { describe, expect, it } from 'vitest';
import { leavingDocument, yearsText, type LeavingInput } from '../../../../shared/domain/graduation/leaving';

const withdrawn = (left: string, extra: LeavingInput['statusEvents'] = []): LeavingInput => ({
  status: 'withdrawn', enrolmentDate: '2023-09-01',
  statusEvents: [{ effective: '2023-09-01', status: 'enrolled' }, ...extra, { effective: left, status: 'withdrawn' }],
});
const decide = (input: LeavingInput, minYears?: number) => {
  const r = leavingDocument(input, minYears === undefined ? undefined : { minYears });
  if (!r.ok) throw new Error(r.problem);
  return r.decision;
};

describe('肄业证书 or 学习证明 for a student who left', () => {
  it('退学 on the first anniversary of 入学 has studied exactly a full year: 肄业证书; the day before: 学习证明', () => {
    const year = decide(withdrawn('2024-09-01'));
    expect(year).toMatchObject({ document: 'incomplete', title: '肄业证书', daysStudied: 366, fullYears: true, leftOn: '2024-09-01' });
    expect(year.reason).toBe('入学 2023-09-01，退学 2024-09-01，学满一学年以上');
    const short = decide(withdrawn('2024-08-31'));
    expect(short).toMatchObject({ document: 'studyRecord', title: '学习证明', daysStudied: 365, fullYears: false });
    expect(short.reason).toBe('入学 2023-09-01，退学 2024-08-31，未满一学年');
    expect(decide(withdrawn('2024-12-10')).reason).toBe('入学 2023-09-01，退学 2024-12-10，学满一学年以上');
  });

  it('does not count 休学 inside the study: the line moves by the break', () => {
    const suspended = [{ effective: '2024-03-01', status: 'suspended' }, { effective: '2024-04-01', status: 'enrolled' }];
    const r = decide(withdrawn('2024-09-01', suspended));
    expect(r).toMatchObject({ document: 'studyRecord', daysStudied: 366 - 31, breaks: [{ from: '2024-03-01', to: '2024-04-01' }] });
    expect(r.reason).toBe('入学 2023-09-01，退学 2024-09-01，2024-03-01 至 2024-04-01 休学不计，实际在校学习 335 天，未满一学年');
    // 31 days later the year of study is complete.
    expect(decide(withdrawn('2024-10-02', suspended)).document).toBe('incomplete');
    expect(decide(withdrawn('2024-10-01', suspended)).document).toBe('studyRecord');
  });

  it('a 休学 still running when the student withdraws counts up to the 退学 day', () => {
    const r = decide(withdrawn('2025-09-01', [{ effective: '2024-06-01', status: 'suspended' }]));
    expect(r).toMatchObject({ document: 'studyRecord', breaks: [{ from: '2024-06-01', to: '2025-09-01' }], daysStudied: 274 });
  });

  it('开除学籍 gets a 学习证明 however long the student studied', () => {
    const r = decide({ status: 'expelled', enrolmentDate: '2022-09-01', statusEvents: [{ effective: '2025-03-15', status: 'expelled' }] });
    expect(r).toMatchObject({ document: 'studyRecord', fullYears: true });
    expect(r.reason).toBe('入学 2022-09-01，开除学籍 2025-03-15，开除学籍者只发学习证明（41号令第五十八条）');
  });

  it('the line is the school’s: two years, or half a year', () => {
    expect(decide(withdrawn('2024-12-10'), 2)).toMatchObject({ document: 'studyRecord' });
    expect(decide(withdrawn('2024-12-10'), 2).reason).toContain('未满两学年');
    expect(decide(withdrawn('2024-03-01'), 0.5)).toMatchObject({ document: 'incomplete' });
    expect(decide(withdrawn('2024-02-29'), 0.5).reason).toContain('未满半学年');
    expect(yearsText(1.5)).toBe('1.5学年');
  });

  it('says what is missing instead of guessing', () => {
    expect(leavingDocument({ status: 'enrolled', enrolmentDate: '2023-09-01', statusEvents: [] })).toEqual({ ok: false, problem: '该生不是退学或开除学籍的学生' });
    expect(leavingDocument({ ...withdrawn('2024-09-01'), enrolmentDate: null })).toMatchObject({ ok: false, problem: expect.stringContaining('没有入学日期') });
    expect(leavingDocument({ status: 'withdrawn', enrolmentDate: '2023-09-01', statusEvents: [] })).toMatchObject({ ok: false, problem: '学籍异动中没有记录退学日期，无法计算在校学习时间：请先在学籍异动中补录' });
    expect(leavingDocument(withdrawn('2023-08-01'))).toMatchObject({ ok: false, problem: '退学日期 2023-08-01 早于入学日期 2023-09-01：请先核对档案' });
  });
});
