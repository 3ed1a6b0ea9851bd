import type { Db } from '../../../db/client';
import { appendAudit, type AuditEntry } from '../../../db/queries/audit';
import { scopedClassIds } from '../../../db/queries/scopes';
import type { Role } from '../../../shared/domain/permissions';
import type { DataFolder } from './data-folder';
import type { EventBus } from './events';
import type { WriteGate } from './write-gate';
import type { Session, SessionStore } from './sessions';

/** Everything the services share; one per data folder and process. */
export interface AppCore {
  folder: DataFolder;
  sessions: SessionStore;
  events: EventBus;
  /** Injectable clock, so idle-lock and lockout tests need no waiting. */
  now: () => number;
  version: string;
  /** Every call passes it; a long stepped write takes the connection for itself through it. */
  writeGate: WriteGate;
  /** Check each handler's answer against the contract's output schema (off in the packaged app). */
  checkOutput: boolean;
}

export interface Actor {
  userId: number;
  username: string;
  role: Role;
}

/** What a handler gets besides its validated input. */
export interface CallContext {
  core: AppCore;
  clientId: string;
  session: Session | null;
  /** The signed-in user; throws for public calls without a session. */
  actor(): Actor;
  db(): Db;
  /**
   * The ids of the classes whose students the signed-in user may see and change (数据范围), or null
   * for the whole department. Read once per call.
   */
  scope(): readonly number[] | null;
  /** Runs fn in one transaction and appends the audit entries it returns in the same transaction. */
  write<T>(fn: (db: Db, actor: Actor) => { value: T; audit: Omit<AuditEntry, 'userId' | 'username'>[] }): T;
}

export function makeContext(core: AppCore, clientId: string, session: Session | null): CallContext {
  const actor = (): Actor => {
    if (!session) throw new Error('no session');
    return { userId: session.userId, username: session.username, role: session.role };
  };
  let scope: readonly number[] | null | undefined;
  return {
    core,
    clientId,
    session,
    actor,
    db: () => core.folder.db(),
    scope: () => (scope === undefined ? (scope = session ? scopedClassIds(core.folder.db(), session.userId) : null) : scope),
    write(fn) {
      const who = actor();
      const at = new Date(core.now());
      return core.folder.transaction((db) => {
        const { value, audit } = fn(db, who);
        for (const entry of audit) appendAudit(db, { ...entry, userId: who.userId, username: who.username }, at);
        return value;
      });
    },
  };
}
