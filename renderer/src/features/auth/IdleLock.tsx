import { useEffect } from 'react';
import { useSession } from '../../app/SessionContext';
import { emitSessionSignal } from '../../ipc/client';
import { LockDialog } from './LockDialog';
import { useIdleLock } from './useIdleLock';

/**
 * The idle lock. It renders only the lock dialog, on top of the Shell, so the page underneath
 * (and any unsaved input) stays mounted while locked.
 */
export function IdleLock() {
  const { session, setSession, signOut } = useSession();
  const { locked, lock, unlocked } = useIdleLock(session.idleLockMinutes, session.locked);

  useEffect(() => {
    if (session.locked) lock();
  }, [session.locked, lock]);

  return (
    <LockDialog
      open={locked}
      displayName={session.user.displayName}
      username={session.user.username}
      onUnlocked={(next) => {
        setSession(next);
        unlocked();
        emitSessionSignal('unlocked');
      }}
      onSwitchUser={() => void signOut()}
    />
  );
}
