import { describe, expect, it } from 'vitest';
import { auditFieldLabel, auditValueText } from '../../shared/domain/audit-actions';
import { fieldLabel as studentFieldLabel } from '../../shared/domain/student-fields';

const label = (k: string) => auditFieldLabel(k, studentFieldLabel);

describe('audit entries read in Chinese', () => {
  it('names every field an import or export records, student fields by their catalogue label', () => {
    for (const f of ['fileName', 'sheet', 'mode', 'rows', 'imported', 'updated', 'skipped', 'keyChangeRequests', 'studentNumbers', 'columns', 'filter', 'studentIds', 'guardians', 'registered', 'classId', 'majorId']) {
      expect(label(f), f).toMatch(/^[\u4e00-\u9fa5（）]+$/);
    }
    expect(label('idNumber')).toBe('身份证号');
  });

  it('shows codes by name and lists and filters as sentences, never JSON', () => {
    expect(auditValueText('mode', 'add', label)).toBe('只添加新学生');
    expect(auditValueText('columns', ['studentNo', 'name', 'idNumber'], label)).toBe('学号、姓名、身份证号');
    expect(auditValueText('filter', { cohortYear: 2024, status: 'enrolled' }, label)).toBe('年级：2024；学籍状态：在籍在校');
    expect(auditValueText('filter', {}, label)).toBe('全部学生');
    expect(auditValueText('studentIds', [1, 2, 3], label)).toBe('3 名');
    expect(auditValueText('registered', true, label)).toBe('是');
  });
});
