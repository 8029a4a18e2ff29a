import type { EventName, EventPayload } from '../contract/index.js';

/** Pushed events, fanned out to every connected window or socket. */
export class EventHub {
  private listeners = new Set<(event: EventName, payload: unknown) => void>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of [...this.listeners]) {
      try {
        l(event, payload);
      } catch (err) {
        console.error('[glasswing] event listener failed:', err);
      }
    }
  }

  /** Subscribes to every event; returns the unsubscribe. */
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
