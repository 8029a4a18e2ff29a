import { useSyncExternalStore } from 'react';

/** A tiny observable value: state that outlives components and is read with `useStore`. */
export interface Store<T> {
  get(): T;
  set(next: T | ((prev: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

/** Creates a store; `set` notifies subscribers only when the value actually changes. */
export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      const resolved = typeof next === 'function' ? (next as (prev: T) => T)(value) : next;
      if (Object.is(resolved, value)) return;
      value = resolved;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Reads a store in a component and re-renders when it changes. */
export function useStore<T>(store: Pick<Store<T>, 'get' | 'subscribe'>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * Wraps a refetch so bursts collapse: while one run is in flight, any number of calls make exactly one
 * more run after it, and every caller gets a promise that settles when the data is at least that fresh.
 */
function coalesced(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await task();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };
}

/**
 * A coalesced refetch into a store: each answer is merged in by `loaded`, each failure by `failed` (which
 * leaves the last answer in place, so a screen keeps what it shows and says what went wrong).
 */
export function coalescedLoad<S, T>(state: Store<S>, load: () => Promise<T>, merge: { loaded(value: T): Partial<S>; failed(error: unknown): Partial<S> }): () => Promise<void> {
  return coalesced(async () => {
    try {
      const value = await load();
      state.set((s) => ({ ...s, ...merge.loaded(value) }));
    } catch (error) {
      state.set((s) => ({ ...s, ...merge.failed(error) }));
    }
  });
}

/**
 * Reference-counted live updates: `start` runs when the first holder retains, its returned stop function
 * when the last one releases. Each release function works once, so a double release cannot unbalance it.
 */
export function refCounted(start: () => () => void): () => () => void {
  let holders = 0;
  let stop: (() => void) | null = null;
  return () => {
    if (holders++ === 0) stop = start();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--holders === 0) {
        stop?.();
        stop = null;
      }
    };
  };
}

/** One instance per key (a store per API client, so tests with a fresh fake get a fresh store). */
export function perKey<K extends object, V>(create: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = create(key)));
    return value;
  };
}
