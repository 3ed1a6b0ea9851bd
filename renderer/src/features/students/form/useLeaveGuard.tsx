import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useCallback, useEffect, useId, useRef, type ReactNode } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router-dom';

/**
 * Asks before a form with unsaved edits is left: within the app (menu, links, back and forward)
 * with a dialog, and on closing or reloading the window with the browser's own prompt (the
 * Electron host turns that into a dialog of its own). `what` says what would be lost. `allowLeave()` lets the next navigation
 * through without asking: the one that follows a successful save.
 */
export function useLeaveGuard(dirty: boolean, what = '学生档案中有尚未保存的修改。'): { allowLeave: () => void; dialog: ReactNode } {
  const dirtyRef = useRef(dirty);
  const freeRef = useRef(false);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      dirtyRef.current && !freeRef.current && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
    [],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older Chromium (and so some Electron versions) look at returnValue instead.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const titleId = useId();
  const stay = () => blocker.reset?.();
  const leave = () => blocker.proceed?.();
  const dialog = (
    <Dialog open={blocker.state === 'blocked'} onClose={stay} maxWidth="xs" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>放弃未保存的修改？</DialogTitle>
      <DialogContent>
        <DialogContentText>{what}离开此页，这些修改将会丢失。</DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button color="error" onClick={leave}>
          放弃修改并离开
        </Button>
        <Button variant="contained" onClick={stay} autoFocus>
          留在此页
        </Button>
      </DialogActions>
    </Dialog>
  );

  return {
    allowLeave: () => {
      freeRef.current = true;
    },
    dialog,
  };
}
