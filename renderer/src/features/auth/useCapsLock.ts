import { useCallback, useState, type KeyboardEvent } from 'react';

/** The warning shown under a password field while Caps Lock is on. */
export const CAPS_LOCK_WARNING = '大写锁定已打开';

/**
 * Whether Caps Lock is on, as the last key pressed in the form reported it. Pass `onKey` as the
 * form's onKeyDown and onKeyUp: the state is known only once a key is pressed (a browser cannot ask
 * the keyboard), and on keyup as well, since some systems report the Caps Lock key's own new state
 * only then.
 */
export function useCapsLock() {
  const [capsLock, setCapsLock] = useState(false);
  const onKey = useCallback((e: KeyboardEvent) => {
    if (typeof e.getModifierState === 'function') setCapsLock(e.getModifierState('CapsLock'));
  }, []);
  return { capsLock, onKey };
}
