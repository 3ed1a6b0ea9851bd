import AddOutlined from '@mui/icons-material/AddOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { NOTICE_RECIPIENTS, SEND_METHODS, termLabel } from '../../../../../shared/domain/warnings';
import { studentTag } from '../../../../../shared/domain/student-no';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { NoticeSnackbar } from '../../../components/NoticeSnackbar';
import { useCallData } from '../../../ipc/useCall';
import { TierChip } from '../TierChip';
import { CHANGE_LABELS } from '../tierColours';
import { FollowUpDialog, PlanDialog, ReceiptDialog, SendDialog, TalkDialog, type FollowUp, type Notice, type Talk } from './dialogs';
import { PrintNoticeButton } from './PrintNoticeButton';

function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2.5, mb: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, flexGrow: 1 }}>
          {title}
        </Typography>
        {actions}
      </Box>
      {children}
    </Paper>
  );
}

const Empty = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" sx={{ color: 'text.secondary' }}>
    {children}
  </Typography>
);

function sendText(s: Notice['sends'][number]): string {
  return `${SEND_METHODS[s.method]}${s.mailNo ? ` ${s.mailNo}` : ''}（${s.sentOn}）${s.phoneLog ? `：${s.phoneLog}` : ''}${s.note ? `；${s.note}` : ''}`;
}

function ReceiptState({ n }: { n: Notice }) {
  if (n.receipt)
    return (
      <Typography variant="body2">
        {n.recipient === 'parent' ? '已收回' : '已签收'} {n.receipt.receivedOn}
        {n.receipt.note && <Box component="span" sx={{ color: 'text.secondary' }}>（{n.receipt.note}）</Box>}
      </Typography>
    );
  if (n.receiptOverdue)
    return (
      <Typography variant="body2" sx={{ color: 'error.main', fontWeight: 600 }}>
        寄出已满 14 天未收回
      </Typography>
    );
  return <Empty>{n.sends.length ? (n.recipient === 'parent' ? '待收回' : '待签收') : '—'}</Empty>;
}

type Dialogs =
  | { kind: 'talk'; talk: Talk | null }
  | { kind: 'plan' }
  | { kind: 'followUp'; followUp: FollowUp | null; completing: boolean }
  | { kind: 'send'; notice: Notice }
  | { kind: 'receipt'; notice: Notice };

/**
 * /warnings/:studentId/:term — 学业预警跟进 of one warned student in one term: the tier and its
 * reasons, how the tier moved from run to run with the notices issued for each tier, 谈话记录, the
 * 帮扶计划 with its follow-up dates, and the notices (打印, 登记送达, 登记回执).
 */
