import ArrowDropDownOutlined from '@mui/icons-material/ArrowDropDownOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { PROOF_KINDS, type ProofKind } from '../../../../../shared/domain/proofs';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import type { StudentProfile } from '../../../../../shared/ipc/schemas/students';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { call } from '../../../ipc/client';
import { useJobProgress } from '../../import/common/useJobProgress';
import { PdfOutputActions } from '../../jobs/PdfOutputActions';

interface Props {
  student: StudentProfile;
  /** A proof was issued (it is in the student's 修改历史 now). */
  onIssued: () => void;
}

type Outcome = { kind: ProofKind; jobId: string; fileName: string; proofNo: string } | { kind: ProofKind; error: AppErrorData };

/**
 * 开具证明 on the profile: 在读证明 (only for a student 在籍在校) or 学籍证明, made as a job; when it is
 * ready, 打印 / 保存 PDF. A refusal (a character the font lacks, a student not 在籍在校) is shown as is.
 */
export function ProofMenuButton({ student, onIssued }: Props) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const job = useJobProgress();
  const enrolled = student.status === 'enrolled';

  const issue = async (kind: ProofKind) => {
    setAnchor(null);
    setError(null);
    const jobId = job.begin(`正在生成${PROOF_KINDS[kind].title}…`);
    const r = await call('proofs.issue', { studentId: student.id, kind, jobId });
    job.end();
    if (!r.ok) {
      if (r.error.code !== 'CANCELLED') setOutcome({ kind, error: r.error });
      return;
    }
    setOutcome({ kind, ...r.value });
    onIssued();
  };

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<DescriptionOutlined />}
        endIcon={<ArrowDropDownOutlined />}
        onClick={(e) => setAnchor(e.currentTarget)}
        disabled={job.progress !== null}
        aria-haspopup="menu"
      >
        {job.progress ? '正在生成…' : '开具证明'}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void issue('enrolment')} disabled={!enrolled}>
          <ListItemText primary="在读证明" secondary={enrolled ? '证明该生现在我校就读' : '仅限学籍状态为在籍在校的学生'} />
        </MenuItem>
        <MenuItem onClick={() => void issue('status')}>
          <ListItemText primary="学籍证明" secondary="写明该生当前的学籍状态" />
        </MenuItem>
      </Menu>
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
                    已为{student.name}开具{PROOF_KINDS[outcome.kind].title}，编号 {outcome.proofNo}。
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
    </>
  );
}
