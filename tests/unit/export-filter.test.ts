import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../electron/cli/commands/export-students';
import { RosterFilter } from '../../shared/ipc/schemas/students';

describe('CLI export --filter', () => {
  it('reads one class or grade as before, and several joined by |', () => {
    expect(parseFilter('cohortYear=2024,status=enrolled')).toEqual({ cohortYear: 2024, status: 'enrolled' });
    const several = parseFilter('classId=3|5,cohortYear=2023|2024');
    expect(several).toEqual({ classId: [3, 5], cohortYear: [2023, 2024] });
    expect(RosterFilter.parse(several)).toEqual(several);
  });
});
