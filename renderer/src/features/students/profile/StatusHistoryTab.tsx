import type { StudentProfile } from '../../../../../shared/ipc/schemas/students';
import { orDash } from '../common/codeNames';
import { StatusChip } from '../common/StatusChip';
import { SimpleTable } from './SimpleTable';

/** 学籍变动 tab: every change of 学籍状态. */
export function StatusHistoryTab({ student }: { student: StudentProfile }) {
  return (
    <SimpleTable
      label="学籍变动"
      rows={student.statusHistory}
      rowKey={(_, i) => i}
      empty="暂无学籍变动记录。"
      columns={[
        { label: '生效日期', render: (h) => h.effective, width: 140 },
        { label: '原状态', render: (h) => (h.fromStatus ? <StatusChip status={h.fromStatus} /> : '—'), width: 140 },
        { label: '新状态', render: (h) => <StatusChip status={h.toStatus} />, width: 140 },
        { label: '原因', render: (h) => orDash(h.reason) },
        { label: '操作人', render: (h) => h.createdBy, width: 140 },
      ]}
    />
  );
}
