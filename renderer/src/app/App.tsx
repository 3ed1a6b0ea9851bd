import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorData } from '../../../shared/ipc/result';
import type { AppStatus, SessionInfo } from '../../../shared/ipc/schemas/auth';
import { LoadingBlock } from '../components/LoadingBlock';
import { SignInPage } from '../features/auth/SignInPage';
import { SetupWizard } from '../features/setup/SetupWizard';
import { call, onEvent, onSessionSignal } from '../ipc/client';
import { ProblemPage } from './ProblemPage';
import { SignedIn } from './SignedIn';

const DATA_PROBLEM_ADVICE =
  '请联系管理员，从备份恢复数据文件夹后再打开学籍通。学籍通没有删除任何数据，数据文件夹保持原样。';

/** Boot: asks the server what state the data folder is in and shows the matching screen. */
export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [bootError, setBootError] = useState<AppErrorData | null>(null);
  const [signInNotice, setSignInNotice] = useState<string | null>(null);
  const signedInRef = useRef(false);
  signedInRef.current = Boolean(status?.session);
  const signingOutRef = useRef(false);

  const load = useCallback(async () => {
    const result = await call('app.status', {});
    if (result.ok) {
      setStatus(result.value);
      setBootError(null);
    } else {
      setBootError(result.error);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const setSession = useCallback((session: SessionInfo | null) => {
    setStatus((s) => (s ? { ...s, session } : s));
    if (session === null && window.location.hash && window.location.hash !== '#/') {
      window.history.replaceState(null, '', '#/');
    }
  }, []);

  // The server ended the session (signed out elsewhere, expired): back to sign-in.
  useEffect(() => {
    const ended = () => {
      if (signedInRef.current && !signingOutRef.current) setSignInNotice('登录状态已失效，请重新登录。');
      setSession(null);
    };
    const offSignal = onSessionSignal((signal) => {
      if (signal === 'signedOut') ended();
    });
    const offEvent = onEvent('session.locked', (payload) => {
      if (payload?.reason === 'signed_out') ended();
    });
    return () => {
      offSignal();
      offEvent();
    };
  }, [setSession]);

  const refresh = useCallback(async () => {
    const result = await call('app.status', {});
    if (result.ok) setStatus(result.value);
  }, []);

  const signOut = useCallback(async () => {
    signingOutRef.current = true;
    try {
      await call('auth.signOut', {});
    } finally {
      signingOutRef.current = false;
    }
    setSignInNotice(null);
    setSession(null);
  }, [setSession]);

  if (bootError && !status) {
    return (
      <ProblemPage
        title="无法启动学籍通"
        message={bootError.message}
        advice="请确认学籍通程序仍在运行，然后点击“重试”。如果问题持续出现，请重新启动学籍通。"
        onRetry={() => void load()}
      />
    );
  }
  if (!status) return <LoadingBlock label="正在启动学籍通…" fullPage />;

  if (status.state === 'problem') {
    return (
      <ProblemPage
        title="无法打开学籍数据"
        message={status.problem?.message ?? '数据文件夹无法使用。'}
        advice={DATA_PROBLEM_ADVICE}
        onRetry={() => void load()}
      />
    );
  }
  if (status.state === 'not_set_up') return <SetupWizard onFinished={() => void load()} />;
  if (!status.session) {
    return (
      <SignInPage
        notice={signInNotice}
        onSignedIn={(session) => {
          setSignInNotice(null);
          setSession(session);
        }}
      />
    );
  }
  return <SignedIn session={status.session} setSession={setSession} refresh={refresh} signOut={signOut} />;
}
