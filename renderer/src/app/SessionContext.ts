import { createContext, useContext } from 'react';
import type { Permission } from '../../../shared/domain/permissions';
import type { SessionInfo } from '../../../shared/ipc/schemas/auth';

export interface SessionContextValue {
  session: SessionInfo;
  /** Replaces the session with what a call returned (unlock, change password…). */
  setSession: (session: SessionInfo) => void;
  /** Asks the server for the current session again (after settings change, for instance). */
  refresh: () => Promise<void>;
  /** Signs out and returns to the sign-in page. */
  signOut: () => Promise<void>;
  /** Whether the session's permission list holds this permission (used only to hide things). */
  can: (permission: Permission) => boolean;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionContext');
  return value;
}
