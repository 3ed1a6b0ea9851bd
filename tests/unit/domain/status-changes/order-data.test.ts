import { describe, expect, it } from 'vitest';
import {
  finalApprovalIssues,
  findStatusChangeType,
  isDecision,
  isTerm,
  orderDataIssues,
  resumeCohort,
  STATUS_CHANGE_TYPE_KEYS,
  STATUS_CHANGE_TYPES,
  statusChangeTitle,
  termOf,
  type ClassFacts,
  type StatusChangeData,
  type StatusChangeType,
} from '../../../../shared/domain/status-changes';

describe('termOf', () => {
  it.each([
    ['2026-09-01', '2026-2027-1'],
    ['2026-12-31', '2026-2027-1'],
    ['2027-01-01', '2026-2027-1'], // January belongs to the first term of the year before
    ['2027-01-31', '2026-2027-1'],
    ['2027-02-01', '2026-2027-2'],
    ['2027-08-31', '2026-2027-2'],
    ['2027-09-01', '2027-2028-1'],
  ])('%s is in %s', (day, term) => {
    expect(termOf(day)).toBe(term);
    expect(isTerm(termOf(day))).toBe(true);
  });
});

describe('isTerm', () => {
  it('accepts 学年-学年-1/2 of consecutive years only', () => {
    expect(isTerm('2026-2027-1')).toBe(true);
    expect(isTerm('2026-2027-2')).toBe(true);
    for (const bad of ['2026-2028-1', '2027-2026-1', '2026-2027-3', '2026-2027-0', '2026-2027', '2026-27-1', ' 2026-2027-1', '2026-2027-1 ', '']) {
      expect(isTerm(bad), bad).toBe(false);
    }
  });
});

const cls = (id: number, majorId: number, cohortYear: number): ClassFacts => ({ id, name: `${cohortYear}级${id}班`, majorId, cohortYear });
const current = cls(1, 10, 2025);
const base: StatusChangeData = { reason: '因病', effectiveDate: '2026-09-01', term: '2026-2027-1' };

/** A complete order of each type, which must have no issues; each test then breaks one field. */
const complete: Record<StatusChangeType, { subtype?: string; data: Partial<StatusChangeData>; target?: ClassFacts }> = {
  suspend: { data: { expectedEnd: '2027-09-01' } },
  resume: { data: { targetClassId: 2 }, target: cls(2, 10, 2026) },
  retain: { subtype: 'military', data: { expectedEnd: '2030-09-01' } },
  restore: { data: {} },
  withdraw: { subtype: 'voluntary', data: {} },
  transferMajor: { data: { targetClassId: 3 }, target: cls(3, 11, 2025) },
  transferIn: { data: { targetClassId: 2, otherSchool: '某某职业技术学院' }, target: cls(2, 10, 2026) },
  transferOut: { data: { otherSchool: '某某职业技术学院' } },
  repeat: { data: { targetClassId: 2 }, target: cls(2, 10, 2026) },
  expel: { data: {} },
  cancel: { data: {} },
  death: { data: {} },
  retainAdmission: { subtype: 'other', data: { expectedEnd: '2027-09-01' } },
};

const check = (type: StatusChangeType, change: { subtype?: string | null; data?: Partial<StatusChangeData>; target?: ClassFacts | null; current?: ClassFacts | null } = {}) => {
  const c = complete[type];
  const subtype = 'subtype' in change ? change.subtype : c.subtype;
  const target = 'target' in change ? change.target! : (c.target ?? null);
  return orderDataIssues(type, subtype, { ...base, ...c.data, ...change.data }, { current: 'current' in change ? change.current! : current, target });
};

