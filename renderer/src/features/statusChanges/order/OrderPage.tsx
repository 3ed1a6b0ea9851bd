import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import { studentTag } from '../../../../../shared/domain/student-no';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import type { StatusChangeDetail } from '../../../../../shared/ipc/schemas/status-changes';
import { useSession } from '../../../app/SessionContext';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { NoticeSnackbar } from '../../../components/NoticeSnackbar';
import { call } from '../../../ipc/client';
import { useCallData } from '../../../ipc/useCall';
import { downloadAttachment } from '../../students/common/downloadAttachment';
import { FileOrderDialog } from '../filing/FileOrderDialog';
import { StateChip } from '../StateChip';
import { AttachDialog } from './AttachDialog';
import { ChainStepper } from './ChainStepper';
import { DecideDialog, type DecideMode } from './DecideDialog';
import { EvidenceList } from './EvidenceList';
import { OrderActions, type OrderAction } from './OrderActions';
import { OrderFacts } from './OrderFacts';
import { Timeline } from '../../approvals/Timeline';
import { PrintFormButton } from './PrintFormButton';
import { ServeDialog } from './ServeDialog';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2.5, mb: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** Why it came back: the reason of the latest 退回. */
const returnReason = (o: StatusChangeDetail) => [...o.events].reverse().find((e) => e.kind === 'rejected');

/** /status-changes/:id — one work order: what it says, its chain, its evidence and its history. */
export function OrderPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const location = useLocation();
  const { can } = useSession();
  const { data: order, error, loading, setData } = useCallData('statusChanges.get', { id }, String(id));
  const [decide, setDecide] = useState<DecideMode | null>(null);
  const [dialog, setDialog] = useState<'amend' | 'withdraw' | 'attach' | 'serve' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<AppErrorData | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);

  useEffect(() => {
    const state = location.state as { notice?: string } | null;
    if (state?.notice) {
      setNotice(state.notice);
      navigate(location.pathname, { replace: true, state: null });
    }
  }, [location, navigate]);

  if (error) return <ErrorAlert error={error} />;
  if (!order) return loading ? <LoadingBlock /> : null;

  const done = (o: StatusChangeDetail, message: string) => {
    setData(o);
    setNotice(message);
    setActionError(null);
  };
  const act = (a: OrderAction) => {
    if (a === 'approve' || a === 'reject') setDecide({ kind: 'app', approve: a === 'approve' });
    else if (a === 'paper') setDecide({ kind: 'paper' });
    else setDialog(a);
  };
  const withdraw = async () => {
    setWithdrawing(true);
    const r = await call('statusChanges.withdraw', { id: order.id });
    setWithdrawing(false);
    if (!r.ok) return setActionError(r.error);
    setDialog(null);
    done(r.value, `已撤回第 ${order.id} 号学籍异动`);
  };
  const canDownload = can('students.identity.read');
  const download = (attachmentId: number) => void downloadAttachment(attachmentId).then(setActionError);
  const rejected = order.state === 'returned' ? returnReason(order) : undefined;
  const atLast = order.state === 'pending' && order.stepIndex === order.steps.length - 1;

  return (
    <Box>
      <Breadcrumbs sx={{ mb: 1.5 }} aria-label="位置">
        <Link component={RouterLink} to="/status-changes" underline="hover" color="inherit">
          学籍异动
        </Link>
        <Typography color="text.primary">第 {order.id} 号</Typography>
      </Breadcrumbs>
      <Paper variant="outlined" sx={{ p: 2.5, mb: 2, display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 280 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
            <Typography variant="h5" component="h1">
              {order.title}
            </Typography>
            <StateChip state={order.state} />
          </Box>
          <Typography variant="body2" sx={{ mt: 1 }}>
            <Link component={RouterLink} to={`/students/${order.studentId}`} underline="hover" sx={{ fontWeight: 600 }}>
              {studentTag(order.studentName, order.studentNo)}
            </Link>
            <Typography component="span" variant="body2" sx={{ color: 'text.secondary', ml: 1 }}>
              {order.className ?? '未分班'}
            </Typography>
          </Typography>
          <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block', mt: 0.5 }}>
            第 {order.id} 号 · {order.filedByName} 提交于 {formatDateTime(order.filedAt)}
            {order.closedAt ? ` · ${order.state === 'approved' ? '生效' : '办结'}于 ${formatDateTime(order.closedAt)}` : ''}
          </Typography>
        </Box>
        <OrderActions order={order} onAction={act}>
          <PrintFormButton orderId={order.id} />
        </OrderActions>
      </Paper>
      {actionError && (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert error={actionError} onClose={() => setActionError(null)} />
        </Box>
      )}
      {rejected && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {rejected.stepLabel ?? '审批'}退回{rejected.opinion ? `：${rejected.opinion}` : ''}（{rejected.via === 'paper' ? rejected.deciderName : rejected.actorName}，{formatDateTime(rejected.at)}）。
          {order.can.amend ? '请修改后重新提交，或撤回。' : ''}
        </Alert>
      )}
      {order.state === 'pending' && order.missingForFinal.length > 0 && (
        <Alert severity={atLast ? 'warning' : 'info'} sx={{ mb: 2 }}>
          {atLast ? '最后一步批准前还需要：' : '最后一步批准前须补齐：'}
          {order.missingForFinal.join('；')}
        </Alert>
      )}
      <Section title="审批流程">
        <ChainStepper order={order} />
      </Section>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, gap: 2, alignItems: 'start' }}>
        <Section title="异动内容">
          <OrderFacts order={order} />
        </Section>
        <Section title="办理经过">
          <Timeline events={order.events} fileName={(id) => order.attachments.find((a) => a.id === id)?.fileName ?? null} canDownload={canDownload} onDownload={download} />
        </Section>
      </Box>
      <Section title="证明材料">
        <EvidenceList order={order} canDownload={canDownload} onDownload={download} />
      </Section>
      <DecideDialog order={order} mode={decide} onClose={() => setDecide(null)} onDone={done} />
      <AttachDialog order={order} open={dialog === 'attach'} onClose={() => setDialog(null)} onDone={done} />
      <ServeDialog order={order} open={dialog === 'serve'} onClose={() => setDialog(null)} onDone={done} />
      <FileOrderDialog open={dialog === 'amend'} amend={order} onClose={() => setDialog(null)} onDone={(o) => done(o, `已修改并重新提交第 ${o.id} 号学籍异动`)} />
      <ConfirmDialog
        open={dialog === 'withdraw'}
        title="撤回学籍异动"
        confirmLabel="撤回"
        busyLabel="正在撤回…"
        busy={withdrawing}
        danger
        onConfirm={() => void withdraw()}
        onClose={() => setDialog(null)}
      >
        <Typography variant="body2">
          撤回第 {order.id} 号（{order.studentName} {order.title}）后，审批终止，学籍不变。撤回的异动单保留在“已撤回”中，不能再提交；如仍需办理，请重新办理。
        </Typography>
      </ConfirmDialog>
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
