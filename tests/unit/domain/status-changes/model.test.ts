import { describe, expect, it } from 'vitest';
import { STUDENT_STATUSES, studentStatusName, type StudentStatusCode } from '../../../../shared/domain/codes';
import {
  checkTransition,
  STATUS_CHANGE_TYPE_KEYS,
  STATUS_CHANGE_TYPES,
  statusChangeTitle,
  type StatusChangeType,
} from '../../../../shared/domain/status-changes';

/**
 * The status model (DOMAIN.md §5.2, 41号令, issue 14) written out by hand, independent of the
 * `from` lists in types.ts, so that any change to the model shows up here as a failing row.
 *
 * A state is a status plus the one-time 学籍注册 flag. Only 在籍在校 is split by it: an enrolled but
 * unregistered student (NEW) is a 新生 who has no 学籍 yet; REG is an ordinary student in school.
 * For every other status the flag makes no difference (休学/保留学籍 imply a registered 学籍,
 * 保留入学资格 implies none), so those rows are checked with both values and must agree.
 */
const NEW = 'enrolled/未注册';
const REG = 'enrolled/已注册';
type State = typeof NEW | typeof REG | Exclude<StudentStatusCode, 'enrolled'>;

const EXPECTED: Record<StatusChangeType, { to: StudentStatusCode; from: readonly State[] }> = {
  // 第二十五条: a student with a 学籍 in school; a 新生 without one takes 保留入学资格 instead.
  suspend: { to: 'suspended', from: [REG] },
  // 第二十九条: 复学 ends a 休学 and nothing else (the way back from 保留学籍 is 恢复学籍).
  resume: { to: 'enrolled', from: ['suspended'] },
  // 第二十七条: 在校学生 enlisting / joint training keep their 学籍; a 休学 student keeps one too.
  retain: { to: 'retained', from: [REG, 'suspended'] },
  // Back from 保留学籍, or a 新生 entering after 保留入学资格 (第十条).
  restore: { to: 'enrolled', from: ['retained', 'admission_retained'] },
  // 第三十条: any student holding a 学籍, and a 新生 who never registers (第三十条（五）).
  withdraw: { to: 'withdrawn', from: [NEW, REG, 'suspended', 'retained'] },
  // 第二十一条: from one major to another while in school.
  transferMajor: { to: 'enrolled', from: [REG] },
  // A transferred student's record starts unregistered here and is registered by the 转入.
  transferIn: { to: 'enrolled', from: [NEW] },
  // 第二十二条（一）: not in the first term, so never an unregistered 新生.
  transferOut: { to: 'transferred_out', from: [REG, 'suspended'] },
  // 第十五条: 降级/留级 of a student in school.
  repeat: { to: 'enrolled', from: [REG] },
  // 第五十二条: 开除学籍 takes away a 学籍, so the student must hold one.
  expel: { to: 'expelled', from: [REG, 'suspended', 'retained'] },
  // 第十一条: 入学复查 may find a 新生 unqualified before registration.
  cancel: { to: 'cancelled', from: [NEW, REG, 'suspended', 'retained'] },
  // Any student still on the books, 保留入学资格 included.
  death: { to: 'deceased', from: [NEW, REG, 'suspended', 'retained', 'admission_retained'] },
  // 第十条: only a 新生 before registration.
  retainAdmission: { to: 'admission_retained', from: [NEW] },
};

/** Statuses that end a student's time here: nothing may be filed for them. */
const FINAL: readonly StudentStatusCode[] = ['withdrawn', 'transferred_out', 'expelled', 'graduated', 'completed', 'dropped_out', 'deceased', 'cancelled'];

const stateOf = (status: StudentStatusCode, registered: boolean): State =>
  status === 'enrolled' ? (registered ? REG : NEW) : status;

const rows = STATUS_CHANGE_TYPE_KEYS.flatMap((type) =>
  STUDENT_STATUSES.flatMap(({ code }) =>
    [true, false].map((registered) => {
      const allowed = EXPECTED[type].from.includes(stateOf(code, registered));
      return { type, label: STATUS_CHANGE_TYPES[type].label, status: code, registered, allowed };
    }),
  ),
);

