/**
 * The grade grid's state (renderer/src/features/grades/gridModel.ts) and the plan editor's
 * (renderer/src/features/plans/planForm.ts): which recorded attempt a cell edits, what a typed
 * value means (by the server's own readGradeEntry), the entries a save sends, and refusals put
 * back on their cells and rows.
 */
import { describe, expect, it } from 'vitest';
import {
  cellKey, cellState, entryOf, issueLine, issuesByCell, markOn, otherAttempts, recordedFor, toggleMark, valueOf, type Attempt, type Row,
} from '../../renderer/src/features/grades/gridModel';
import { emptyRow, rowProblems, serverProblems, type CourseRow } from '../../renderer/src/features/plans/planForm';

const at = (attemptNo: number, kind: Attempt['kind'], score: string | null, term: string, over: Partial<Attempt> = {}): Attempt => ({
  attemptNo, kind, score, absent: false, void: false, term, enteredBy: 'sun', enteredAt: '2026-09-01T00:00:00Z', ...over,
});
const row = (attempts: Attempt[]): Row => ({ studentId: 7, studentNo: '2026510201001', name: '张三', status: 'enrolled', statusLabel: '在籍在校', attempts });
const ZK = { kind: '正考', term: '2026-2027-1' } as const;
const BK = { kind: '补考', term: '2026-2027-2' } as const;

describe('grade grid cells', () => {
  it('edit the first sitting (正考 or 免修) and a 补考 of the column’s term, the others shown beside', () => {
    const r = row([at(1, '免修', null, '2026-2027-1'), at(2, '补考', '50', '2026-2027-2'), at(3, '补考', '58', '2027-2028-1')]);
    expect(recordedFor(r, ZK)?.attemptNo).toBe(1);
    expect(valueOf(recordedFor(r, ZK))).toEqual({ score: '免修', absent: false, void: false });
    expect(recordedFor(r, BK)?.attemptNo).toBe(2);
    expect(otherAttempts(r, BK, recordedFor(r, BK)).map((a) => a.attemptNo)).toEqual([3]);
    expect(recordedFor(r, { kind: '补考', term: '2028-2029-1' })).toBeNull();
    expect(recordedFor(r, { kind: '重修', term: '2026-2027-2' })).toBeNull();
  });

  it('read what is typed with the server’s rule: 105 refused as typed, a 五级制 word refused on a 百分制 course', () => {
    expect(cellState({ score: '105', absent: false, void: false }, null, ZK, '百分制')).toEqual({ kind: 'problem', message: '成绩应在 0–100 之间（读到 105）' });
    expect(cellState({ score: '优秀', absent: false, void: false }, null, ZK, '百分制')).toMatchObject({ kind: 'problem', message: expect.stringContaining('该课程为百分制') });
    expect(cellState({ score: '８５', absent: false, void: false }, null, ZK, '百分制')).toEqual({ kind: 'change' });
    expect(cellState({ score: '优秀', absent: false, void: false }, null, ZK, '五级制')).toEqual({ kind: 'change' });
    expect(cellState({ score: '免修', absent: false, void: false }, null, BK, '百分制')).toEqual({ kind: 'problem', message: '补考记录的成绩不能是“免修”' });
    // Untouched or put back: nothing to save; cleared: the recorded grade goes.
    const rec = at(1, '正考', '85', '2026-2027-1');
    expect(cellState({ score: ' 85 ', absent: false, void: false }, rec, ZK, '百分制')).toEqual({ kind: 'same' });
    expect(cellState({ score: '', absent: false, void: false }, rec, ZK, '百分制')).toEqual({ kind: 'remove' });
    expect(cellState({ score: '', absent: false, void: false }, null, ZK, '百分制')).toEqual({ kind: 'same' });
  });

  it('toggle 缺考 (no grade) and 作弊 (keeps the score), typed words counting as the marks', () => {
    const v = { score: '78', absent: false, void: false };
    expect(toggleMark(v, 'void')).toEqual({ score: '78', absent: false, void: true });
    expect(toggleMark(v, 'absent')).toEqual({ score: '', absent: true, void: false });
    const typed = { score: '缺考', absent: false, void: false };
    expect(markOn(typed, 'absent')).toBe(true);
    expect(toggleMark(typed, 'absent')).toEqual({ score: '', absent: false, void: false });
    expect(toggleMark({ score: '', absent: true, void: false }, 'void')).toEqual({ score: '', absent: false, void: true });
  });

  it('send a new attempt with its column’s term, a recorded one by number, a cleared one as a removal', () => {
    expect(entryOf(7, { score: ' 85 ', absent: false, void: false }, null, BK)).toEqual({ studentId: 7, attempt: '补考', score: '85', term: '2026-2027-2' });
    const rec = at(2, '正考', '60', '2026-2027-1');
    expect(entryOf(7, { score: '', absent: true, void: false }, rec, ZK)).toEqual({ studentId: 7, attempt: '正考', score: '', absent: true, attemptNo: 2 });
    expect(entryOf(7, { score: '', absent: false, void: false }, at(1, '免修', null, '2026-2027-1'), ZK)).toEqual({ studentId: 7, attempt: '免修', attemptNo: 1, remove: true, score: '' });
  });

  it('put the server’s refusal back on the cell each entry came from', () => {
    const sent = [cellKey(7, '正考'), cellKey(8, '正考'), cellKey(8, '补考')];
    const byCell = issuesByCell(
      {
        code: 'VALIDATION',
        message: '有 2 处成绩无法保存',
        issues: [
          { row: 2, field: 'entries.1.studentId', message: '第 2 行 李四（2026510201002）正考：该学生不在计算机2601班' },
          { row: 3, field: 'entries.2.attempt', message: '第 3 行 李四（2026510201002）补考：与第 1 行是同一条考试记录' },
        ],
      },
      sent,
    );
    expect([...byCell]).toEqual([
      ['8:正考', '该学生不在计算机2601班'],
      ['8:补考', '与第 1 行是同一条考试记录'],
    ]);
    expect(issueLine('第 2 行 李四（2026510201002）正考：该学生不在计算机2601班')).toBe('李四（2026510201002）正考：该学生不在计算机2601班');
  });
});

