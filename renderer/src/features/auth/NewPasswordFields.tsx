import TextField from '@mui/material/TextField';
import { useCallback, useState } from 'react';
import { PASSWORD_HINT } from './PasswordHint';

interface FieldsProps {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  /** The two entries differed when the form was sent. */
  mismatch: boolean;
  /** 新密码, 初始密码, 密码…; the second field is 确认 + label. */
  label?: string;
  /** The server's message about the password (too short, too simple…). */
  error?: string;
  /** Shown under the second field while there is no mismatch. */
  confirmHint?: string;
  autoFocus?: boolean;
}

/** A new password typed twice, with the password rules and a clear message when the two differ. */
export function NewPasswordFields({ password, confirm, onPassword, onConfirm, mismatch, label = '新密码', error, confirmHint = ' ', autoFocus }: FieldsProps) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        error={Boolean(error)}
        helperText={error ?? PASSWORD_HINT}
        autoComplete="new-password"
        autoFocus={autoFocus}
      />
      <TextField
        label={`确认${label}`}
        type="password"
        value={confirm}
        onChange={(e) => onConfirm(e.target.value)}
        error={mismatch}
        helperText={mismatch ? `两次输入的${label}不一致` : confirmHint}
        autoComplete="new-password"
      />
    </>
  );
}

/** State of NewPasswordFields for a dialog that owns it. */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const clear = useCallback(() => {
    setPassword('');
    setConfirm('');
    setMismatch(false);
  }, []);
  return {
    password,
    filled: password !== '' && confirm !== '',
    clear,
    /** False (and the mismatch message shown) when the two entries differ. */
    check: () => {
      const same = password === confirm;
      setMismatch(!same);
      return same;
    },
    fields: { password, confirm, mismatch, onPassword: setPassword, onConfirm: setConfirm },
  };
}
