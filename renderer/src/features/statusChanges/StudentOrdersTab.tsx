import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import NoteAddOutlined from '@mui/icons-material/NoteAddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import type { StatusChange } from '../../../../shared/ipc/schemas/status-changes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useCallData } from '../../ipc/useCall';
import { SimpleTable } from '../students/profile/SimpleTable';
import { AbsenceDialog } from './AbsenceDialog';
import { StateChip } from './StateChip';

interface Props {
  studentId: number;
  studentName: string;
  /** Changes whenever the list should be fetched again. */
  refreshKey: string;
  onFile?: (() => void) | undefined;
  /** 登记缺勤 was done (for the page's notice). */
  onNotice: (message: string) => void;
}

/** 学籍异动 tab of a profile: this student's work orders, newest first; each opens its order page. */
export function StudentOrdersTab({ studentId, studentName, refreshKey, onFile, onNotice }: Props) {
  const [absent, setAbsent] = useState(false);
  const { data, error, loading } = useCallData('statusChanges.list', { studentId, page: 0, pageSize: 200 }, `${studentId}:${refreshKey}`);
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1.5, gap: 2 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary', flexGrow: 1 }}>
          休学、复学、保留学籍、退学、转专业等异动逐级审批，最后一步批准后学籍状态才改变。
        </Typography>
        {onFile && (
          <>
            <Button size="small" startIcon={<EventBusyOutlined />} onClick={() => setAbsent(true)}>
              登记缺勤
            </Button>
            <Button variant="outlined" size="small" startIcon={<NoteAddOutlined />} onClick={onFile}>
              办理学籍异动
            </Button>
          </>
        )}
      </Box>
      {error && <ErrorAlert error={error} />}
      {!data && loading ? (
        <LoadingBlock />
      ) : (
        <SimpleTable<StatusChange>
          label="学籍异动"
          rows={data?.rows ?? []}
          rowKey={(o) => o.id}
          empty="该学生没有学籍异动。"
          columns={[
            { label: '编号', render: (o) => `第 ${o.id} 号`, width: 90 },
            {
              label: '异动类型',
              render: (o) => (
                <Link component={RouterLink} to={`/status-changes/${o.id}`} underline="hover">
                  {o.title}
                </Link>
              ),
            },
            { label: '生效日期', render: (o) => o.data.effectiveDate, width: 110 },
            { label: '当前步骤', render: (o) => (o.state === 'pending' ? o.currentStep : o.state === 'returned' ? '退回提交人修改' : '—'), width: 150 },
            { label: '提交人', render: (o) => o.filedByName, width: 100 },
            { label: '提交时间', render: (o) => formatDateTime(o.filedAt), width: 150 },
            { label: '状态', render: (o) => <StateChip state={o.state} />, width: 90 },
          ]}
        />
      )}
      <AbsenceDialog open={absent} studentId={studentId} studentName={studentName} onClose={() => setAbsent(false)} onDone={onNotice} />
    </Box>
  );
}
