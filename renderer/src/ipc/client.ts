import type { Channel, EventName } from '../../../shared/ipc/channels';
import type { CallInput, CallOutput, EventPayload } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { getTransport } from './transport';

/**
 * Signals about the session that any call may reveal:
 * - locked: the server idle-locked the session (the lock dialog must appear);
 * - unlocked: the user entered the password again (pages may reload what failed while locked);
 * - signedOut: no one is signed in any more (back to the sign-in page).
 */
export type SessionSignal = 'locked' | 'unlocked' | 'signedOut';

const signalListeners = new Set<(signal: SessionSignal) => void>();

export function onSessionSignal(cb: (signal: SessionSignal) => void): () => void {
  signalListeners.add(cb);
  return () => {
    signalListeners.delete(cb);
  };
}

export function emitSessionSignal(signal: SessionSignal): void {
  for (const cb of [...signalListeners]) cb(signal);
}

/** What a failure says about the session (locked, signed out), told to the listeners. */
function signalFrom<T>(result: Result<T>): Result<T> {
  if (!result.ok) {
    if (result.error.code === 'SESSION_LOCKED') emitSessionSignal('locked');
    else if (result.error.code === 'UNAUTHENTICATED') emitSessionSignal('signedOut');
  }
  return result;
}

/** Calls one channel of the contract. Never throws: failures come back as `{ ok: false, error }`. */
export async function call<C extends Channel>(channel: C, input: CallInput<C>): Promise<Result<CallOutput<C>>> {
  return signalFrom((await getTransport().invoke(channel, input)) as Result<CallOutput<C>>);
}

/**
 * A student's photo as a Blob (null when none), through the host with photos.get's checks — never
 * base64. The page shows it through URL.createObjectURL and revokes that URL when done.
 */
export async function studentPhoto(studentId: number): Promise<Result<Blob | null>> {
  return signalFrom(await getTransport().photo(studentId));
}

/** A certificate template's scanned blank form as a Blob (null when none), through the host like a photo. */
export async function templateBackground(name: string): Promise<Result<Blob | null>> {
  return signalFrom(await getTransport().templateBackground(name));
}

/** Subscribes to a server event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void {
  return getTransport().on(event, (payload) => cb(payload as EventPayload<E>));
}

/** Hands a file the user chose to the main process; the calls that use it name it by fileId. */
export function uploadFile(file: File): Promise<Result<{ fileId: string }>> {
  return getTransport().upload(file);
}

/** Saves a finished job's output through the host: the save dialog, or the browser's download. */
export function saveJobOutput(jobId: string, fileName: string): Promise<Result<{ saved: boolean }>> {
  return getTransport().saveOutput(jobId, fileName);
}

/**
 * Prints a finished job's PDF through the host: the desktop opens the system print dialog for it;
 * the browser shows it in a new tab, whose PDF viewer prints it. The page never names a path.
 */
export function printJobOutput(jobId: string): Promise<Result<{ opened: boolean }>> {
  return getTransport().printOutput(jobId);
}
