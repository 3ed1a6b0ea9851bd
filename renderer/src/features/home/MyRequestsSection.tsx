import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { studentTag } from '../../../../shared/domain/student-no';
import type { KeyChangeBrief } from '../../../../shared/ipc/schemas/home';
import { formatDateTime } from '../../components/format';
import { KeyChangeStatusChip } from '../keyChanges/KeyChangeStatusChip';
import { HomeSection } from './HomeSection';

/** What happened to it, in a sentence: who decided when, and why when it was refused. */
function outcome(r: KeyChangeBrief): string {
  switch (r.status) {
    case 'pending':
      return `提交于 ${formatDateTime(r.requestedAt)}，等待${r.stepLabel ?? '审批'}`;
    case 'returned':
      return `${r.decidedByName ?? ''} 于 ${formatDateTime(r.decidedAt)} 退回，请修改后重新提交或撤回`;
    case 'approved':
      return `${r.decidedByName ?? ''} 于 ${formatDateTime(r.decidedAt)} 批准，档案已更新`;
    case 'rejected':
      return `${r.decidedByName ?? ''} 于 ${formatDateTime(r.decidedAt)} 驳回`;
    case 'withdrawn':
      return `${r.decidedByName ?? ''} 于 ${formatDateTime(r.decidedAt)} 撤回`;
  }
}

/** 我的变更申请: this user's latest requests and how they ended. */
export function MyRequestsSection({ requests }: { requests: KeyChangeBrief[] }) {
  return (
    <HomeSection
      title="我的变更申请"
      aside={
        <Button component={RouterLink} to="/key-changes" size="small">
          查看全部
        </Button>
      }
    >
      {requests.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          您还没有提交过变更申请。已注册学生的姓名、性别、出生日期、身份证号须在学生档案中“申请变更”。
        </Typography>
      ) : (
        <List dense disablePadding>
          {requests.map((r) => (
            <ListItem key={r.id} disableGutters divider sx={{ alignItems: 'flex-start', gap: 2 }}>
              <Box sx={{ pt: 0.25, width: 72, flexShrink: 0 }}>
                <KeyChangeStatusChip status={r.status} />
              </Box>
              <Box sx={{ minWidth: 0, flexGrow: 1 }}>
                <Typography variant="body2">
                  <Link component={RouterLink} to={`/students/${r.studentId}?tab=changes`} underline="hover" sx={{ fontWeight: 600 }}>
                    {studentTag(r.studentName, r.studentNo)}
                  </Link>{' '}
                  修改{r.fields.join('、')} · 第 {r.id} 号
                </Typography>
                <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                  {outcome(r)}
                </Typography>
                {(r.status === 'rejected' || r.status === 'returned') && r.decisionComment && (
                  <Typography variant="body2" sx={{ color: 'error.dark' }}>
                    {r.status === 'returned' ? '退回理由' : '驳回理由'}：{r.decisionComment}
                  </Typography>
                )}
              </Box>
            </ListItem>
          ))}
        </List>
      )}
    </HomeSection>
  );
}
