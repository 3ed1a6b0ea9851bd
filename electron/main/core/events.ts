import type { EventName } from '../../../shared/ipc/channels';
import type { EventPayload } from '../../../shared/ipc/contract';

type Listener = (clientId: string | null, event: EventName, payload: unknown) => void;

/** Pushes events to one client (or all, with clientId null); each host delivers them its own way. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(clientId: string | null, event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(clientId, event, payload);
  }
}
