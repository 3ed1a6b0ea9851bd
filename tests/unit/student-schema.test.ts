import { describe, expect, it } from 'vitest';
import { CreateStudentInput, UpdateStudentInput } from '../../shared/ipc/schemas/students';

const student = {
  studentNo: '2025001', name: '李四', gender: '1', birthDate: '2006-02-01', idNumber: '110105200602010016',
};

/** The messages the schema gives for this input, by field path. */
function problems(input: unknown): Record<string, string> {
  const r = CreateStudentInput.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of r.error.issues) out[i.path.join('.')] ??= i.message;
  return out;
}

const PHONE_MESSAGE = '联系电话格式不正确：手机号应为 1 开头的 11 位数字，座机应带区号（如 010-12345678）';
const GUARDIAN_PHONE_MESSAGE = '监护人电话格式不正确：手机号应为 1 开头的 11 位数字，座机应带区号（如 010-12345678）';

describe('联系电话 in the shared student schema (the form and the server use the same rule)', () => {
  it.each([
    ['a mobile number', '13812345678'],
    ['a mobile number written 138-1234-5678', '138-1234-5678'],
    ['a mobile number written with spaces', '138 1234 5678'],
    ['a mobile number with +86', '+86 13812345678'],
    ['a Beijing landline with area code', '010-12345678'],
    ['a Zhengzhou landline with a 4-digit area code and a 7-digit number', '0371-1234567'],
    ['a landline with an extension', '0371-12345678-801'],
    ['a landline with 转 before the extension', '010-12345678转6'],
    ['a landline written with the area code in brackets', '(010)12345678'],
    ['a landline as the import stores it (digits only)', '01012345678'],
    ['nothing', ''],
    ['null', null],
  ])('accepts %s', (_what, phone) => {
    expect(problems({ ...student, phone })).toEqual({});
  });

  it.each([
    ['10 digits', '1381234567'],
    ['12 digits', '138123456789'],
    ['11 digits not starting with 1', '23812345678'],
    ['a mobile number starting 12', '12812345678'],
    ['a landline without area code', '12345678'],
    ['a landline whose area code lacks the 0', '371-1234567'],
    ['a landline with a 6-digit number', '0371-123456'],
    ['letters', '138abc45678'],
    ['two numbers in one field', '010-1234567/8'],
  ])('refuses %s with a Chinese message naming the field and the rule', (_what, phone) => {
    expect(problems({ ...student, phone })).toEqual({ phone: PHONE_MESSAGE });
  });

  it('a guardian phone follows the same rule', () => {
    expect(problems({ ...student, guardians: [{ name: '李父', relation: '父亲', phone: '0371-1234567' }] })).toEqual({});
    expect(problems({ ...student, guardians: [{ name: '李父', relation: '父亲', phone: '1391234567' }] })).toEqual({
      'guardians.0.phone': GUARDIAN_PHONE_MESSAGE,
    });
  });

  it('an edit is held to the same rule', () => {
    const r = UpdateStudentInput.safeParse({ id: 1, version: 1, patch: { phone: '1381234567' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(PHONE_MESSAGE);
  });
});

describe('出生日期 left empty', () => {
  it('asks for it instead of describing a format', () => {
    expect(problems({ ...student, birthDate: '' })).toEqual({ birthDate: '请填写出生日期' });
  });

  it('a malformed date still names the format', () => {
    expect(problems({ ...student, birthDate: '2006/02/01' })).toEqual({ birthDate: '出生日期格式应为 YYYY-MM-DD' });
  });
});
