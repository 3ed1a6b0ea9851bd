import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Wrong-password counts per account (user name). They must survive a restart and be readable
 * before the database is unlocked, so they live in a small file beside it. Only names that have
 * an account are written here (see electron/main/features/auth/failure-counts.ts).
 */
const FILE = 'signin-state.json';

export interface SignInRecord {
  failures: number;
  lockedUntil: string | null;
}
type State = Record<string, SignInRecord>;

function read(dir: string): State {
  const file = join(dir, FILE);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as State;
  } catch {
    return {}; // A damaged counter file must not keep everyone out; it only resets the counts.
  }
}

function write(dir: string, state: State): void {
  const file = join(dir, FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(state), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

const key = (u: string) => u.trim().toLowerCase();

export function getSignInRecord(dir: string, username: string): SignInRecord {
  return read(dir)[key(username)] ?? { failures: 0, lockedUntil: null };
}

/** accounts, when given: the names that have an account; any other name in the file is dropped. */
export function setSignInRecord(dir: string, username: string, record: SignInRecord, accounts?: ReadonlySet<string>): void {
  const state = read(dir);
  if (accounts) for (const name of Object.keys(state)) if (!accounts.has(name)) delete state[name];
  if (record.failures === 0 && !record.lockedUntil) delete state[key(username)];
  else state[key(username)] = record;
  write(dir, state);
}

/**
 * Failed sign-ins that happened while the database was closed (no one signed in, so there was no
 * key to open it). They wait here, in the order they happened, until the next sign-in opens the
 * database and writes them into the audit trail with their own times. Each holds the account's
 * name (a name no account has only as （不存在的用户名）, see sign-in.ts: this file is not
 * encrypted), the time, the action and a sentence about the outcome: never anything of the password.
 */
const EVENTS_FILE = 'signin-events.json';
/** A guessing run must not grow the file without bound: past this, only a count is kept. */
const MAX_QUEUED = 1000;

export interface QueuedSignInEvent {
  at: string;
  username: string;
  action: string;
  summary: string;
}
interface EventQueue {
  events: QueuedSignInEvent[];
  /** Failures past MAX_QUEUED, counted but not kept one by one. */
  dropped: number;
  /** When the first dropped one and the last dropped one happened. */
  droppedFrom?: string;
  droppedTo?: string;
}

function readQueue(dir: string): EventQueue {
  const file = join(dir, EVENTS_FILE);
  if (!existsSync(file)) return { events: [], dropped: 0 };
  try {
    const q = JSON.parse(readFileSync(file, 'utf8')) as EventQueue;
    return Array.isArray(q.events) ? { ...q, dropped: q.dropped ?? 0 } : { events: [], dropped: 0 };
  } catch {
    return { events: [], dropped: 0 };
  }
}

export function queueSignInEvent(dir: string, event: QueuedSignInEvent): void {
  const q = readQueue(dir);
  if (q.events.length < MAX_QUEUED) q.events.push(event);
  else {
    q.dropped += 1;
    q.droppedFrom ??= event.at;
    q.droppedTo = event.at;
  }
  const file = join(dir, EVENTS_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(q), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/** The queued events (oldest first) and how many were only counted; empty when none wait. */
export function peekSignInEvents(dir: string): EventQueue {
  return readQueue(dir);
}

/** Called once the events are in the audit trail. */
export function clearSignInEvents(dir: string): void {
  rmSync(join(dir, EVENTS_FILE), { force: true });
}
