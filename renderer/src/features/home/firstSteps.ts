import type { Permission } from '../../../../shared/domain/permissions';

export interface FirstStep {
  title: string;
  done: boolean;
  /** Where to do it; null when this user may not (the hint says who can). */
  action: { label: string; path: string } | null;
  hint: string;
}

/**
 * What an empty install asks for first: majors and classes, then the roster. Null once there are
 * students (the department is under way). Buttons only for what this user may do.
 */
export function firstSteps(counts: { majors: number; classes: number; students: number }, can: (p: Permission) => boolean): FirstStep[] | null {
  if (counts.students > 0) return null;
  return [
    {
      title: '先建专业和班级',
      done: counts.majors > 0 && counts.classes > 0,
      action: can('org.write') ? { label: '建专业和班级', path: '/org' } : null,
      hint: can('org.write') ? '名单中的班级要先在“专业与班级”中建好，导入时才能对上。' : '请管理员或学籍管理员在“专业与班级”中建立。',
    },
    {
      title: '导入名单',
      done: false,
      action: can('students.write') ? { label: '导入名单', path: '/import' } : null,
      hint: can('students.write') ? '从 Excel 名单导入学生，导入前会逐行检查。' : '学籍管理员或管理员导入名单后，这里就能查看学生。',
    },
  ];
}
