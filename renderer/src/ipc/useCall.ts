import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel } from '../../../shared/ipc/channels';
import type { CallInput, CallOutput } from '../../../shared/ipc/contract';
import type { AppErrorData, Result } from '../../../shared/ipc/result';
import { call, onSessionSignal } from './client';

/** A call made on demand (a form's submit): its loading and error state. */
export function useCall<C extends Channel>(channel: C) {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const run = useCallback(
    async (input: CallInput<C>): Promise<Result<CallOutput<C>>> => {
      setLoading(true);
      setError(null);
      const result = await call(channel, input);
      setLoading(false);
      if (!result.ok) setError(result.error);
      return result;
    },
    [channel],
  );

  const reset = useCallback(() => setError(null), []);
  return { run, loading, error, setError, reset };
}

/**
 * Data loaded when a page opens, reloaded when `key` changes or on `reload()`.
 * What failed because the session was locked is fetched again once it is unlocked.
 * `enabled: false` makes no call at all (data stays null): for a part of a page the role may not see.
 */
export function useCallData<C extends Channel>(channel: C, input: CallInput<C>, key = '', enabled = true) {
  const [data, setData] = useState<CallOutput<C> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [tick, setTick] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;
  const errorRef = useRef<AppErrorData | null>(null);
  errorRef.current = error;

  useEffect(() => {
    let live = true;
    if (!enabled) {
      setLoading(false);
      return;
    }
    setLoading(true);
    void call(channel, inputRef.current).then((result) => {
      if (!live) return;
      setLoading(false);
      if (result.ok) {
        setData(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
    return () => {
      live = false;
    };
  }, [channel, key, tick, enabled]);

  useEffect(
    () =>
      onSessionSignal((signal) => {
        if (signal === 'unlocked' && errorRef.current?.code === 'SESSION_LOCKED') setTick((t) => t + 1);
      }),
    [],
  );

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, error, reload, setData };
}
