import { apiEvents, type EventName, type EventPayload } from '@shared/api';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Core → renderer notifications, checked against their declared schema before they leave. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = apiEvents[name].payload.parse(payload);
    for (const listener of this.listeners) {
      try {
        listener(name, checked);
      } catch {
        // A broken listener (a closed connection) must not stop the others.
      }
    }
  }
}
