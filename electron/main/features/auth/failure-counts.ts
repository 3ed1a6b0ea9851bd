import { findUserSlot, type KeyFile } from '../../../../db/keyslots';
import { getSignInRecord, setSignInRecord, type SignInRecord } from '../../../../db/signin-state';
import type { AppCore } from '../../core/context';

/**
 * Consecutive wrong passwords per typed user name, for the lockout (sign-in.ts). An account's count
 * must survive a restart, so it is kept in signin-state.json beside the database. A name no account
 * has is often a password typed into the wrong box: it is never written to disk, only counted here
 * in memory, so that it is answered (and locked out) exactly as a known name would be and the
 * answers do not tell which names exist.
 */
const inMemory = new WeakMap<AppCore, Map<string, SignInRecord>>();
/** A run of made-up names must not grow memory without bound; the oldest are forgotten first. */
const MAX_UNKNOWN_NAMES = 1000;
const CLEAR: SignInRecord = { failures: 0, lockedUntil: null };

const normalised = (username: string) => username.trim().toLowerCase();

function unknownNames(core: AppCore): Map<string, SignInRecord> {
  let names = inMemory.get(core);
  if (!names) inMemory.set(core, (names = new Map()));
  return names;
}

/** The names that have a key slot: the accounts, as far as can be known before the database opens. */
function accountNames(keyFile: KeyFile): Set<string> {
  return new Set(keyFile.slots.flatMap((s) => (s.kind === 'user' && s.username ? [s.username] : [])));
}

export function failureCount(core: AppCore, keyFile: KeyFile, username: string): SignInRecord {
  if (findUserSlot(keyFile, username)) return getSignInRecord(core.folder.dir, username);
  return unknownNames(core).get(normalised(username)) ?? CLEAR;
}

export function setFailureCount(core: AppCore, keyFile: KeyFile, username: string, record: SignInRecord): void {
  if (findUserSlot(keyFile, username)) {
    // Names an earlier version wrote there that no account has are dropped on the way.
    setSignInRecord(core.folder.dir, username, record, accountNames(keyFile));
    return;
  }
  const names = unknownNames(core);
  const name = normalised(username);
  names.delete(name);
  if (record.failures === 0 && !record.lockedUntil) return;
  names.set(name, record);
  if (names.size > MAX_UNKNOWN_NAMES) names.delete(names.keys().next().value!);
}
