import type { Role } from '../../../shared/domain/permissions';

export interface Session {
  clientId: string;
  userId: number;
  username: string;
  role: Role;
  signedInAt: number;
  lastActivityAt: number;
  locked: boolean;
  /** The password was set by an admin (a new account, 重置密码): see BEFORE_PASSWORD_CHANGE in dispatch.ts. */
  mustChangePassword: boolean;
}

/**
 * Signed-in users, one per client (an Electron window or a browser tab). The main process is the
 * authority for idle locking: a session idle past the limit is locked here, whatever the renderer
 * thinks.
 */
export class SessionStore {
  private readonly byClient = new Map<string, Session>();
  private readonly endListeners: ((clientId: string) => void)[] = [];

  /** Called with the client id whenever a session ends (sign-out, window closed, account disabled). */
  onEnd(listener: (clientId: string) => void): void {
    this.endListeners.push(listener);
  }

  private ended(clientId: string): void {
    for (const l of this.endListeners) l(clientId);
  }

  get(clientId: string): Session | undefined {
    return this.byClient.get(clientId);
  }

  start(clientId: string, user: { id: number; username: string; role: Role; mustChangePassword: boolean }, now: number): Session {
    const session: Session = {
      clientId,
      userId: user.id,
      username: user.username,
      role: user.role,
      signedInAt: now,
      lastActivityAt: now,
      locked: false,
      mustChangePassword: user.mustChangePassword,
    };
    this.byClient.set(clientId, session);
    return session;
  }

  end(clientId: string): void {
    if (this.byClient.delete(clientId)) this.ended(clientId);
  }

  endForUser(userId: number): string[] {
    const ended: string[] = [];
    for (const [clientId, s] of this.byClient) {
      if (s.userId === userId) {
        this.byClient.delete(clientId);
        ended.push(clientId);
        this.ended(clientId);
      }
    }
    return ended;
  }

  get size(): number {
    return this.byClient.size;
  }

  /** Locks the sessions idle for longer than idleMs; returns the client ids newly locked. */
  lockIdle(now: number, idleMs: number): string[] {
    const locked: string[] = [];
    for (const s of this.byClient.values()) {
      if (!s.locked && now - s.lastActivityAt >= idleMs) {
        s.locked = true;
        locked.push(s.clientId);
      }
    }
    return locked;
  }
}
