import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { STATUS_CHANGE_TYPES, type StatusChangeType } from '../../../../shared/domain/status-changes';
import { studentTag } from '../../../../shared/domain/student-no';
import type { CallOutput } from '../../../../shared/ipc/contract';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../ipc/client';
import { useCallData } from '../../ipc/useCall';
import { FileOrderDialog } from '../statusChanges/filing/FileOrderDialog';
import type { StudentBrief } from '../statusChanges/filing/StudentPicker';
import { statusName } from '../students/common/codeNames';
import { HomeSection } from './HomeSection';

type Todo = CallOutput<'statusChanges.todo'>;
type TodoOrder = Todo['waitingForMe'][number];

/** A home page shows the oldest few of a list; the rest are one click away on the 学籍异动 page. */
const SHOWN = 8;

function Part({ title, count, children, all }: { title: string; count: number; children: ReactNode; all?: string }) {
  if (count === 0) return null;
  return (
    <Box role="group" aria-label={title} sx={{ '& + &': { mt: 2 } }}>
      <Typography variant="body2" component="h3" sx={{ fontWeight: 600, color: 'text.secondary', mb: 0.5 }}>
        {title}（{count}）
      </Typography>
      <List dense disablePadding>
        {children}
      </List>
      {all && count > SHOWN && (
        <Link component={RouterLink} to={all} underline="hover" variant="body2" sx={{ display: 'inline-block', mt: 0.5 }}>
          还有 {count - SHOWN} 条，查看全部
        </Link>
      )}
    </Box>
  );
}

function Row({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <ListItem disableGutters divider sx={{ gap: 2, alignItems: 'center' }}>
      <Box sx={{ minWidth: 0, flexGrow: 1 }}>{children}</Box>
      {actions && <Box sx={{ display: 'flex', gap: 1, flexShrink: 0 }}>{actions}</Box>}
    </ListItem>
  );
}

function OrderLine({ o, late }: { o: TodoOrder; late?: boolean }) {
  return (
    <Row>
      <Typography variant="body2">
        <Link component={RouterLink} to={`/status-changes/${o.id}`} underline="hover" sx={{ fontWeight: 600 }}>
          {studentTag(o.studentName, o.studentNo)} {o.title}
        </Link>
        {o.stepLabel && <span style={{ marginLeft: 8 }}>{o.stepLabel}</span>}
      </Typography>
      <Typography variant="caption" sx={{ color: late ? 'error.main' : 'text.secondary', fontWeight: late ? 600 : 400 }}>
        第 {o.id} 号 · 已等待 {o.workingDays} 个工作日
      </Typography>
    </Row>
  );
}

const daysText = (n: number) => (n < 0 ? `已逾期 ${-n} 天` : n === 0 ? '今天到期' : `还有 ${n} 天`);

