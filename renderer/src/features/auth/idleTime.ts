/**
 * How long without activity before the screen locks. Tests may shorten it with
 * localStorage 'xueji.idleLockSeconds' (a number of seconds).
 */
export function idleLockMs(idleLockMinutes: number): number {
  try {
    const override = window.localStorage.getItem('xueji.idleLockSeconds');
    if (override !== null && override.trim() !== '') {
      const seconds = Number(override);
      if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
    }
  } catch {
    // storage unavailable: use the setting
  }
  return Math.max(1, idleLockMinutes) * 60_000;
}

/** At most one keep-alive call to the server per this many milliseconds of activity. */
export const TOUCH_INTERVAL_MS = 30_000;
