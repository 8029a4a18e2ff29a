/** Pushed events by name, handed to every listener of that name. */
export interface FanOut {
  /** Adds a listener; returns the function that removes it. */
  on(event: string, cb: (payload: unknown) => void): () => void;
  /** Calls each listener of `event` in turn; one that throws is logged and the others still run. */
  emit(event: string, payload: unknown): void;
}

/** An empty fan-out, shared by the web transport and the test fake so both deliver events the same way. */
export function createFanOut(): FanOut {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    on(event, cb) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb);
      return () => {
        set.delete(cb);
      };
    },
    emit(event, payload) {
      // A copy: a listener may unsubscribe (or subscribe another) while it runs.
      for (const cb of [...(listeners.get(event) ?? [])]) {
        try {
          cb(payload);
        } catch (error) {
          console.error(error);
        }
      }
    },
  };
}
