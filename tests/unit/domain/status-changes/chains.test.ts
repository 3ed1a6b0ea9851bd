import { describe, expect, it } from 'vitest';
import { ROLE_LABELS, ROLES } from '../../../../shared/domain/permissions';
import {
  chainProblem,
  DEFAULT_CHAINS,
  STATUS_CHANGE_TYPE_KEYS,
  stepDeciderLabel,
  stepRefusal,
  type ApprovalStep,
} from '../../../../shared/domain/status-changes';

const dept: ApprovalStep = { label: '院系负责人审批', role: 'manager' };
const office: ApprovalStep = { label: '教务处审核', role: null };
const app = (username: string, role: (typeof ROLES)[number]) => ({ kind: 'app' as const, username, role });

describe('stepRefusal', () => {
  it('lets a user holding the step\'s role decide an order someone else filed', () => {
    expect(stepRefusal(dept, app('wang', 'manager'), 'li')).toBeNull();
  });

  it('never lets the filer approve their own order in the app, whatever the case of the username', () => {
    for (const [decider, filer] of [['li', 'li'], ['Li', 'li'], ['li', 'LI'], ['ZhangSan', 'zhangsan']]) {
      expect(stepRefusal(dept, app(decider!, 'manager'), filer!), `${decider}/${filer}`).toBe('不能审批自己提交的申请，请由其他人员审批。');
    }
    // Not even on a step only paper can decide, nor as an admin.
    expect(stepRefusal(office, app('li', 'admin'), 'li')).toBe('不能审批自己提交的申请，请由其他人员审批。');
  });

  it('does not decide in the app a step whose role is null, for any role', () => {
    for (const role of ROLES) {
      expect(stepRefusal(office, app('wang', role), 'li'), role).toBe('“教务处审核”这一步不在本系统中审批，请按纸质审批意见登记。');
    }
  });

  it('names the role a step needs when the user holds another', () => {
    for (const role of ROLES.filter((r) => r !== 'manager')) {
      expect(stepRefusal(dept, app('wang', role), 'li'), role).toBe('“院系负责人审批”这一步由负责人审批。');
    }
    const counselorStep: ApprovalStep = { label: '辅导员审核', role: 'counselor' };
    expect(stepRefusal(counselorStep, app('wang', 'manager'), 'li')).toBe(`“辅导员审核”这一步由${ROLE_LABELS.counselor}审批。`);
    expect(stepRefusal(counselorStep, app('wang', 'counselor'), 'li')).toBeNull();
  });

  it('lets the filer record a paper-only step (the paper carries another signature), but not a step with a role in the app', () => {
    expect(stepRefusal(office, { kind: 'paper', recordedBy: 'li' }, 'li')).toBeNull();
    expect(stepRefusal(office, { kind: 'paper', recordedBy: 'LI' }, 'li')).toBeNull();
    expect(stepRefusal(dept, { kind: 'paper', recordedBy: 'wang' }, 'li')).toBeNull();
    // The filer typing in "the manager signed" would be the filer approving their own order.
    expect(stepRefusal(dept, { kind: 'paper', recordedBy: 'Li' }, 'li')).toBe(`“院系负责人审批”由${ROLE_LABELS.manager}在系统中审批；若为纸质审批，须由提交人以外的人员登记。`);
  });

  it('tells the UI who decides a step', () => {
    expect(stepDeciderLabel(dept)).toBe('负责人');
    expect(stepDeciderLabel(office)).toBe('纸质审批（由学籍管理员登记）');
  });
});

describe('chainProblem', () => {
  const steps = (n: number): ApprovalStep[] => Array.from({ length: n }, (_, i) => ({ label: `第${i + 1}级审批`, role: null }));

  it('accepts one to eight named, distinct steps', () => {
    expect(chainProblem(steps(1))).toBeNull();
    expect(chainProblem(steps(8))).toBeNull();
    expect(chainProblem([dept, office])).toBeNull();
  });

  it('refuses an empty chain and one longer than 8 steps', () => {
    expect(chainProblem([])).toBe('审批流程至少要有一步');
    expect(chainProblem(steps(9))).toBe('审批流程最多 8 步');
  });

  it('refuses a step without a name, counting blanks as no name', () => {
    expect(chainProblem([dept, { label: '', role: null }])).toBe('第 2 步没有名称');
    expect(chainProblem([{ label: ' \t ', role: 'manager' }])).toBe('第 1 步没有名称');
  });

  it('refuses two steps of the same name, ignoring surrounding spaces', () => {
    expect(chainProblem([dept, office, { label: '教务处审核', role: 'manager' }])).toBe('第 3 步“教务处审核”与前面的步骤重名');
    expect(chainProblem([dept, { label: ' 院系负责人审批 ', role: null }])).toMatch(/^第 2 步“ 院系负责人审批 ”与前面的步骤重名$/);
  });
});

describe('DEFAULT_CHAINS', () => {
  it('has a valid chain for each of the 13 types, starting with the department', () => {
    expect(Object.keys(DEFAULT_CHAINS).sort()).toEqual([...STATUS_CHANGE_TYPE_KEYS].sort());
    expect(Object.keys(DEFAULT_CHAINS)).toHaveLength(13);
    for (const t of STATUS_CHANGE_TYPE_KEYS) {
      expect(chainProblem(DEFAULT_CHAINS[t]), t).toBeNull();
      expect(DEFAULT_CHAINS[t][0], t).toEqual({ label: '院系负责人审批', role: 'manager' });
    }
  });

  it('ends 退学, 开除学籍 and 取消学籍 with 校长办公会, recorded from paper (41号令 第五十六条)', () => {
    for (const t of ['withdraw', 'expel', 'cancel'] as const) {
      expect(DEFAULT_CHAINS[t].at(-1), t).toEqual({ label: '校长办公会决定', role: null });
    }
  });

  it('takes no other type to 校长办公会 except where 41号令 asks for it (第二十三、五十六条)', () => {
    const council = STATUS_CHANGE_TYPE_KEYS.filter((t) => DEFAULT_CHAINS[t].some((s) => s.label.includes('校长办公会')));
    expect(council.sort()).toEqual(['cancel', 'expel', 'transferIn', 'withdraw']);
  });

  // DOMAIN.md §5.1 (转学) and 41号令 第二十三条: the receiving school admits a transfer only "经学校校长办公会
  // 或者专题会议研究决定". For 转入 this school is the receiving one.
  it('ends 转入 with 校长办公会或者专题会议 (41号令 第二十三条)', () => {
    expect(DEFAULT_CHAINS.transferIn.at(-1)?.label).toMatch(/校长办公会|专题会议/);
  });
});
