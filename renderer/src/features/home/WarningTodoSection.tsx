import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { studentTag } from '../../../../shared/domain/student-no';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCallData } from '../../ipc/useCall';
import { HomeSection } from './HomeSection';

/** The oldest few of each list; the rest are on each student's 跟进 page. */
const SHOWN = 8;

function Part({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <Box role="group" aria-label={title} sx={{ '& + &': { mt: 2 } }}>
      <Typography variant="body2" component="h3" sx={{ fontWeight: 600, color: 'text.secondary', mb: 0.5 }}>
        {title}（{count}）
      </Typography>
      <List dense disablePadding>
        {children}
      </List>
      {count > SHOWN && (
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          另有 {count - SHOWN} 条，见学业预警名单中各学生的跟进页
        </Typography>
      )}
    </Box>
  );
}

function Row({ to, children, detail }: { to: string; children: ReactNode; detail: ReactNode }) {
  return (
    <ListItem disableGutters divider sx={{ display: 'block' }}>
      <Typography variant="body2">
        <Link component={RouterLink} to={to} underline="hover" sx={{ fontWeight: 600 }}>
          {children}
        </Link>
      </Typography>
      <Typography variant="caption" sx={{ color: 'error.main', fontWeight: 600 }}>
        {detail}
      </Typography>
    </ListItem>
  );
}

/**
 * 学业预警待办 (for those with warnings.manage, within their 数据范围): parent notices sent 14 days
 * ago or more whose 回执 has not come back, and follow-ups past their date. Shown only when there is one.
 */
export function WarningTodoSection() {
  const { data, error } = useCallData('warnings.todo', {});
  if (error) return <ErrorAlert error={error} />;
  if (!data || data.receiptsOverdue.length + data.followUpsOverdue.length === 0) return null;
  const page = (studentId: number, term: string) => `/warnings/${studentId}/${term}`;
  return (
    <HomeSection
      title="学业预警待办"
      aside={
        <Button component={RouterLink} to="/warnings" size="small">
          学业预警
        </Button>
      }
    >
      <Part title="家长回执未收回" count={data.receiptsOverdue.length}>
        {data.receiptsOverdue.slice(0, SHOWN).map((r) => (
          <Row key={r.noticeId} to={page(r.studentId, r.term)} detail={`${r.noticeNo}（${r.tier}）于 ${r.firstSentOn} 送出，已 ${r.days} 天未收回回执`}>
            {studentTag(r.studentName, r.studentNo)}
          </Row>
        ))}
      </Part>
      <Part title="帮扶跟进已逾期" count={data.followUpsOverdue.length}>
        {data.followUpsOverdue.slice(0, SHOWN).map((f) => (
          <Row key={f.id} to={page(f.studentId, f.term)} detail={`应于 ${f.dueOn} 跟进，已逾期 ${f.daysLate} 天${f.note ? `：${f.note}` : ''}`}>
            {studentTag(f.studentName, f.studentNo)}
          </Row>
        ))}
      </Part>
    </HomeSection>
  );
}
