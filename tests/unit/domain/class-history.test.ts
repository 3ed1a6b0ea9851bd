import { describe, expect, it } from 'vitest';
import { classStays } from '../../../shared/domain/class-history';

describe('学习经历: the classes a student has been in', () => {
  it('lists each class from its start until the next one, the current class 至今, newest first', () => {
    const rows = [
      { className: '计算机2501班', fromDate: '2025-09-01', createdByName: '赵辅导员' },
      { className: '软件2501班', fromDate: '2026-03-01', createdByName: '赵辅导员' },
      { className: '软件2502班', fromDate: '2026-09-01', createdByName: '钱主任' },
    ];
    expect(classStays(rows, { className: '软件2502班', enrolmentDate: '2025-09-01' })).toEqual([
      { className: '软件2502班', from: '2026-09-01', until: null, how: '调班', byName: '钱主任' },
      { className: '软件2501班', from: '2026-03-01', until: '2026-09-01', how: '调班', byName: '赵辅导员' },
      { className: '计算机2501班', from: '2025-09-01', until: '2026-03-01', how: '分班', byName: '赵辅导员' },
    ]);
  });

  it('shows the class a student is in even when no move was ever recorded (demo data, older folders)', () => {
    expect(classStays([], { className: '计算机2501班', enrolmentDate: '2025-09-01' })).toEqual([
      { className: '计算机2501班', from: '2025-09-01', until: null, how: '分班', byName: null },
    ]);
    expect(classStays([], { className: null, enrolmentDate: '2025-09-01' })).toEqual([]);
  });
});