/** 学籍异动待办: what waits for this user's hand, list by list; an empty list is not shown. */
export function StatusTodoSection() {
  const { can } = useSession();
  const navigate = useNavigate();
  const { data, error, reload } = useCallData('statusChanges.todo', {});
  const [start, setStart] = useState<{ student: StudentBrief; type: StatusChangeType } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const mayFile = can('changes.request');

  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const total = data.waitingForMe.length + data.overdue.length + data.returnedToMe.length + data.ending.length + data.appeals.length + data.absent.length + (data.monthReport ? 1 : 0);
  if (total === 0) return null;

  const startButton = (student: StudentBrief, type: StatusChangeType) =>
    mayFile && (
      <Button key={type} size="small" variant="outlined" onClick={() => setStart({ student, type })}>
        办理{STATUS_CHANGE_TYPES[type].label}
      </Button>
    );

  return (
    <HomeSection
      title="学籍异动待办"
      aside={
        <Button component={RouterLink} to="/status-changes" size="small">
          全部学籍异动
        </Button>
      }
    >
      {actionError && <ErrorAlert error={actionError} onClose={() => setActionError(null)} />}
      <Part title="待我审批" count={data.waitingForMe.length} all="/status-changes">
        {data.waitingForMe.slice(0, SHOWN).map((o) => (
          <OrderLine key={o.id} o={o} />
        ))}
      </Part>
      <Part title="超期未办" count={data.overdue.length} all="/status-changes">
        {data.overdue.slice(0, SHOWN).map((o) => (
          <OrderLine key={o.id} o={o} late />
        ))}
      </Part>
      <Part title="退回给我" count={data.returnedToMe.length} all="/status-changes?state=returned">
        {data.returnedToMe.slice(0, SHOWN).map((o) => (
          <OrderLine key={o.id} o={o} />
        ))}
      </Part>
      <Part title="休学/保留学籍即将到期" count={data.ending.length}>
        {data.ending.map((e) => {
          const student = { id: e.studentId, name: e.studentName, studentNo: e.studentNo, className: null };
          return (
            <Row key={e.studentId} actions={e.next.map((t) => startButton(student, t))}>
              <Typography variant="body2">
                <Link component={RouterLink} to={`/students/${e.studentId}`} underline="hover" sx={{ fontWeight: 600 }}>
                  {studentTag(e.studentName, e.studentNo)}
                </Link>{' '}
                {statusName(e.status)}至 {e.until}
              </Typography>
              <Typography variant="caption" sx={{ color: e.daysLeft < 0 ? 'error.main' : 'warning.dark', fontWeight: 600 }}>
                {daysText(e.daysLeft)}
              </Typography>
            </Row>
          );
        })}
      </Part>
      <Part title="申诉期" count={data.appeals.length}>
        {data.appeals.map((a) => (
          <Row key={a.id}>
            <Typography variant="body2">
              <Link component={RouterLink} to={`/status-changes/${a.id}`} underline="hover" sx={{ fontWeight: 600 }}>
                {a.studentName} {a.title}
              </Link>
            </Typography>
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {a.servedOn} 送达，申诉期限至 {a.deadline}（{daysText(a.daysLeft)}）
            </Typography>
          </Row>
        ))}
      </Part>
      <Part title="缺勤学生" count={data.absent.length}>
        {data.absent.map((a) => {
          const student = { id: a.studentId, name: a.studentName, studentNo: a.studentNo, className: null };
          return (
            <Row
              key={a.flagId}
              actions={
                mayFile && (
                  <>
                    {startButton(student, 'withdraw')}
                    <Button
                      size="small"
                      onClick={() =>
                        void call('statusChanges.clearAbsent', { id: a.flagId }).then((r) => (r.ok ? reload() : setActionError(r.error.message)))
                      }
                    >
                      已返校
                    </Button>
                  </>
                )
              }
            >
              <Typography variant="body2">
                <Link component={RouterLink} to={`/students/${a.studentId}`} underline="hover" sx={{ fontWeight: 600 }}>
                  {studentTag(a.studentName, a.studentNo)}
                </Link>
                {a.note && <span style={{ marginLeft: 8 }}>{a.note}</span>}
              </Typography>
              <Typography variant="caption" sx={{ color: a.overThreshold ? 'error.main' : 'text.secondary', fontWeight: a.overThreshold ? 600 : 400 }}>
                自 {a.since} 起缺勤 {a.days} 天{a.overThreshold ? '，已超过学校规定的连续缺勤天数' : ''}
              </Typography>
            </Row>
          );
        })}
      </Part>
      <Part title="异动月报" count={data.monthReport ? 1 : 0}>
        {data.monthReport && (
          <Row
            actions={
              <Button size="small" variant="outlined" component={RouterLink} to="/status-changes">
                去导出月报
              </Button>
            }
          >
            <Typography variant="body2">
              {data.monthReport.label}生效的学籍异动共 {data.monthReport.count} 条，须于 {data.monthReport.dueOn} 前报送
            </Typography>
            <Typography variant="caption" sx={{ color: data.monthReport.daysLeft <= 3 ? 'error.main' : 'text.secondary', fontWeight: data.monthReport.daysLeft <= 3 ? 600 : 400 }}>
              {daysText(data.monthReport.daysLeft)}
            </Typography>
          </Row>
        )}
      </Part>
      <FileOrderDialog
        open={start !== null}
        student={start?.student ?? null}
        presetType={start?.type ?? null}
        onClose={() => setStart(null)}
        onDone={(o) => navigate(`/status-changes/${o.id}`, { state: { notice: `已提交第 ${o.id} 号学籍异动` } })}
      />
    </HomeSection>
  );
}
