import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AppErrorData } from '../../../../shared/ipc/result';
import type { KeyChangeRequest } from '../../../../shared/ipc/schemas/students';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../ipc/client';
import { downloadAttachment } from '../students/common/downloadAttachment';
import { DecideDialog, type Decision } from './DecideDialog';
import { KeyChangeCard } from './KeyChangeCard';

interface Props {
  requests: KeyChangeRequest[];
  showStudent: boolean;
  empty: string;
  onDecided: (request: KeyChangeRequest, message: string) => void;
}

/** Change requests as cards; approvers decide from here. */
export function KeyChangeList({ requests, showStudent, empty, onDecided }: Props) {
  const { can, session } = useSession();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
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
          canDecide={can('changes.approve')}
          canDownload={can('students.identity.read')}
          onDecide={(approve) => setDecision({ request: r, approve })}
          canWithdraw={r.requestedBy.toLowerCase() === session.user.username.toLowerCase()}
          onWithdraw={() =>
            void call('keyChanges.withdraw', { id: r.id }).then((res) => (res.ok ? onDecided(res.value, `已撤回第 ${r.id} 号申请`) : setError(res.error)))
          }
          onDownload={(id) => void downloadAttachment(id).then(setError)}
        />
      ))}
      <DecideDialog decision={decision} onClose={() => setDecision(null)} onDone={onDecided} />
    </Box>
  );
}
