import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export interface ReasonAsk {
  title: string;
  /** What will happen, in a sentence. */
  text: string;
  label: string;
  confirmLabel: string;
  danger?: boolean;
  run: (reason: string) => Promise<AppErrorData | null>;
}

/** 作废, 证明书, 暂缓发证 and the like: each needs a reason, kept with the record and in the audit log. */
export function ReasonDialog({ ask, onClose, onDone }: { ask: ReasonAsk | null; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | string | null>(null);
  useEffect(() => {
    setReason('');
    setError(null);
  }, [ask]);
  if (!ask) return null;
  const confirm = async () => {
    if (!reason.trim()) return setError(`请填写${ask.label}`);
    setBusy(true);
    const e = await ask.run(reason.trim());
    setBusy(false);
    if (e) return setError(e);
    onDone();
  };
  return (
    <ConfirmDialog open title={ask.title} confirmLabel={ask.confirmLabel} danger={ask.danger ?? false} busy={busy} error={error} onConfirm={() => void confirm()} onClose={onClose}>
      <Typography variant="body2">{ask.text}</Typography>
      <TextField label={ask.label} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} autoFocus required />
    </ConfirmDialog>
  );
}
