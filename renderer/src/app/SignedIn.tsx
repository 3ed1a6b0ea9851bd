import { useCallback, useEffect, useMemo, useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router-dom';
import type { Permission } from '../../../shared/domain/permissions';
import type { SessionInfo } from '../../../shared/ipc/schemas/auth';
import { ProblemPage } from './ProblemPage';
import { SessionContext, type SessionContextValue } from './SessionContext';
import { Shell } from './Shell';

interface Props {
  session: SessionInfo;
  setSession: (session: SessionInfo) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

type Router = ReturnType<typeof createHashRouter>;

/**
 * Provides the session and the router to the Shell and its pages. A data router (not <HashRouter>)
 * so that a page may hold up leaving it (useBlocker: the student form with unsaved edits); the
 * pages' own <Routes> live under its one catch-all route.
 */
export function SignedIn({ session, setSession, refresh, signOut }: Props) {
  // Made per sign-in, in an effect so that it is disposed of (stops listening to the address bar) when signed out.
  const [router, setRouter] = useState<Router | null>(null);
  useEffect(() => {
    const r = createHashRouter([{ path: '*', element: <Shell />, errorElement: <PageFailed /> }]);
    setRouter(r);
    return () => r.dispose();
  }, []);
  const can = useCallback((p: Permission) => session.permissions.includes(p), [session.permissions]);
  const value = useMemo<SessionContextValue>(
    () => ({ session, setSession, refresh, signOut, can }),
    [session, setSession, refresh, signOut, can],
  );
  return (
    <SessionContext.Provider value={value}>
      {router && <RouterProvider router={router} />}
    </SessionContext.Provider>
  );
}

/** What a data router shows when a page fails to render: in Chinese, instead of its own English page. */
function PageFailed() {
  return (
    <ProblemPage
      title="页面未能显示"
      message="此页面出现程序内部错误，未能显示。"
      advice="请点击“重试”重新打开学籍通的页面。如果问题持续出现，请重新启动学籍通并联系管理员。"
      onRetry={() => window.location.reload()}
    />
  );
}
