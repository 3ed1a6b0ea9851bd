import { fieldLabel } from '../../../../../shared/domain/student-fields';
import type { StudentProfile } from '../../../../../shared/ipc/schemas/students';
import { SimpleTable } from './SimpleTable';

/** 学习经历 tab: the classes the student has been in. */
export function ClassHistoryTab({ student }: { student: StudentProfile }) {
  return (
    <SimpleTable
      label="学习经历"
      rows={student.classHistory}
      rowKey={(_, i) => i}
      empty="暂无分班记录。"
      columns={[
        { label: '起始日期', render: (h) => h.fromDate, width: 160 },
        { label: fieldLabel('className'), render: (h) => h.className },
        { label: '操作人', render: (h) => h.createdBy, width: 160 },
      ]}
    />
  );
}
