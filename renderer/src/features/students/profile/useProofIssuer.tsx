import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { PROOF_KINDS, type ProofKind } from '../../../../../shared/domain/proofs';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { call } from '../../../ipc/client';
import { useJobProgress } from '../../import/common/useJobProgress';
import { PdfOutputActions } from '../../jobs/PdfOutputActions';

type Outcome = { kind: ProofKind; name: string; jobId: string; fileName: string; proofNo: string } | { kind: ProofKind; name: string; error: AppErrorData };

/**
 * 开具证明 for one student as a job; when it is ready, a dialog with 打印 / 保存 PDF, or the refusal
 * as the service words it. Shared by the profile's 开具证明 menu and the 毕业审核 list of leavers.
 */
export function useProofIssuer(onIssued?: () => void): { issue: (studentId: number, name: string, kind: ProofKind) => Promise<void>; busy: boolean; dialog: ReactNode } {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const job = useJobProgress();

  const issue = async (studentId: number, name: string, kind: ProofKind) => {
    setError(null);
    const jobId = job.begin(`正在生成${PROOF_KINDS[kind].title}…`);
    const r = await call('proofs.issue', { studentId, kind, jobId });
    job.end();
    if (!r.ok) {
      if (r.error.code !== 'CANCELLED') setOutcome({ kind, name, error: r.error });
      return;
    }
    setOutcome({ kind, name, ...r.value });
    onIssued?.();
  };

  const dialog = (
    <Dialog open={outcome !== null} onClose={() => setOutcome(null)} maxWidth="sm" fullWidth>
      {outcome && (
        <>
          <DialogTitle>{PROOF_KINDS[outcome.kind].title}</DialogTitle>
          <DialogContent>
            {'error' in outcome ? (
              <ErrorAlert error={outcome.error} />
            ) : (
              <>
                <Typography sx={{ mb: 2 }}>
                  已为{outcome.name}开具{PROOF_KINDS[outcome.kind].title}，编号 {outcome.proofNo}。
                </Typography>
                <ErrorAlert error={error} onClose={() => setError(null)} />
                <PdfOutputActions jobId={outcome.jobId} fileName={outcome.fileName} onError={setError} />
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOutcome(null)}>关闭</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
  return { issue, busy: job.progress !== null, dialog };
}
