/**
 * What the main process keeps for a client (window or tab) between calls — its jobs, the files it
 * chose — per core (one per data folder, so test apps in one process never see each other's), and
 * dropped when that client's session ends.
 */
import type { AppCore } from './context';

export interface ClientOwned {
  clientId: string;
}

/** A lazily made map per core; `dropped` runs for each entry of a client whose session ends. */
export function clientStore<V extends ClientOwned>(dropped: (v: V) => void = () => {}): (core: AppCore) => Map<string, V> {
  const stores = new WeakMap<AppCore, Map<string, V>>();
  return (core) => {
    let map = stores.get(core);
    if (!map) {
      const created = new Map<string, V>();
      core.sessions.onEnd((clientId) => {
        for (const [id, v] of created) {
          if (v.clientId !== clientId) continue;
          dropped(v);
          created.delete(id);
        }
      });
      stores.set(core, created);
      map = created;
    }
    return map;
  };
}
