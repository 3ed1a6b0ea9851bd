import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../shared/domain/idcard';
import { checkStudentForm, fromIdNumber, withIdNumber } from '../../renderer/src/features/students/form/formCheck';
import { EMPTY_STUDENT, type StudentFormValues } from '../../renderer/src/features/students/form/formValues';

const asOf = new Date('2026-03-01T00:00:00+08:00');
const withCheck = (id17: string) => id17 + idCheckChar(id17);
const MALE_ID = withCheck('11010520070315123'); // 2007-03-15, 男
const FEMALE_ID = withCheck('41010220060521124'); // 2006-05-21, 女
const NONE = new Set<string>();

describe('an ID number fills 出生日期 and 性别', () => {
  it('into empty fields', () => {
    const v = withIdNumber(EMPTY_STUDENT, MALE_ID, NONE, asOf, null);
    expect(v).toMatchObject({ idNumber: MALE_ID, birthDate: '2007-03-15', gender: '1' });
  });

  it('not from a number that is not valid yet, or not 18 digits', () => {
    expect(withIdNumber(EMPTY_STUDENT, MALE_ID.slice(0, 17), NONE, asOf, null)).toMatchObject({ birthDate: '', gender: '' });
    expect(withIdNumber(EMPTY_STUDENT, '110105070315123', NONE, asOf, null)).toMatchObject({ birthDate: '', gender: '' });
  });

  it('replacing what the last valid number filled, but not what the user chose', () => {
    const first = withIdNumber(EMPTY_STUDENT, MALE_ID, NONE, asOf, null);
    const again = withIdNumber(first, FEMALE_ID, NONE, asOf, fromIdNumber(MALE_ID, asOf));
    expect(again).toMatchObject({ birthDate: '2006-05-21', gender: '2' });
    const typed = { ...first, birthDate: '2007-03-16' };
    expect(withIdNumber(typed, FEMALE_ID, NONE, asOf, fromIdNumber(MALE_ID, asOf))).toMatchObject({ birthDate: '2007-03-16', gender: '2' });
  });

  it('never into a locked field', () => {
    const v = withIdNumber(EMPTY_STUDENT, MALE_ID, new Set(['birthDate', 'gender']), asOf, null);
    expect(v).toMatchObject({ birthDate: '', gender: '' });
  });
});

describe('the form is checked as a whole before it is sent', () => {
  it('reports the schema and the cross-field rules together, one message per field', () => {
    const bad = withCheck('44030520070501135').slice(0, 17) + (idCheckChar('44030520070501135') === '0' ? '1' : '0');
    const values: StudentFormValues = { ...EMPTY_STUDENT, name: '赵六', idNumber: bad, phone: '1381234567' };
    const error = checkStudentForm(EMPTY_STUDENT, values, false, asOf);
    expect(error?.code).toBe('VALIDATION');
    const byField = Object.fromEntries((error?.issues ?? []).map((i) => [i.field, i.message]));
    expect(Object.keys(byField).sort()).toEqual(['birthDate', 'gender', 'idNumber', 'phone']);
    expect(byField.birthDate).toBe('请填写出生日期');
    expect(byField.gender).toBe('请选择性别');
    expect(byField.idNumber).toMatch(/第 18 位应为/);
    expect(byField.phone).toMatch(/^联系电话格式不正确/);
  });

  it('a birth date that contradicts the ID number is named', () => {
    const values = { ...withIdNumber(EMPTY_STUDENT, MALE_ID, NONE, asOf, null), name: '张三', birthDate: '2007-03-16' };
    expect(checkStudentForm(EMPTY_STUDENT, values, false, asOf)?.issues?.map((i) => i.field)).toEqual(['birthDate']);
  });

  it('a complete form passes', () => {
    const values = { ...withIdNumber(EMPTY_STUDENT, MALE_ID, NONE, asOf, null), name: '张三', phone: '0371-1234567' };
    expect(checkStudentForm(EMPTY_STUDENT, values, false, asOf)).toBeNull();
  });

  it('an edit is held to what changed, like the server: an old value left alone is not reported', () => {
    const loaded = { ...withIdNumber(EMPTY_STUDENT, MALE_ID, NONE, asOf, null), name: '张三', studentNo: '2025001', phone: '12345' };
    expect(checkStudentForm(loaded, loaded, true, asOf)).toBeNull();
    expect(checkStudentForm(loaded, { ...loaded, dormitory: '7号楼 305' }, true, asOf)).toBeNull();
    expect(checkStudentForm(loaded, { ...loaded, phone: '1381234567' }, true, asOf)?.issues?.map((i) => i.field)).toEqual(['phone']);
  });
});