export function FollowUpPage() {
  const params = useParams();
  const studentId = Number(params.studentId);
  const term = params.term ?? '';
  const { data, error, loading, reload } = useCallData('warnings.followUp', { studentId, term }, `${studentId}/${term}`);
  const [dialog, setDialog] = useState<Dialogs | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (error) return <ErrorAlert error={error} />;
  if (!data) return loading ? <LoadingBlock /> : null;
  const done = (message: string) => {
    setNotice(message);
    reload();
  };
  const close = () => setDialog(null);
  const { student, current } = data;
  const termNotices = data.notices.filter((n) => n.term === term);
  const noticesFor = (t: string, tier: string | null) => data.notices.filter((n) => n.term === t && n.tier === tier);

  return (
    <Box>
      <Breadcrumbs sx={{ mb: 1.5 }} aria-label="位置">
        <Link component={RouterLink} to="/warnings" underline="hover" color="inherit">
          学业预警
        </Link>
        <Typography color="text.primary">{student.name} 跟进</Typography>
      </Breadcrumbs>
      <Paper variant="outlined" sx={{ p: 2.5, mb: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h1">
            学业预警跟进：{student.name}
          </Typography>
          <TierChip label={current?.tier ?? null} colour={current?.colour ?? null} />
        </Box>
        <Typography variant="body2" sx={{ mt: 1 }}>
          <Link component={RouterLink} to={`/students/${student.id}`} underline="hover" sx={{ fontWeight: 600 }}>
            {studentTag(student.name, student.studentNo)}
          </Link>
          <Box component="span" sx={{ color: 'text.secondary', ml: 1 }}>
            {student.className ?? '未分班'} · {termLabel(term)}
          </Box>
        </Typography>
        {current && (
          <Box sx={{ mt: 1.5 }}>
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {formatDateTime(current.runAt)} 运行的预警结果{current.previousTier ? `（上学期：${current.previousTier}）` : ''}：
            </Typography>
            {current.reasons.length ? (
              current.reasons.map((r, i) => (
                <Typography key={i} variant="body2">
                  {i + 1}. {r}
                </Typography>
              ))
            ) : (
              <Empty>已不再达到任何预警条件。</Empty>
            )}
          </Box>
        )}
        <Alert severity="info" variant="outlined" sx={{ mt: 1.5, bgcolor: 'background.paper' }}>
          学业预警是提醒和帮扶，不是处分，不记入学生的奖惩记录。
        </Alert>
      </Paper>

      <Section title="预警等级变化">
        <Table size="small" aria-label="预警等级变化">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 130 }}>学期</TableCell>
              <TableCell sx={{ width: 160 }}>运行时间</TableCell>
              <TableCell sx={{ width: 120 }}>预警等级</TableCell>
              <TableCell sx={{ width: 70 }}>变化</TableCell>
              <TableCell>该等级的通知书</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.history.map((h) => (
              <TableRow key={h.runId} selected={h.runId === current?.runId}>
                <TableCell>{h.term}</TableCell>
                <TableCell>{formatDateTime(h.runAt)}</TableCell>
                <TableCell>
                  <TierChip label={h.tier} colour={h.colour} />
                </TableCell>
                <TableCell>{CHANGE_LABELS[h.change]}</TableCell>
                <TableCell>
                  {noticesFor(h.term, h.tier).map((n) => `${n.noticeNo}（${NOTICE_RECIPIENTS[n.recipient]}）`).join('、') || <Empty>—</Empty>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section title="通知书" actions={
        <>
          <PrintNoticeButton studentId={student.id} term={term} recipient="student" label="打印学生通知书" disabled={!!data.noticeRefusal} onIssued={reload} />
          <PrintNoticeButton studentId={student.id} term={term} recipient="parent" label="打印家长通知书" variant="contained" disabled={!!data.noticeRefusal} onIssued={reload} />
        </>
      }>
        {data.noticeRefusal && <Alert severity="warning" sx={{ mb: 1.5 }}>{data.noticeRefusal}</Alert>}
        {termNotices.length === 0 ? (
          <Empty>本学期还没有打印通知书。家长通知书带回执，寄出后 14 天未收回会列入首页待办。</Empty>
        ) : (
          <Table size="small" aria-label="通知书">
            <TableHead>
              <TableRow>
                <TableCell>编号</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>对象</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>预警等级</TableCell>
                <TableCell>打印</TableCell>
                <TableCell>送达</TableCell>
                <TableCell sx={{ minWidth: 90 }}>回执</TableCell>
                <TableCell align="right">操作</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {termNotices.map((n) => (
                <TableRow key={n.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{n.noticeNo}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{NOTICE_RECIPIENTS[n.recipient]}</TableCell>
                  <TableCell>
                    <TierChip label={n.tier} colour={n.colour} />
                  </TableCell>
                  <TableCell>
                    <Typography variant="body2">{n.issuedByName} {formatDateTime(n.issuedAt)}</Typography>
                    {n.issueCount > 1 && <Typography variant="caption" sx={{ color: 'text.secondary' }}>共打印 {n.issueCount} 次，最近 {formatDateTime(n.lastIssuedAt)}</Typography>}
                  </TableCell>
                  <TableCell>{n.sends.length ? n.sends.map((s) => <Typography key={s.id} variant="body2">{sendText(s)}</Typography>) : <Empty>未登记</Empty>}</TableCell>
                  <TableCell>
                    <ReceiptState n={n} />
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {n.tier === current?.tier && (
                      <PrintNoticeButton studentId={student.id} term={term} recipient={n.recipient} label="打印" variant="text" size="small" onIssued={reload} />
                    )}
                    <Button size="small" onClick={() => setDialog({ kind: 'send', notice: n })}>
                      登记送达
                    </Button>
                    {!n.receipt && (
                      <Button size="small" onClick={() => setDialog({ kind: 'receipt', notice: n })} disabled={n.sends.length === 0}>
                        {n.recipient === 'parent' ? '登记回执' : '登记签收'}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section title="谈话记录" actions={<Button startIcon={<AddOutlined />} onClick={() => setDialog({ kind: 'talk', talk: null })}>记录谈话</Button>}>
        {data.talks.length === 0 && <Empty>还没有谈话记录。</Empty>}
        {data.talks.map((t) => (
          <Paper key={t.id} variant="outlined" sx={{ p: 1.5, mb: 1, bgcolor: 'grey.50' }} aria-label={`谈话 ${t.talkedOn}`}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              <Typography variant="body2" sx={{ fontWeight: 600, flexGrow: 1 }}>
                {t.talkedOn} · 谈话人：{t.talkedBy}
              </Typography>
              <Button size="small" startIcon={<EditOutlined />} onClick={() => setDialog({ kind: 'talk', talk: t })}>
                修改
              </Button>
            </Box>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line', mt: 0.5 }}>
              {t.content}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line', mt: 0.5 }}>
              <b>学习计划：</b>
              {t.studyPlan}
            </Typography>
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {t.recordedByName} 记录于 {formatDateTime(t.recordedAt)}
            </Typography>
          </Paper>
        ))}
      </Section>

      <Section title="帮扶计划与跟进" actions={
        <>
          <Button startIcon={<EditOutlined />} onClick={() => setDialog({ kind: 'plan' })}>
            {data.plan ? '修改帮扶计划' : '填写帮扶计划'}
          </Button>
          <Button startIcon={<AddOutlined />} onClick={() => setDialog({ kind: 'followUp', followUp: null, completing: false })}>
            安排跟进
          </Button>
        </>
      }>
        {data.plan ? (
          <Box sx={{ mb: 2 }}>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
              {data.plan.content}
            </Typography>
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {data.plan.updatedByName} 更新于 {formatDateTime(data.plan.updatedAt)}
            </Typography>
          </Box>
        ) : (
          <Box sx={{ mb: 2 }}>
            <Empty>还没有帮扶计划。</Empty>
          </Box>
        )}
        {data.followUps.length > 0 && (
          <Table size="small" aria-label="跟进">
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 130 }}>跟进日期</TableCell>
                <TableCell sx={{ width: 130 }}>完成日期</TableCell>
                <TableCell>事项与情况</TableCell>
                <TableCell align="right" sx={{ width: 200 }}>操作</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.followUps.map((f) => (
                <TableRow key={f.id}>
                  <TableCell>
                    {f.dueOn}
                    {f.overdue && <Chip size="small" color="error" label="已逾期" sx={{ ml: 1 }} />}
                  </TableCell>
                  <TableCell>{f.doneOn ?? <Empty>未完成</Empty>}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-line' }}>{f.note}</TableCell>
                  <TableCell align="right">
                    {!f.doneOn && (
                      <Button size="small" onClick={() => setDialog({ kind: 'followUp', followUp: f, completing: true })}>
                        登记完成
                      </Button>
                    )}
                    <Button size="small" onClick={() => setDialog({ kind: 'followUp', followUp: f, completing: false })}>
                      修改
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <TalkDialog open={dialog?.kind === 'talk'} studentId={student.id} term={term} talk={dialog?.kind === 'talk' ? dialog.talk : null} defaultTalker={data.defaultTalker} onClose={close} onDone={done} />
      <PlanDialog open={dialog?.kind === 'plan'} studentId={student.id} term={term} content={data.plan?.content ?? ''} onClose={close} onDone={done} />
      <FollowUpDialog
        open={dialog?.kind === 'followUp'}
        studentId={student.id}
        term={term}
        followUp={dialog?.kind === 'followUp' ? dialog.followUp : null}
        completing={dialog?.kind === 'followUp' && dialog.completing}
        onClose={close}
        onDone={done}
      />
      <SendDialog open={dialog?.kind === 'send'} notice={dialog?.kind === 'send' ? dialog.notice : null} onClose={close} onDone={done} />
      <ReceiptDialog open={dialog?.kind === 'receipt'} notice={dialog?.kind === 'receipt' ? dialog.notice : null} onClose={close} onDone={done} />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
