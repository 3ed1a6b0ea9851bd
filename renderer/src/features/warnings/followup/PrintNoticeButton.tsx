import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { NoticeRecipient } from '../../../../../shared/domain/warnings';
import type { CallOutput } from '../../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { call } from '../../../ipc/client';
import { useJobProgress } from '../../import/common/useJobProgress';
import { PdfOutputActions } from '../../jobs/PdfOutputActions';

interface Props {
  studentId: number;
  term: string;
  recipient: NoticeRecipient;
  label: string;
  disabled?: boolean;
  variant?: 'contained' | 'outlined' | 'text';
  size?: 'small' | 'medium';
  /** The notice was recorded (issued or issued again): the page reloads its list. */
  onIssued: () => void;
}

type Outcome = CallOutput<'warnings.issueNotice'> | { error: AppErrorData };

const TITLES: Record<NoticeRecipient, string> = { student: '学业预警通知书', parent: '学业预警通知书（致家长）' };

/**
 * 打印 a 学业预警通知书: made as a job (the tier and reasons of the term's latest run, numbered and
 * recorded); when ready, 打印 / 保存 PDF through the host — a click of its own, so the browser lets the
 * print tab open. A refusal (a character the font lacks) is shown as it is.
 */
export function PrintNoticeButton({ studentId, term, recipient, label, disabled, variant = 'outlined', size = 'medium', onIssued }: Props) {
  const job = useJobProgress();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const make = async () => {
    setError(null);
    const jobId = job.begin(`正在生成${TITLES[recipient]}…`);
    const r = await call('warnings.issueNotice', { studentId, term, recipient, jobId });
    job.end();
    if (!r.ok) {
      if (r.error.code !== 'CANCELLED') setOutcome({ error: r.error });
      return;
    }
    setOutcome(r.value);
    onIssued();
  };
  return (
    <>
      <Button variant={variant} size={size} startIcon={<PrintOutlined />} onClick={() => void make()} disabled={disabled || job.progress !== null}>
        {job.progress !== null ? '正在生成…' : label}
      </Button>
      <Dialog open={outcome !== null} onClose={() => setOutcome(null)} maxWidth="sm" fullWidth aria-labelledby={`notice-${recipient}-title`}>
        <DialogTitle id={`notice-${recipient}-title`}>{TITLES[recipient]}</DialogTitle>
        <DialogContent>
          {outcome && 'error' in outcome ? (
            <ErrorAlert error={outcome.error} />
          ) : (
            outcome && (
              <>
                <Typography sx={{ mb: 2 }}>
                  {outcome.reissued ? `已重新生成通知书，编号不变（${outcome.noticeNo}）。` : `已生成通知书，编号 ${outcome.noticeNo}。`}
                  {recipient === 'parent' ? '下方回执沿虚线剪下后由家长签字寄回。' : '请学生在通知书上签收。'}
                </Typography>
                <ErrorAlert error={error} onClose={() => setError(null)} />
                <PdfOutputActions jobId={outcome.jobId} fileName={outcome.fileName} onError={setError} />
              </>
            )
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOutcome(null)}>关闭</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
