import { randomBytes } from 'node:crypto';

/** Tab ids kept at most; beyond this, the oldest without a session are forgotten. */
const MAX_TABS = 10_000;
/** Browsers kept at most (each opened the address with the launch token at least once). */
const MAX_BROWSERS = 1_000;

const newId = () => randomBytes(32).toString('base64url');

/**
 * Who asks, in the browser host. The launch token only says "this browser was given the address";
 * it is the same for every browser. So the host gives each browser its own id (an HttpOnly,
 * SameSite=Strict cookie the page cannot read) and each tab a client id of its own, bound to
 * that browser. A session belongs to a tab's client id, and a request naming a client id the
 * host did not give to the browser it comes from is refused: an id seen in an address (the
 * events stream, a download) or made up opens nobody's session.
 *
 * Tabs, not browsers, own sessions, so two tabs of one browser can be two users (an admin trying a
 * counselor's view); the page keeps its id across reloads and makes sure a duplicated tab does
 * not share it (renderer/src/ipc/transport.ts).
 */
export class BrowserClients {
  private readonly browsers = new Set<string>();
  /** Client id → the browser it was given to. */
  private readonly tabs = new Map<string, string>();

  /** `hasSession` tells which tabs must be kept when the oldest are forgotten. */
  constructor(private readonly hasSession: (clientId: string) => boolean) {}

  /** The browser's id from its cookie, when the host gave it; undefined for a missing or foreign one. */
  knownBrowser(cookieValue: string | undefined): string | undefined {
    return cookieValue && this.browsers.has(cookieValue) ? cookieValue : undefined;
  }

  newBrowser(): string {
    if (this.browsers.size >= MAX_BROWSERS) this.browsers.delete(this.browsers.values().next().value!);
    const id = newId();
    this.browsers.add(id);
    return id;
  }

  /** A client id for a new tab of this browser. */
  newTab(browserId: string): string {
    if (this.tabs.size >= MAX_TABS) {
      for (const [clientId] of this.tabs) {
        if (this.tabs.size < MAX_TABS) break;
        if (!this.hasSession(clientId)) this.tabs.delete(clientId);
      }
    }
    const clientId = newId();
    this.tabs.set(clientId, browserId);
    return clientId;
  }

  /** Whether the host gave this client id to this browser (a known one). */
  belongs(clientId: string, browserId: string | undefined): boolean {
    return browserId !== undefined && this.browsers.has(browserId) && this.tabs.get(clientId) === browserId;
  }
}