describe('the expected table itself', () => {
  it('covers all 13 types and all 12 student statuses', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...STATUS_CHANGE_TYPE_KEYS].sort());
    expect(STATUS_CHANGE_TYPE_KEYS).toHaveLength(13);
    expect(STUDENT_STATUSES).toHaveLength(12);
    expect(rows).toHaveLength(13 * 12 * 2);
  });

  it('allows nothing for a student whose time here has ended', () => {
    for (const type of STATUS_CHANGE_TYPE_KEYS) for (const s of FINAL) expect(EXPECTED[type].from, `${type} ${s}`).not.toContain(s);
  });

  it('lets an unregistered 新生 have only 退学, 取消学籍, 死亡注销, 保留入学资格 or 转入', () => {
    const forNew = STATUS_CHANGE_TYPE_KEYS.filter((t) => EXPECTED[t].from.includes(NEW));
    expect(forNew.sort()).toEqual(['cancel', 'death', 'retainAdmission', 'transferIn', 'withdraw']);
  });
});

describe('checkTransition: every type × status × registered', () => {
  it.each(rows.filter((r) => r.allowed))('$label for $status (registered $registered) is allowed', ({ type, status, registered }) => {
    expect(checkTransition(type, { status, registered })).toEqual({ ok: true, from: status, to: EXPECTED[type].to });
  });

  it.each(rows.filter((r) => !r.allowed))('$label for $status (registered $registered) is refused', ({ type, label, status, registered }) => {
    const r = checkTransition(type, { status, registered });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('ILLEGAL_TRANSITION');
    expect(r.message).toContain(`不能办理${label}`);
    // The student's state in words: the status name, or — for a student 在籍在校 refused only because
    // of the registration — whether they are registered, which is the part of the state that matters.
    const named = r.message.includes(`当前学籍状态为“${studentStatusName(status)}”`);
    if (status === 'enrolled' && !named) expect(r.message).toMatch(registered ? /该学生已注册/ : /该学生尚未注册/);
    else expect(named, r.message).toBe(true);
    // Chinese for the counselor: no status codes or other English reach the user.
    expect(r.message).not.toMatch(/[A-Za-z]/);
  });
});

describe('refusal wording', () => {
  it('says which statuses the type is for', () => {
    const r = checkTransition('resume', { status: 'enrolled', registered: true });
    expect(r).toEqual({ ok: false, code: 'ILLEGAL_TRANSITION', message: '不能办理复学：该学生当前学籍状态为“在籍在校”，复学只适用于“休学”的学生' });
    const g = checkTransition('restore', { status: 'graduated', registered: true });
    expect(!g.ok && g.message).toBe('不能办理恢复学籍：该学生当前学籍状态为“毕业”，恢复学籍只适用于“保留学籍或保留入学资格”的学生');
  });

  it('tells a registered student that 转入 / 保留入学资格 are for 新生, and a 新生 to register first', () => {
    const r = checkTransition('retainAdmission', { status: 'enrolled', registered: true });
    expect(!r.ok && r.message).toBe('不能办理保留入学资格：保留入学资格只适用于尚未注册的新生，该学生已注册');
    const n = checkTransition('suspend', { status: 'enrolled', registered: false });
    expect(!n.ok && n.message).toBe('不能办理休学：该学生尚未注册，还没有学籍；新生请先注册，或办理保留入学资格');
  });

  it('names the sub-kind in the refusal', () => {
    const r = checkTransition('retain', { status: 'graduated', registered: true }, 'military');
    expect(!r.ok && r.message).toMatch(/^不能办理保留学籍（应征入伍）：该学生当前学籍状态为“毕业”/);
    const w = checkTransition('withdraw', { status: 'deceased', registered: true }, 'decision');
    expect(!w.ok && w.message).toMatch(/^不能办理退学（学校决定）：/);
  });

  it('refuses a status code it does not know', () => {
    for (const type of STATUS_CHANGE_TYPE_KEYS) {
      const r = checkTransition(type, { status: 'on_leave', registered: true });
      expect(r.ok, type).toBe(false);
      expect(!r.ok && r.code).toBe('ILLEGAL_TRANSITION');
    }
  });
});

describe('sub-kinds do not change the model', () => {
  it.each([
    ['retain', ['military', 'joint', 'startup']],
    ['withdraw', ['voluntary', 'decision']],
  ] as const)('%s gives the same answer for every sub-kind and without one', (type, subtypes) => {
    for (const { code } of STUDENT_STATUSES) {
      for (const registered of [true, false]) {
        const plain = checkTransition(type, { status: code, registered });
        for (const sub of subtypes) {
          const r = checkTransition(type, { status: code, registered }, sub);
          expect(r.ok, `${type}/${sub} ${code} ${registered}`).toBe(plain.ok);
          if (r.ok && plain.ok) expect(r.to).toBe(plain.to);
          else if (!r.ok) expect(r.message).toContain(statusChangeTitle(type, sub));
        }
      }
    }
  });
});
