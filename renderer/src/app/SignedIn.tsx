import { useCallback, useMemo } from 'react';
import { HashRouter } from 'react-router-dom';
import type { Permission } from '../../../shared/domain/permissions';
import type { SessionInfo } from '../../../shared/ipc/schemas/auth';
import { SessionContext, type SessionContextValue } from './SessionContext';
import { Shell } from './Shell';

interface Props {
  session: SessionInfo;
  setSession: (session: SessionInfo) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

/** Provides the session to the Shell and its pages. */
export function SignedIn({ session, setSession, refresh, signOut }: Props) {
  const can = useCallback((p: Permission) => session.permissions.includes(p), [session.permissions]);
  const value = useMemo<SessionContextValue>(
    () => ({ session, setSession, refresh, signOut, can }),
    [session, setSession, refresh, signOut, can],
  );
  return (
    <SessionContext.Provider value={value}>
      <HashRouter>
        <Shell />
      </HashRouter>
    </SessionContext.Provider>
  );
}
