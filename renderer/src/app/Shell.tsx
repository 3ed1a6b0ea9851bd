import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import { Suspense, useEffect, useState } from 'react';
import type { Settings } from '../../../shared/ipc/schemas/settings';
import { LoadingBlock } from '../components/LoadingBlock';
import { IdleLock } from '../features/auth/IdleLock';
import { MustChangePassword } from '../features/auth/MustChangePassword';
import { PasswordExpiredAlert } from '../features/auth/PasswordExpiredAlert';
import { call, onSessionSignal } from '../ipc/client';
import { AppRoutes } from './AppRoutes';
import { AppTopBar } from './AppTopBar';
import { NavDrawer } from './NavDrawer';
import { useSession } from './SessionContext';
import { SettingsContext } from './SettingsContext';

/**
 * The signed-in app. While the password is one an admin chose, the main process answers nothing
 * but the change (core/dispatch.ts), so only the change is shown; the app mounts once it is done.
 */
export function Shell() {
  const { session } = useSession();
  if (session.mustChangePassword) {
    return (
      <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
        <MustChangePassword />
        <IdleLock />
      </Box>
    );
  }
  return <SignedInShell />;
}

/** Bar, navigation and pages. Stays mounted while the lock dialog is shown. */
function SignedInShell() {
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    const load = () =>
      void call('settings.get', {}).then((r) => {
        if (r.ok) setSettings(r.value);
      });
    load();
    return onSessionSignal((signal) => {
      if (signal === 'unlocked') load();
    });
  }, []);

  return (
    <SettingsContext.Provider value={{ settings, setSettings }}>
      <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
        <AppTopBar />
        <NavDrawer />
        <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: 3 }}>
          <Toolbar />
          <PasswordExpiredAlert />
          <Suspense fallback={<LoadingBlock />}>
            <AppRoutes />
          </Suspense>
        </Box>
      </Box>
      <IdleLock />
    </SettingsContext.Provider>
  );
}