describe('plan editor rows', () => {
  const good: CourseRow = { ...emptyRow(), code: 'MATH101', name: '高等数学', credits: '4', hours: '64', module: '公共基础' };

  it('are read by the contract’s own schema, each problem on its field in Chinese', () => {
    expect(rowProblems(good)).toEqual({});
    expect(rowProblems(emptyRow())).toEqual({ code: '请填写课程代码', name: '请填写课程名称', credits: '学分应为数字，最多一位小数（如 2 或 1.5）', hours: '请填写学时', module: '请填写课程模块' });
    expect(rowProblems({ ...good, credits: '2.25', hours: '1.5', code: 'MA 101' })).toEqual({ code: '课程代码不能含空格', credits: '学分应为数字，最多一位小数（如 2 或 1.5）', hours: '学时应为整数' });
  });

  it('take the server’s refusal onto the row it names, and keep its one-line reason', () => {
    const rows = [good, { ...good, key: good.key + 1000, code: 'math101' }];
    const p = serverProblems({ code: 'VALIDATION', message: '第 2 行：课程代码 MATH101 与第 1 行重复（共 1 处），方案未保存', field: 'courses.1.code', issues: [{ row: 2, field: 'courses.1.code', message: '第 2 行：课程代码 MATH101 与第 1 行重复' }] }, rows);
    expect(p.byRow.get(rows[1]!.key)).toEqual({ code: '课程代码 MATH101 与第 1 行重复' });
    expect(p.general).toBe('第 2 行：课程代码 MATH101 与第 1 行重复（共 1 处），方案未保存');
    const conflict = serverProblems({ code: 'CONFLICT', message: '该方案已有更新的版本（第 3 版），请刷新后在最新版本上修改。' }, rows);
    expect([conflict.byRow.size, conflict.general]).toEqual([0, '该方案已有更新的版本（第 3 版），请刷新后在最新版本上修改。']);
  });
});
