import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { useCallData } from '../../../ipc/useCall';
import { KeyChangeList } from '../../keyChanges/KeyChangeList';

interface Props {
  studentId: number;
  /** Changes whenever the list should be fetched again. */
  refreshKey: string;
  registered: boolean;
  onRequestChange?: (() => void) | undefined;
  onDecided: (message: string) => void;
}

/** 变更申请 tab: this student's requests to change locked key fields. */
export function KeyChangesTab({ studentId, refreshKey, registered, onRequestChange, onDecided }: Props) {
  const { data, error, loading } = useCallData('keyChanges.list', { studentId }, `${studentId}:${refreshKey}`);
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1.5, gap: 2 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary', flexGrow: 1 }}>
          {registered ? '学生已注册学籍：姓名、性别、出生日期、身份证号的修改须提交申请并经审批。' : '学生尚未注册学籍，关键信息可直接在“编辑档案”中修改，无需申请。'}
        </Typography>
        {onRequestChange && (
          <Button variant="outlined" size="small" startIcon={<EditNoteOutlined />} onClick={onRequestChange}>
            申请变更
          </Button>
        )}
      </Box>
      {error && <ErrorAlert error={error} />}
      {!data && loading ? <LoadingBlock /> : <KeyChangeList requests={data ?? []} showStudent={false} empty="暂无变更申请。" onDecided={(_, m) => onDecided(m)} />}
    </Box>
  );
}