describe('orderDataIssues', () => {
  it.each(STATUS_CHANGE_TYPE_KEYS)('a complete %s order has no issues', (type) => {
    expect(check(type)).toEqual([]);
  });

  it('needs the sub-kind for 保留学籍 and 退学, and only a known one', () => {
    expect(check('retain', { subtype: null })).toEqual([{ field: 'subtype', message: '请选择保留学籍的类别：应征入伍、联合培养、休学创业' }]);
    expect(check('retain', { subtype: 'holiday' })).toEqual([{ field: 'subtype', message: '请选择保留学籍的类别：应征入伍、联合培养、休学创业' }]);
    expect(check('withdraw', { subtype: '' })).toEqual([{ field: 'subtype', message: '请选择退学的类别：本人申请、学校决定' }]);
    for (const s of ['military', 'joint', 'startup']) expect(check('retain', { subtype: s }), s).toEqual([]);
    for (const s of ['voluntary', 'decision']) expect(check('withdraw', { subtype: s }), s).toEqual([]);
    // Types without sub-kinds do not ask for one.
    expect(check('suspend', { subtype: null })).toEqual([]);
  });

  it('needs a reason, an effective date and a term', () => {
    expect(check('death', { data: { reason: '  ' } })).toEqual([{ field: 'reason', message: '请填写异动原因' }]);
    for (const d of ['', '2026-02-30', '2026-13-01', '2026/09/01', '20260901']) {
      expect(check('death', { data: { effectiveDate: d } }), d).toEqual([{ field: 'effectiveDate', message: '请填写生效日期' }]);
    }
    expect(check('death', { data: { term: '2026-2027' } })).toEqual([{ field: 'term', message: '学期应写作“2026-2027-1”的形式' }]);
  });

  it('needs an end date after the effective date for 休学, 保留学籍 and 保留入学资格', () => {
    expect(check('suspend', { data: { expectedEnd: null } })).toEqual([{ field: 'expectedEnd', message: '请填写预计复学日期' }]);
    expect(check('retain', { data: { expectedEnd: '' } })).toEqual([{ field: 'expectedEnd', message: '请填写保留截止日期' }]);
    expect(check('retainAdmission', { data: { expectedEnd: '2027-02-29' } })).toEqual([{ field: 'expectedEnd', message: '请填写保留截止日期' }]);
    for (const type of ['suspend', 'retain', 'retainAdmission'] as const) {
      for (const end of ['2026-09-01', '2026-08-31']) {
        expect(check(type, { data: { expectedEnd: end } }), `${type} ${end}`).toEqual([{ field: 'expectedEnd', message: '截止日期应晚于生效日期' }]);
      }
      expect(check(type, { data: { expectedEnd: '2026-09-02' } }), type).toEqual([]);
    }
    // Without a valid effective date the order is not compared, only the date is asked for.
    expect(check('suspend', { data: { effectiveDate: '', expectedEnd: '2026-01-01' } }).map((i) => i.field)).toEqual(['effectiveDate']);
    // Other types have no end date to ask for.
    expect(check('withdraw', { data: { expectedEnd: null } })).toEqual([]);
  });

  it('needs the other school for 转入 and 转出', () => {
    expect(check('transferIn', { data: { otherSchool: ' ' } })).toEqual([{ field: 'otherSchool', message: '请填写转出学校' }]);
    expect(check('transferOut', { data: { otherSchool: null } })).toEqual([{ field: 'otherSchool', message: '请填写转入学校' }]);
    expect(check('transferMajor', { data: { otherSchool: null } })).toEqual([]);
  });

  it('needs the class to move into where the type requires one; 恢复学籍 may name one', () => {
    for (const type of ['resume', 'transferMajor', 'transferIn', 'repeat'] as const) {
      expect(check(type, { data: { targetClassId: null }, target: null }), type).toEqual([{ field: 'targetClassId', message: '请选择转入的班级' }]);
    }
    expect(check('restore', { data: { targetClassId: null } })).toEqual([]);
    expect(check('restore', { data: { targetClassId: 5 }, target: cls(5, 10, 2026) })).toEqual([]);
  });

  it('refuses a class that does not exist, and for 降级 the class the student is already in; a 复学 may go back to it', () => {
    expect(check('resume', { data: { targetClassId: 99 }, target: null })).toEqual([{ field: 'targetClassId', message: '所选班级不存在' }]);
    expect(check('repeat', { data: { targetClassId: 1 }, target: current }).map((i) => i.message)).toContain('学生已在2025级1班，请选择另一个班级');
    expect(check('restore', { data: { targetClassId: 1 }, target: current })).toEqual([]);
    expect(check('resume', { data: { targetClassId: 1 }, target: current })).toEqual([]);
    // A 新生 to be transferred in may have no class yet.
    expect(check('transferIn', { current: null })).toEqual([]);
  });

  it('refuses 转专业 to a class of the same major', () => {
    expect(check('transferMajor', { data: { targetClassId: 4 }, target: cls(4, 10, 2025) })).toEqual([
      { field: 'targetClassId', message: '转专业应转入其他专业的班级，2025级4班与原班级同一专业' },
    ]);
  });

  it('refuses 降级/留级 into an earlier or the same cohort', () => {
    expect(check('repeat', { data: { targetClassId: 4 }, target: cls(4, 10, 2025) })).toEqual([
      { field: 'targetClassId', message: '降级/留级应编入更晚年级的班级（原为 2025 级，所选为 2025 级）' },
    ]);
    expect(check('repeat', { data: { targetClassId: 4 }, target: cls(4, 10, 2024) }).map((i) => i.message)).toEqual([
      '降级/留级应编入更晚年级的班级（原为 2025 级，所选为 2024 级）',
    ]);
    expect(check('repeat', { data: { targetClassId: 4 }, target: cls(4, 11, 2027) })).toEqual([]);
  });

  it('never takes a 送达 date at filing: a decision is served after it takes effect', () => {
    for (const [type, subtype] of [['expel', null], ['cancel', null], ['withdraw', 'decision']] as const) {
      expect(check(type, { subtype, data: { servedOn: '2026-09-10' } }), type).toEqual([{ field: 'servedOn', message: '送达日期在决定生效并送达后登记' }]);
    }
    for (const [type, subtype] of [['withdraw', 'voluntary'], ['suspend', undefined], ['transferOut', undefined]] as const) {
      expect(check(type, { subtype, data: { servedOn: '2026-09-10' } }), type).toEqual([{ field: 'servedOn', message: '只有学校作出的处理决定需要登记送达' }]);
    }
  });

  it('refuses a class for a type that does not place the student in one', () => {
    for (const type of ['suspend', 'withdraw', 'death', 'transferOut'] as const) {
      const issues = check(type, { subtype: type === 'withdraw' ? 'voluntary' : undefined, data: { targetClassId: 4 }, target: cls(4, 11, 2025) });
      expect(issues.map((i) => i.field), type).toEqual(['targetClassId']);
    }
  });

  it('lists every problem at once, in the order of the form', () => {
    const issues = orderDataIssues('transferIn', null, { reason: '', effectiveDate: 'x', term: 'y', servedOn: '2026-09-10' }, { current: null, target: null });
    expect(issues.map((i) => i.field)).toEqual(['reason', 'effectiveDate', 'term', 'otherSchool', 'targetClassId', 'servedOn']);
  });
});

