import { fieldLabel } from '../../../../../shared/domain/student-fields';
import type { StudentProfile } from '../../../../../shared/ipc/schemas/students';
import { orDash } from '../common/codeNames';
import { SimpleTable } from './SimpleTable';

/** 家庭成员 tab. */
export function GuardiansTab({ student }: { student: StudentProfile }) {
  return (
    <SimpleTable
      label="家庭成员"
      rows={student.guardians}
      rowKey={(g) => g.id}
      empty="尚未填写家庭成员，可在“编辑档案”中添加。"
      columns={[
        { label: fieldLabel('guardianName'), render: (g) => g.name },
        { label: fieldLabel('guardianRelation'), render: (g) => g.relation },
        { label: fieldLabel('guardianPhone'), render: (g) => orDash(g.phone) },
        { label: '工作单位', render: (g) => orDash(g.workUnit ?? null) },
      ]}
    />
  );
}
