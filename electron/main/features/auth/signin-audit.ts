import { appendAudit } from '../../../../db/queries/audit';
import { getUserByName } from '../../../../db/queries/users';
import { clearSignInEvents, peekSignInEvents, queueSignInEvent, type QueuedSignInEvent } from '../../../../db/signin-state';
import type { AppCore } from '../../core/context';
import { log } from '../../core/log';

/**
 * Failed sign-ins, lockouts and wrong current passwords in the audit trail. Such a call fails, so
 * its record is written in a transaction of its own, committed before the error is thrown: the
 * failure must not take its record with it. Who tried is only a typed name (userId null) unless a
 * signed-in session made the attempt (the lock screen, 修改密码). No password material is recorded.
 *
 * The database is open only while someone is signed in. A failure while it is closed waits in a
 * small file beside it (db/signin-state.ts) and is written, with its own time, when the next
 * sign-in opens the database.
 */
export interface SignInFailure {
  username: string;
  /** The signed-in user who made the attempt (lock screen, 修改密码); null for a sign-in. */
  userId: number | null;
  action: 'auth.signInFailed' | 'auth.lockout' | 'auth.unlockFailed' | 'auth.changePasswordFailed';
  summary: string;
}

export function recordSignInFailure(core: AppCore, failure: SignInFailure): void {
  const at = new Date(core.now()).toISOString();
  try {
    if (core.folder.isOpen) {
      writePendingSignInEvents(core);
      core.folder.transaction((db) => {
        const target = getUserByName(db, failure.username);
        appendAudit(db, { ...failure, entity: 'user', entityId: target?.id ?? null }, new Date(at));
      });
    } else {
      queueSignInEvent(core.folder.dir, { at, username: failure.username, action: failure.action, summary: failure.summary });
    }
  } catch (e) {
    // The refusal itself must still reach the user; the record is kept for later where it can be.
    log.error('sign-in failure could not be recorded', e);
    try {
      queueSignInEvent(core.folder.dir, { at, username: failure.username, action: failure.action, summary: failure.summary });
    } catch {
      /* the error above is logged */
    }
  }
}

/** Writes the failures that waited for the database to open; call right after opening it. */
export function writePendingSignInEvents(core: AppCore): void {
  const dir = core.folder.dir;
  const queue = peekSignInEvents(dir);
  if (!queue.events.length && !queue.dropped) return;
  core.folder.transaction((db) => {
    const append = (e: QueuedSignInEvent) => {
      const target = getUserByName(db, e.username);
      appendAudit(db, { userId: null, username: e.username, action: e.action, entity: 'user', entityId: target?.id ?? null, summary: e.summary }, new Date(e.at));
    };
    for (const e of queue.events) append(e);
    if (queue.dropped && queue.droppedTo) {
      append({
        at: queue.droppedTo,
        username: '（多个）',
        action: 'auth.signInFailed',
        summary: `另有 ${queue.dropped} 次登录失败（${queue.droppedFrom} 至 ${queue.droppedTo}）未逐条记录`,
      });
    }
  });
  clearSignInEvents(dir);
}
