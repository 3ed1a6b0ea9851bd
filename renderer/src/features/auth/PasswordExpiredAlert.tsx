import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useSession } from '../../app/SessionContext';
import { ChangePasswordDialog } from './ChangePasswordDialog';

/** The reminder shown under the app bar while the password is older than allowed. */
export function PasswordExpiredAlert() {
  const { session } = useSession();
  const [dismissed, setDismissed] = useState(false);
  const [open, setOpen] = useState(false);

  // The dialog stays mounted after a change ends the reminder, so its 密码已修改 notice can show.
  const expired = session.passwordExpired && !session.mustChangePassword;
  return (
    <>
      {expired && !dismissed && (
        <Alert
          severity="warning"
          onClose={() => setDismissed(true)}
          action={
            <>
              <Button color="inherit" size="small" onClick={() => setOpen(true)} sx={{ fontWeight: 600 }}>
                立即修改
              </Button>
              <Button color="inherit" size="small" onClick={() => setDismissed(true)}>
                稍后
              </Button>
            </>
          }
          sx={{ mb: 2, alignItems: 'center' }}
        >
          您的密码已超过规定期限未修改，请及时修改。
        </Alert>
      )}
      <ChangePasswordDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
