import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STUDENT_NO_RULE, planStudentNumbers, ruleProblem, studentTag, type NumberingCandidate, type StudentNoRule,
} from '../../../shared/domain/student-no';

const cand = (id: number, name: string, namePinyin: string, className: string | null, classOrdinal: number | null, idNumber = `11010120050101${String(id).padStart(4, '0')}`): NumberingCandidate => ({
  id, name, namePinyin, idNumber, className, classOrdinal,
  cohortYear: className ? 2026 : null, majorCode: className ? '510201' : null,
});

describe('学号编排 (planStudentNumbers)', () => {
  const students = [
    cand(1, '赵六', 'zhaoliu', '计算机应用技术2602', 2),
    cand(2, '王五', 'wangwu', '计算机应用技术2601', 1),
    cand(3, '李四', 'lisi', '计算机应用技术2601', 1),
    cand(4, '张三', 'zhangsan', '计算机应用技术2601', 1),
  ];

  it('numbers by class, then pinyin of name, with the default rule (年份 专业代码 班号 序号)', () => {
    const plan = planStudentNumbers(DEFAULT_STUDENT_NO_RULE, students, []);
    expect(plan.skipped).toEqual([]);
    expect(plan.assigned).toEqual([
      { id: 3, studentNo: '20265102010101' }, // 李四 lisi
      { id: 2, studentNo: '20265102010102' }, // 王五 wangwu
      { id: 4, studentNo: '20265102010103' }, // 张三 zhangsan
      { id: 1, studentNo: '20265102010201' }, // 赵六, the second class starts its own sequence
    ]);
  });

  it('numbers by ID number when asked', () => {
    const rule: StudentNoRule = { parts: [{ kind: 'year', digits: 2 }, { kind: 'sequence', digits: 4 }], order: 'idNumber' };
    const byId = [cand(1, '甲', 'jia', 'A', 1, '110101200501010039'), cand(2, '乙', 'yi', 'A', 1, '110101200501010012')];
    expect(planStudentNumbers(rule, byId, []).assigned).toEqual([{ id: 2, studentNo: '260001' }, { id: 1, studentNo: '260002' }]);
  });

  it('continues after the highest 学号 already used with the same prefix and never repeats one', () => {
    const plan = planStudentNumbers(DEFAULT_STUDENT_NO_RULE, students.slice(1), ['20265102010101', '20265102010104', '20265102019999x']);
    expect(plan.assigned.map((a) => a.studentNo)).toEqual(['20265102010105', '20265102010106', '20265102010107']);
  });

  it('skips, with a reason, students the rule cannot number', () => {
    const plan = planStudentNumbers(DEFAULT_STUDENT_NO_RULE, [cand(9, '钱七', 'qianqi', null, null)], []);
    expect(plan.assigned).toEqual([]);
    expect(plan.skipped).toEqual([{ id: 9, reason: '没有班级（年级），无法确定入学年份' }]);
  });

  it('stops a prefix when its sequence is used up instead of growing a digit', () => {
    const rule: StudentNoRule = { parts: [{ kind: 'text', text: 'X' }, { kind: 'sequence', digits: 1 }], order: 'classPinyin' };
    const many = Array.from({ length: 11 }, (_, i) => cand(i + 1, `生${i}`, `sheng${String(i).padStart(2, '0')}`, 'A', 1));
    const plan = planStudentNumbers(rule, many, []);
    expect(plan.assigned).toHaveLength(9);
    expect(plan.assigned.at(-1)!.studentNo).toBe('X9');
    expect(plan.skipped).toHaveLength(2);
    expect(plan.skipped[0]!.reason).toContain('序号已用完');
  });

  it('keeps the last digits of the major code when asked', () => {
    const rule: StudentNoRule = { parts: [{ kind: 'year', digits: 2 }, { kind: 'majorCode', digits: 4 }, { kind: 'sequence', digits: 3 }], order: 'classPinyin' };
    expect(planStudentNumbers(rule, [students[0]!], []).assigned[0]!.studentNo).toBe('260201001');
  });
});

describe('学号规则 (ruleProblem)', () => {
  it('accepts the default rule', () => expect(ruleProblem(DEFAULT_STUDENT_NO_RULE)).toBeNull());
  it('needs exactly one sequence, at the end', () => {
    expect(ruleProblem({ parts: [{ kind: 'year', digits: 4 }], order: 'idNumber' })).toContain('序号');
    expect(ruleProblem({ parts: [{ kind: 'sequence', digits: 3 }, { kind: 'year', digits: 4 }], order: 'idNumber' })).toContain('最后');
  });
  it('refuses a 学号 longer than the field allows, and text a 学号 cannot hold', () => {
    expect(ruleProblem({ parts: [{ kind: 'text', text: '1234567890123456' }, { kind: 'sequence', digits: 6 }], order: 'idNumber' })).toContain('20');
    expect(ruleProblem({ parts: [{ kind: 'text', text: '计' }, { kind: 'sequence', digits: 6 }], order: 'idNumber' })).toContain('固定文字');
  });
});

describe('studentTag', () => {
  it('names a student with or without a 学号', () => {
    expect(studentTag('张三', '2301')).toBe('张三（学号 2301）');
    expect(studentTag('张三', null)).toBe('张三（待编学号）');
  });
});
