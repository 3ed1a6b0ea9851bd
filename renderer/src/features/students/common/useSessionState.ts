import { useEffect, useState } from 'react';

/** State kept for this window's session, so going to a profile and back keeps the roster as it was. */
export function useSessionState<T>(key: string, initial: () => T): [T, (value: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(key);
      if (raw !== null) return { ...initial(), ...(JSON.parse(raw) as T) };
    } catch {
      // ignore: a damaged entry falls back to the initial value
    }
    return initial();
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      // storage full or unavailable: nothing to keep
    }
  }, [key, value]);
  return [value, setValue];
}
