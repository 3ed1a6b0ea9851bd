import { describe, expect, it } from 'vitest';
import { toErrorData } from '../../electron/main/core/errors';
import type { Channel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';

/** What the dispatcher would answer for this input, had it failed the contract. */
function rejection(channel: Channel, input: unknown) {
  const r = contract[channel].input.safeParse(input);
  if (r.success) throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
  return toErrorData(r.error, channel);
}

const student = {
  studentNo: '2025001', name: '李四', gender: '1', birthDate: '2006-02-01', idNumber: '110105200602010016',
};

function expectChinese(message: string) {
  expect(message).toMatch(/[\u4e00-\u9fa5]/);
  expect(message).not.toMatch(/[A-Za-z]{3,}/);
}

describe('zod messages reach users in Chinese', () => {
  it.each([
    ['a wrong type', 'audit.list' as const, { page: '二' }, '页码应为数字'],
    ['a wrong type in a nested filter', 'students.list' as const, { filter: { cohortYear: '2025' } }, '年级应为一个或多个编号'],
    ['a missing field', 'students.create' as const, { ...student, birthDate: undefined }, '请填写出生日期'],
    ['a missing object', 'setup.create' as const, { schoolCode: '12345', schoolName: '示范学院', departmentName: '信息系' }, '缺少必填的内容'],
    ['a too-long string', 'students.create' as const, { ...student, idNumber: '1'.repeat(31) }, '身份证号不能超过 30 个字符，现有 31 个字符'],
    ['a too-long guardian phone', 'students.create' as const, { ...student, guardians: [{ name: '李父', relation: '父亲', phone: '1'.repeat(21) }] }, '监护人电话不能超过 20 个字符，现有 21 个字符'],
    ['a number out of range', 'audit.list' as const, { pageSize: 501 }, '每页条数不能大于 500'],
    ['a value not on the list', 'students.list' as const, { filter: { gender: '3' } }, '性别不在可选范围内'],
    ['an unknown key', 'auth.signOut' as const, { everyone: true }, '包含无法识别的内容（1 项）'],
  ])('%s', (_what, channel, input, expected) => {
    const error = rejection(channel, input);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(expected);
    expectChinese(error.message);
    for (const issue of error.issues ?? []) expectChinese(issue.message);
  });

  it('a message written in the schema still wins', () => {
    expect(rejection('students.create', { ...student, name: '  ' }).message).toBe('请填写姓名');
    expect(rejection('settings.update', { idleLockMinutes: 0 }).message).toBe('自动锁定时间至少 1 分钟');
  });

  it('every issue of a badly wrong call reads in Chinese, with field paths kept for the forms', () => {
    const error = rejection('students.create', { studentNo: 7, gender: 'x', birthDate: 20060201, phone: 13800000000, guardians: 'none', extra: 1 });
    expect(error.issues!.length).toBeGreaterThan(4);
    for (const issue of error.issues!) expectChinese(issue.message);
    expect(error.issues!.map((i) => i.field)).toContain('birthDate');
  });
});
