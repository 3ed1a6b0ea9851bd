import { describe, expect, it } from 'vitest';
import { FIELD_BY_KEY, STUDENT_FIELDS, fieldTextProblem, textLength, type StudentFieldKey } from '../../../shared/domain/student-fields';
import { BulkUpdateInput, CreateStudentInput, UpdateStudentInput } from '../../../shared/ipc/schemas/students';

const student = { studentNo: '2025001', name: '李四', gender: '1', birthDate: '2006-02-01', idNumber: '110105200602010016' };

/** The form's fields that hold free text, by catalogue key (guardian columns are the first guardian). */
const FORM_TEXT: Partial<Record<StudentFieldKey, (v: string) => unknown>> = {
  studentNo: (v) => ({ ...student, studentNo: v }),
  examNo: (v) => ({ ...student, examNo: v }),
  name: (v) => ({ ...student, name: v }),
  formerName: (v) => ({ ...student, formerName: v }),
  idNumber: (v) => ({ ...student, idNumber: v }),
  nativePlace: (v) => ({ ...student, nativePlace: v }),
  sourceRegion: (v) => ({ ...student, sourceRegion: v }),
  householdAddress: (v) => ({ ...student, householdAddress: v }),
  homeAddress: (v) => ({ ...student, homeAddress: v }),
  dormitory: (v) => ({ ...student, dormitory: v }),
  notes: (v) => ({ ...student, notes: v }),
  guardianName: (v) => ({ ...student, guardians: [{ name: v, relation: '父亲' }] }),
  guardianRelation: (v) => ({ ...student, guardians: [{ name: '李父', relation: v }] }),
};

function problems(input: unknown): Record<string, string> {
  const r = CreateStudentInput.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('the one table of student field rules', () => {
  it('gives every free-text field a length limit', () => {
    const text = STUDENT_FIELDS.filter((f) => f.kind === 'text');
    expect(text.filter((f) => f.maxLength === undefined).map((f) => f.key)).toEqual([]);
    expect(FIELD_BY_KEY.notes.maxLength).toBe(500);
    expect(FIELD_BY_KEY.name.maxLength).toBe(40);
  });

  it('says the limit and the actual length in Chinese, counting characters as people do (one per Chinese character, rare ones too)', () => {
    expect(fieldTextProblem('notes', '备'.repeat(500))).toBeNull();
    expect(fieldTextProblem('notes', '备'.repeat(501))).toEqual({ rule: 'maxLength', message: '不能超过 500 个字符，现有 501 个字符' });
    // 𠮷 (U+20BB7) is two UTF-16 units but one character in a name.
    expect(textLength('𠮷'.repeat(40))).toBe(40);
    expect(fieldTextProblem('name', '𠮷'.repeat(40))).toBeNull();
  });

  it('holds the formats of 学号 and 考生号', () => {
    expect(fieldTextProblem('studentNo', '2025-001A')).toBeNull();
    expect(fieldTextProblem('studentNo', '2025/001')).toEqual({ rule: 'format', message: '只能包含数字、字母和连字符' });
    expect(fieldTextProblem('examNo', '25-110105')).toEqual({ rule: 'format', message: '只能包含数字和字母' });
  });

  it('the form (the shared zod schema) refuses exactly what the table refuses, with the same limit', () => {
    for (const [key, build] of Object.entries(FORM_TEXT) as [StudentFieldKey, (v: string) => unknown][]) {
      const max = FIELD_BY_KEY[key].maxLength!;
      const ok = key === 'idNumber' || key === 'studentNo' || key === 'examNo' ? '1'.repeat(max) : '字'.repeat(max);
      expect(problems(build(ok)), `${key} at its limit`).toEqual({});
      const messages = Object.values(problems(build(`${ok}1`)));
      expect(messages, key).toEqual([`${FIELD_BY_KEY[key].label}不能超过 ${max} 个字符，现有 ${max + 1} 个字符`]);
    }
  });

  it('an edit and a bulk change are held to the same limits', () => {
    const long = '备'.repeat(501);
    const edit = UpdateStudentInput.safeParse({ id: 1, version: 1, patch: { notes: long } });
    expect(edit.success ? [] : edit.error.issues.map((i) => i.message)).toEqual(['备注不能超过 500 个字符，现有 501 个字符']);
    const bulk = BulkUpdateInput.safeParse({ ids: [1], patch: { notes: long } });
    expect(bulk.success ? [] : bulk.error.issues.map((i) => i.message)).toEqual(['备注不能超过 500 个字符，现有 501 个字符']);
  });
});
