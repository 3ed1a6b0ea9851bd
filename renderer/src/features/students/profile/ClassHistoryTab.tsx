import { classStays } from '../../../../../shared/domain/class-history';
import { fieldLabel } from '../../../../../shared/domain/student-fields';
import type { StudentProfile } from '../../../../../shared/ipc/schemas/students';
import { SimpleTable } from './SimpleTable';

/** 学习经历 tab: the classes the student has been in, the current one first. */
export function ClassHistoryTab({ student }: { student: StudentProfile }) {
  const stays = classStays(student.classHistory, { className: student.className, enrolmentDate: student.enrolmentDate });
  return (
    <SimpleTable
      label="学习经历"
      rows={stays}
      rowKey={(_, i) => i}
      empty="尚未分班。"
      columns={[
        { label: '时间', render: (s) => `${s.from ?? '入学时'} 至${s.until ? ` ${s.until}` : '今'}`, width: 240 },
        { label: fieldLabel('className'), render: (s) => s.className },
        { label: '方式', render: (s) => s.how, width: 100 },
        { label: '经办人', render: (s) => s.byName ?? '—', width: 160 },
      ]}
    />
  );
}
