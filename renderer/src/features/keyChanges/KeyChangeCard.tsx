import ArrowRightAltOutlined from '@mui/icons-material/ArrowRightAltOutlined';
import AttachFileOutlined from '@mui/icons-material/AttachFileOutlined';
import CheckOutlined from '@mui/icons-material/CheckOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import HistoryEduOutlined from '@mui/icons-material/HistoryEduOutlined';
import UndoOutlined from '@mui/icons-material/UndoOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import type { KeyChangeRequest } from '../../../../shared/ipc/schemas/students';
import { studentTag } from '../../../../shared/domain/student-no';
import { formatDateTime } from '../../components/format';
import { Timeline } from '../approvals/Timeline';
import { describeChange, isPhotoRequest } from './keyChangeText';
import { KeyChangeStatusChip } from './KeyChangeStatusChip';

export type RequestAction = 'approve' | 'reject' | 'paper' | 'amend' | 'withdraw';

interface Props {
  request: KeyChangeRequest;
  showStudent: boolean;
  canDownload: boolean;
  onAction: (action: RequestAction) => void;
  onDownload: (attachmentId: number) => void;
}

const COMMENT_LABELS: Record<KeyChangeRequest['status'], string> = { pending: '审批意见', returned: '退回理由', approved: '审批意见', rejected: '驳回理由', withdrawn: '撤回说明' };

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', minWidth: 0 }}>
      <Typography variant="caption" sx={{ color: 'text.secondary', flexShrink: 0, width: 64 }}>
        {label}
      </Typography>
      <Box sx={{ typography: 'body2', minWidth: 0, wordBreak: 'break-all' }}>{children}</Box>
    </Box>
  );
}

/**
 * One change request: what changes, why, with what evidence, where it stands on its approval chain,
 * and what the signed-in user may do with it now (as the server's `can` says; it checks again).
 */
export function KeyChangeCard({ request: r, showStudent, canDownload, onAction, onDownload }: Props) {
  const [history, setHistory] = useState(false);
  const { can } = r;
  // A returned photo request is withdrawn and the photo imported again: there is nothing to edit.
  const amend = can.amend && !isPhotoRequest(r);
  return (
    <Paper variant="outlined" component="article" aria-label={`变更申请 第 ${r.id} 号`} sx={{ p: 2, mb: 1.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap', mb: 1.5 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          第 {r.id} 号
        </Typography>
        {showStudent && (
          <Link component={RouterLink} to={`/students/${r.studentId}`} underline="hover" sx={{ fontWeight: 600 }}>
            {studentTag(r.studentName, r.studentNo)}
          </Link>
        )}
        <KeyChangeStatusChip status={r.status} />
        {r.currentStep && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            等待：{r.currentStep}
            {r.steps.length > 1 ? `（第 ${r.stepIndex + 1} 步，共 ${r.steps.length} 步）` : ''}
          </Typography>
        )}
        <Box sx={{ flexGrow: 1 }} />
        {can.decide && (
          <>
            <Button size="small" variant="contained" color="success" startIcon={<CheckOutlined />} onClick={() => onAction('approve')}>
              批准
            </Button>
            <Button size="small" variant="outlined" color="error" startIcon={<CloseOutlined />} onClick={() => onAction('reject')}>
              退回
            </Button>
          </>
        )}
        {can.recordPaper && (
          <Button size="small" variant="outlined" startIcon={<HistoryEduOutlined />} onClick={() => onAction('paper')}>
            登记纸质审批
          </Button>
        )}
        {amend && (
          <Button size="small" variant="contained" startIcon={<EditNoteOutlined />} onClick={() => onAction('amend')}>
            修改后重新提交
          </Button>
        )}
        {can.withdraw && (
          <Button size="small" startIcon={<UndoOutlined />} onClick={() => onAction('withdraw')}>
            撤回申请
          </Button>
        )}
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 1 }}>
        <Box>
          <Meta label="变更内容">
            {r.changes.map((c, i) => {
              const d = describeChange(c);
              return (
                <Box key={i} sx={{ display: 'flex', alignItems: 'center', gap: 0.75, flexWrap: 'wrap' }}>
                  <b>{d.label}：</b>
                  <span style={{ color: '#5b6676', textDecoration: 'line-through' }}>{d.before}</span>
                  <ArrowRightAltOutlined fontSize="small" sx={{ color: 'text.secondary' }} />
                  <span style={{ fontWeight: 600 }}>{d.after}</span>
                </Box>
              );
            })}
          </Meta>
          <Meta label="变更原因">{r.reason}</Meta>
          <Meta label="证明材料">
            {r.attachment ? (
              canDownload ? (
                <Button size="small" startIcon={<AttachFileOutlined />} onClick={() => onDownload(r.attachment!.id)} sx={{ p: 0, minWidth: 0 }}>
                  {r.attachment.fileName}
                </Button>
              ) : (
                r.attachment.fileName
              )
            ) : (
              <span style={{ color: '#5b6676' }}>未上传</span>
            )}
          </Meta>
        </Box>
        <Box>
          <Meta label="申请人">
            {r.requestedByName} · {formatDateTime(r.requestedAt)}
          </Meta>
          {r.decidedByName && r.status !== 'pending' && (
            <Meta label={r.status === 'withdrawn' ? '撤回人' : r.status === 'returned' ? '退回人' : '审批人'}>
              {r.decidedByName} · {formatDateTime(r.decidedAt)}
            </Meta>
          )}
          {r.decisionComment && r.status !== 'pending' && <Meta label={COMMENT_LABELS[r.status]}>{r.decisionComment}</Meta>}
          <Button size="small" onClick={() => setHistory((h) => !h)} sx={{ px: 0.5, minWidth: 0, mt: 0.5 }} aria-expanded={history}>
            {history ? '收起办理经过' : `办理经过（${r.events.length}）`}
          </Button>
        </Box>
      </Box>
      <Collapse in={history} unmountOnExit>
        <Box sx={{ mt: 1.5, pt: 1.5, borderTop: 1, borderColor: 'divider' }}>
          <Timeline events={r.events} fileName={(id) => (r.attachment?.id === id ? r.attachment.fileName : null)} canDownload={canDownload} onDownload={onDownload} />
        </Box>
      </Collapse>
    </Paper>
  );
}
