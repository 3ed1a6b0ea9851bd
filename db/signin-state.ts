import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Wrong-password counts per username. They must survive a restart and be readable before the
 * database is unlocked, so they live in a small file beside it (no personal data in it).
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

export function setSignInRecord(dir: string, username: string, record: SignInRecord): void {
  const state = read(dir);
  if (record.failures === 0 && !record.lockedUntil) delete state[key(username)];
  else state[key(username)] = record;
  write(dir, state);
}
