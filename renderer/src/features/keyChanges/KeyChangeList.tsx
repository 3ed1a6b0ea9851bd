import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { studentTag } from '../../../../shared/domain/student-no';
import type { AppErrorData } from '../../../../shared/ipc/result';
import type { KeyChangeRequest } from '../../../../shared/ipc/schemas/students';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../ipc/client';
import { DecideDialog, type DecideMode } from '../approvals/DecideDialog';
import { downloadAttachment } from '../students/common/downloadAttachment';
import { AmendRequestDialog } from './AmendRequestDialog';
import { KeyChangeCard, type RequestAction } from './KeyChangeCard';

interface Props {
  requests: KeyChangeRequest[];
  showStudent: boolean;
  empty: string;
  onDecided: (request: KeyChangeRequest | null, message: string) => void;
}

/** Change requests as cards; each is decided, amended or withdrawn from here, as its `can` allows. */
export function KeyChangeList({ requests, showStudent, empty, onDecided }: Props) {
  const { can } = useSession();
  const [deciding, setDeciding] = useState<{ request: KeyChangeRequest; mode: DecideMode } | null>(null);
  const [amending, setAmending] = useState<KeyChangeRequest | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  const act = (r: KeyChangeRequest, a: RequestAction) => {
    if (a === 'approve' || a === 'reject') setDeciding({ request: r, mode: { kind: 'app', approve: a === 'approve' } });
    else if (a === 'paper') setDeciding({ request: r, mode: { kind: 'paper' } });
    else if (a === 'amend') setAmending(r);
    else void call('keyChanges.withdraw', { id: r.id }).then((res) => (res.ok ? onDecided(res.value, `已撤回第 ${r.id} 号申请`) : setError(res.error)));
  };

  const d = deciding?.request;
  return (
    <Box>
      {error && (
        <Box sx={{ mb: 1.5 }}>
          <ErrorAlert error={error} onClose={() => setError(null)} />
        </Box>
      )}
      {requests.length === 0 && (
        <Typography variant="body2" sx={{ color: 'text.secondary', py: 5, textAlign: 'center' }}>
          {empty}
        </Typography>
      )}
      {requests.map((r) => (
        <KeyChangeCard
          key={r.id}
          request={r}
          showStudent={showStudent}
          canDownload={can('students.identity.read')}
          onAction={(a) => act(r, a)}
          onDownload={(id) => void downloadAttachment(id).then(setError)}
        />
      ))}
      {d && (
        <DecideDialog
          subject={{ id: d.id, steps: d.steps, stepIndex: d.stepIndex, stepSince: d.stepSince, heading: `第 ${d.id} 号 · ${studentTag(d.studentName, d.studentNo)} · 变更 ${d.changes.length} 项关键信息` }}
          noun="变更申请"
          mode={deciding.mode}
          onClose={() => setDeciding(null)}
          send={(input) => call('keyChanges.decide', input)}
          onDone={(value, message) => onDecided(value, value.status === 'approved' ? `${message}，${value.studentName} 的档案已更新` : message)}
          finalNote="批准后立即修改该学生的档案，并记入修改历史。"
        />
      )}
      {amending && <AmendRequestDialog request={amending} onClose={() => setAmending(null)} onDone={(m) => onDecided(null, m)} />}
    </Box>
  );
}
