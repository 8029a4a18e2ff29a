import type { PlaybackSource } from '../../../api';
import { createStore, type Store } from '../../../ui';

interface PreloadPorts {
  open(itemId: string): Promise<PlaybackSource>;
  stop(sessionId: string): void;
}

export type PreloadState = { itemId: string; source: PlaybackSource | null } | null;

/**
 * Holds at most one session opened ahead of time for the next track, so its file is already buffering
 * when the current one ends. The player takes it over, or it is stopped.
 *
 * Important: every session this opens is either taken (ownership moves to the player) or stopped here.
 */
export interface Preloader extends Pick<Store<PreloadState>, 'get' | 'subscribe'> {
  /** Opens a session for `itemId`, replacing (and stopping) any other preload. */
  preload(itemId: string): void;
  /** The preloaded session for `itemId`, now the caller's to stop; anything else preloaded is stopped. */
  take(itemId: string): PlaybackSource | null;
  /** Stops whatever is preloaded. */
  discard(): void;
}

export function createPreloader(ports: PreloadPorts): Preloader {
  const state = createStore<PreloadState>(null);
  let token = 0;

  function discard() {
    const s = state.get();
    token++;
    if (s?.source) ports.stop(s.source.sessionId);
    state.set(null);
  }

  return {
    get: state.get,
    subscribe: state.subscribe,
    preload(itemId) {
      if (state.get()?.itemId === itemId) return;
      discard();
      const mine = token;
      state.set({ itemId, source: null });
      ports.open(itemId).then(
        (source) => {
          if (mine === token) state.set({ itemId, source });
          else ports.stop(source.sessionId);
        },
        () => {
          if (mine === token) state.set(null);
        },
      );
    },
    take(itemId) {
      const s = state.get();
      if (s?.source && s.itemId === itemId) {
        token++;
        state.set(null);
        return s.source;
      }
      discard();
      return null;
    },
    discard,
  };
}
