import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { NoticeSnackbar } from '../../components/NoticeSnackbar';
import { PageHeader } from '../../components/PageHeader';
import { useCallData } from '../../ipc/useCall';
import { KeyChangeList } from './KeyChangeList';
import { STATUS_LABELS, type KeyChangeStatus } from './keyChangeText';

type Filter = KeyChangeStatus | 'all';
// 已驳回 only holds requests refused before they ran on the approval engine: found under 全部.
const FILTERS: Filter[] = ['pending', 'returned', 'approved', 'withdrawn', 'all'];
const EMPTY: Record<Filter, string> = {
  pending: '没有待审批的变更申请。',
  returned: '没有被退回的变更申请。',
  approved: '还没有已批准的变更申请。',
  rejected: '没有已驳回的变更申请。',
  withdrawn: '还没有已撤回的变更申请。',
  all: '还没有任何变更申请。学生注册学籍后，如需修改姓名、性别、出生日期或身份证号，可在学生档案中点击“申请变更”。',
};

/** 信息变更审批: requests to change the locked key fields of registered students. */
export function KeyChangesPage() {
  const [filter, setFilter] = useState<Filter>('pending');
  const input = filter === 'all' ? {} : { status: filter };
  const { data, loading, error, reload } = useCallData('keyChanges.list', input, filter);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Box>
      <PageHeader title="信息变更审批" description="已注册学生的姓名、性别、出生日期、身份证号和照片须经申请、审批后才能修改；最后一步批准后立即生效并记入修改历史。审批流程可在“系统设置 → 学籍异动”中调整。" />
      <Alert severity="info" variant="outlined" sx={{ mb: 2, bgcolor: 'background.paper' }}>
        休学、复学、退学、转专业等学籍异动请在“
        <Link component={RouterLink} to="/status-changes">
          学籍异动
        </Link>
        ”中办理。
      </Alert>
      <Paper variant="outlined" sx={{ mb: 2 }}>
        <Tabs value={filter} onChange={(_, v: Filter) => setFilter(v)} aria-label="申请状态" sx={{ px: 1 }}>
          {FILTERS.map((f) => (
            <Tab key={f} value={f} label={f === 'all' ? '全部' : STATUS_LABELS[f]} />
          ))}
        </Tabs>
      </Paper>
      {error && (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert error={error} />
          <Button size="small" onClick={reload} sx={{ mt: 1 }}>
            重新加载
          </Button>
        </Box>
      )}
      {!data && loading ? (
        <LoadingBlock />
      ) : (
        <KeyChangeList
          requests={data ?? []}
          showStudent
          empty={EMPTY[filter]}
          onDecided={(_, message) => {
            setNotice(message);
            reload();
          }}
        />
      )}
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
