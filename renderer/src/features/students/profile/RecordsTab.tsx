import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlineOutlined from '@mui/icons-material/DeleteOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { StudentProfile } from '../../../../../shared/ipc/schemas/students';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useCall } from '../../../ipc/useCall';
import { orDash } from '../common/codeNames';
import { AddRecordDialog } from './AddRecordDialog';
import { SimpleTable } from './SimpleTable';

type RecordRow = StudentProfile['records'][number];

interface Props {
  student: StudentProfile;
  canWrite: boolean;
  onChanged: (profile: StudentProfile, message: string) => void;
}

/** 奖惩记录 tab: rewards and punishments. */
export function RecordsTab({ student, canWrite, onChanged }: Props) {
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<RecordRow | null>(null);
  const remove = useCall('students.removeRecord');
  const rows = student.records.filter((r) => r.kind === 'reward' || r.kind === 'punishment');

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1.5 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary', flexGrow: 1 }}>
          共 {rows.length} 条奖惩记录
        </Typography>
        {canWrite && (
          <Button variant="outlined" size="small" startIcon={<AddOutlined />} onClick={() => setAdding(true)}>
            添加奖惩记录
          </Button>
        )}
      </Box>
      <SimpleTable
        label="奖惩记录"
        rows={rows}
        rowKey={(r) => r.id}
        empty="暂无奖惩记录。"
        columns={[
          {
            label: '类别',
            width: 80,
            render: (r) => <Chip size="small" label={r.kind === 'reward' ? '奖励' : '处分'} color={r.kind === 'reward' ? 'success' : 'error'} variant="outlined" />,
          },
          { label: '名称', render: (r) => r.title },
          { label: '级别', render: (r) => orDash(r.level) },
          { label: '日期', render: (r) => r.date, width: 110 },
          { label: '文号', render: (r) => orDash(r.docNo) },
          { label: '学期', render: (r) => orDash(r.term), width: 120 },
          { label: '解除日期', render: (r) => orDash(r.endDate), width: 110 },
          ...(canWrite
            ? [
                {
                  label: '操作',
                  width: 64,
                  render: (r: RecordRow) => (
                    <Tooltip title="删除">
                      <IconButton size="small" aria-label={`删除 ${r.title}`} onClick={() => setRemoving(r)}>
                        <DeleteOutlineOutlined fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AddRecordDialog open={adding} studentId={student.id} onClose={() => setAdding(false)} onSaved={onChanged} />
      <ConfirmDialog
        open={removing !== null}
        title="删除记录"
        confirmLabel="删除"
        busyLabel="正在删除…"
        danger
        busy={remove.loading}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        onConfirm={() => {
          if (!removing) return;
          void remove.run({ id: removing.id }).then((r) => {
            if (r.ok) {
              onChanged(r.value, `已删除：${removing.title}`);
              setRemoving(null);
            }
          });
        }}
      >
        <Typography variant="body2">确定删除“{removing?.title}”吗？删除操作会记入修改历史。</Typography>
      </ConfirmDialog>
    </Box>
  );
}
