import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { studentTag } from '../../../../shared/domain/student-no';
import type { HomeOverview } from '../../../../shared/ipc/schemas/home';
import { formatDateTime } from '../../components/format';
import { HomeSection } from './HomeSection';

type Waiting = NonNullable<HomeOverview['awaitingMyDecision']>;

/**
 * 待我审批的信息变更: the change requests waiting at a step this user decides (or, for a counselor, a
 * paper step to record), the longest waiting first. (学籍异动 waiting for them are in 待办.)
 */
export function AwaitingDecisionSection({ waiting }: { waiting: Waiting }) {
  const more = waiting.total - waiting.first.length;
  return (
    <HomeSection
      title="待我审批的信息变更"
      aside={
        waiting.total > 0 && (
          <Button component={RouterLink} to="/key-changes" size="small">
            去审批
          </Button>
        )
      }
    >
      <Typography variant="body2" sx={{ color: waiting.total > 0 ? 'warning.dark' : 'text.secondary', fontWeight: waiting.total > 0 ? 600 : 400 }}>
        {waiting.total > 0 ? `${waiting.total} 份变更申请等待您审批` : '没有等待您审批的变更申请。'}
      </Typography>
      {waiting.first.length > 0 && (
        <List dense disablePadding sx={{ mt: 1 }}>
          {waiting.first.map((r) => (
            // The student's 变更申请 tab: the request with its evidence, 批准 and 退回.
            <ListItemButton key={r.id} component={RouterLink} to={`/students/${r.studentId}?tab=changes`} sx={{ borderRadius: 1, gap: 2 }}>
              <Box sx={{ minWidth: 0, flexGrow: 1 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {studentTag(r.studentName, r.studentNo)}
                  <Typography component="span" variant="body2" sx={{ ml: 1 }}>
                    申请修改{r.fields.join('、')}
                  </Typography>
                </Typography>
                <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                  第 {r.id} 号 · {r.requestedByName} 提交于 {formatDateTime(r.requestedAt)}
                  {r.stepLabel ? ` · ${r.stepLabel}` : ''}
                </Typography>
              </Box>
            </ListItemButton>
          ))}
        </List>
      )}
      {more > 0 && (
        <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block', mt: 1 }}>
          另有 {more} 份，见“信息变更审批”。
        </Typography>
      )}
    </HomeSection>
  );
}
