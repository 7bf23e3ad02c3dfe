import { apiEvents, type EventName, type EventPayload } from '@shared/api';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Core → renderer notifications, checked against their declared schema before they leave. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private deferred: Set<string> | null = null;

  /**
   * Runs `work` with 'records.changed' held back, then emits one event naming
   * every entity touched: an import of 50,000 rows is one reload, not 50,000.
   */
  batch<T>(work: () => T): T {
    if (this.deferred) return work();
    const touched = new Set<string>();
    this.deferred = touched;
    let result: T;
    try {
      result = work();
    } finally {
      this.deferred = null;
    }
    // Only after success: work that threw was rolled back, so nothing changed.
    if (touched.size > 0) this.emit('records.changed', { entities: [...touched] });
    return result;
  }

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    if (this.deferred && name === 'records.changed') {
      for (const entity of (payload as EventPayload<'records.changed'>).entities) this.deferred.add(entity);
      return;
    }
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
