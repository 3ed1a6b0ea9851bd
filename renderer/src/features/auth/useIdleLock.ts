import { useCallback, useEffect, useRef, useState } from 'react';
import { call, onEvent, onSessionSignal } from '../../ipc/client';
import { idleLockMs, TOUCH_INTERVAL_MS } from './idleTime';

const ACTIVITY_EVENTS = ['mousemove', 'keydown', 'pointerdown', 'wheel'] as const;

/**
 * Tracks activity, keeps the server session alive while the user works, and reports the lock:
 * after the idle time, when a call answers SESSION_LOCKED, or on the server's session.locked event.
 */
export function useIdleLock(idleLockMinutes: number, initiallyLocked: boolean) {
  const [locked, setLocked] = useState(initiallyLocked);
  const lockedRef = useRef(locked);
  lockedRef.current = locked;
  const lastActivity = useRef(Date.now());
  const lastTouch = useRef(Date.now());

  const lock = useCallback(() => setLocked(true), []);
  const unlocked = useCallback(() => {
    const now = Date.now();
    lastActivity.current = now;
    lastTouch.current = now;
    setLocked(false);
  }, []);

  useEffect(() => {
    const onActivity = () => {
      if (lockedRef.current) return;
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastTouch.current >= TOUCH_INTERVAL_MS) {
        lastTouch.current = now;
        void call('auth.touch', {});
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, []);

  useEffect(() => {
    const limit = idleLockMs(idleLockMinutes);
    const timer = window.setInterval(() => {
      if (!lockedRef.current && Date.now() - lastActivity.current >= limit) setLocked(true);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [idleLockMinutes]);

  useEffect(() => {
    const offSignal = onSessionSignal((signal) => {
      if (signal === 'locked') setLocked(true);
    });
    const offEvent = onEvent('session.locked', (payload) => {
      if (payload?.reason === 'idle') setLocked(true);
    });
    return () => {
      offSignal();
      offEvent();
    };
  }, []);

  return { locked, lock, unlocked };
}
