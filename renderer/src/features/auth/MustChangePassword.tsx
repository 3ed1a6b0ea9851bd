import { useSession } from '../../app/SessionContext';
import { ChangePasswordDialog } from './ChangePasswordDialog';

/** Blocks the app until the user replaces a password set by the administrator. */
export function MustChangePassword() {
  const { session, signOut } = useSession();
  return <ChangePasswordDialog open={session.mustChangePassword} onClose={() => {}} required onSignOut={() => void signOut()} />;
}
