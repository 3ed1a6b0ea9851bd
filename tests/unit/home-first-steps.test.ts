import { describe, expect, it } from 'vitest';
import { hasPermission, type Permission, type Role } from '../../shared/domain/permissions';
import { firstSteps } from '../../renderer/src/features/home/firstSteps';

const as = (role: Role) => (p: Permission) => hasPermission(role, p);

describe('the first steps of an empty install', () => {
  it('are 先建专业和班级 → 导入名单 until there are students, with the buttons this user may use', () => {
    const empty = { majors: 0, classes: 0, students: 0 };
    expect(firstSteps(empty, as('counselor'))?.map((s) => [s.title, s.done, s.action?.path ?? null])).toEqual([
      ['先建专业和班级', false, '/org'],
      ['导入名单', false, '/import'],
    ]);
    // A major without a class is not done yet.
    expect(firstSteps({ majors: 1, classes: 0, students: 0 }, as('counselor'))?.[0]?.done).toBe(false);
    expect(firstSteps({ majors: 1, classes: 2, students: 0 }, as('counselor'))?.map((s) => s.done)).toEqual([true, false]);
    expect(firstSteps({ majors: 1, classes: 2, students: 1 }, as('counselor'))).toBeNull();
  });

  it('offers no button to someone who may not do the step, and says who can', () => {
    const steps = firstSteps({ majors: 0, classes: 0, students: 0 }, as('viewer'))!;
    expect(steps.map((s) => s.action)).toEqual([null, null]);
    expect(steps.every((s) => /学籍管理员|管理员/.test(s.hint))).toBe(true);
    // A manager reads org and students but writes neither.
    expect(firstSteps({ majors: 0, classes: 0, students: 0 }, as('manager'))!.map((s) => s.action)).toEqual([null, null]);
  });
});