describe('finalApprovalIssues', () => {
  it('needs at least one piece of evidence, naming what is expected', () => {
    expect(finalApprovalIssues('suspend', null, base, 0)).toEqual([
      { field: 'attachments', message: '缺少证明材料（如休学申请书、医院诊断证明、家长意见），请先上传' },
    ]);
    expect(finalApprovalIssues('suspend', null, base, 1)).toEqual([]);
  });

  it('needs a decision number only for a school decision', () => {
    const noNumber = { field: 'decisionNo', message: '学校作出的处理决定需要填写决定文号' };
    expect(finalApprovalIssues('expel', null, base, 1)).toEqual([noNumber]);
    expect(finalApprovalIssues('cancel', null, { ...base, decisionNo: '  ' }, 1)).toEqual([noNumber]);
    expect(finalApprovalIssues('withdraw', 'decision', base, 1)).toEqual([noNumber]);
    expect(finalApprovalIssues('withdraw', 'decision', { ...base, decisionNo: '院学〔2026〕12号' }, 1)).toEqual([]);
    expect(finalApprovalIssues('withdraw', 'voluntary', base, 1)).toEqual([]);
    expect(finalApprovalIssues('suspend', null, base, 1)).toEqual([]);
    expect(finalApprovalIssues('expel', null, base, 0).map((i) => i.field)).toEqual(['attachments', 'decisionNo']);
  });
});

describe('resumeCohort (接续学业)', () => {
  it.each([
    ['a year away', '2025-09-01', '2026-09-01', 2025],
    ['two years away', '2025-09-01', '2027-09-01', 2026],
    ['six months away (rounds up)', '2025-09-01', '2026-03-01', 2025],
    ['five months away', '2025-09-01', '2026-02-01', 2024],
    ['eighteen months away', '2025-03-01', '2026-09-01', 2026],
    ['a date earlier than the start', '2026-09-01', '2026-03-01', 2024],
  ])('%s', (_, from, back, cohort) => {
    expect(resumeCohort(2024, from, back)).toBe(cohort);
  });
});

describe('findStatusChangeType', () => {
  it('finds each type by its code and by its Chinese name', () => {
    for (const t of STATUS_CHANGE_TYPE_KEYS) {
      expect(findStatusChangeType(t)).toBe(t);
      expect(findStatusChangeType(STATUS_CHANGE_TYPES[t].label)).toBe(t);
    }
  });

  it('finds 降级/留级 by either word, and trims', () => {
    expect(findStatusChangeType('降级')).toBe('repeat');
    expect(findStatusChangeType('留级')).toBe('repeat');
    expect(findStatusChangeType(' 休学 ')).toBe('suspend');
  });

  it('finds nothing for anything else', () => {
    for (const s of ['', '休', '休学申请', 'Suspend', 'toString', '毕业']) expect(findStatusChangeType(s), s).toBeNull();
  });
});

describe('isDecision', () => {
  it('is a decision for 开除学籍, 取消学籍 and 退学 by the school only', () => {
    expect(isDecision('expel', null)).toBe(true);
    expect(isDecision('cancel', undefined)).toBe(true);
    expect(isDecision('withdraw', 'decision')).toBe(true);
    expect(isDecision('withdraw', 'voluntary')).toBe(false);
    expect(isDecision('withdraw', null)).toBe(false);
    const decisions = STATUS_CHANGE_TYPE_KEYS.filter((t) => isDecision(t, 'decision'));
    expect(decisions.sort()).toEqual(['cancel', 'expel', 'withdraw']);
  });
});

describe('statusChangeTitle', () => {
  it('adds the sub-kind in full-width brackets', () => {
    expect(statusChangeTitle('retain', 'military')).toBe('保留学籍（应征入伍）');
    expect(statusChangeTitle('retain', 'startup')).toBe('保留学籍（休学创业）');
    expect(statusChangeTitle('withdraw', 'decision')).toBe('退学（学校决定）');
  });

  it('is the label alone without a sub-kind, or with one the type does not have', () => {
    expect(statusChangeTitle('retain')).toBe('保留学籍');
    expect(statusChangeTitle('retain', null)).toBe('保留学籍');
    expect(statusChangeTitle('retain', 'holiday')).toBe('保留学籍');
    expect(statusChangeTitle('suspend', 'military')).toBe('休学');
  });
});
