import { useEffect, useState, type RefObject } from 'react';
import { errorMessage, useApi, type PlaybackSource } from '../../../api';
import { openInputFor } from '../model/capabilities';

/** A reopen of the same item: another audio track, an image subtitle burned in, from where it was. */
export interface Reopen {
  audioTrack?: number;
  burnSubtitle?: number;
  startSec?: number;
  /** The session being replaced was paused: the new one stays paused. Not sent to main. */
  paused?: boolean;
  generation: number;
}

/** What the player adds around a session's life, read when needed (a ref, so new callbacks never reopen). */
export interface SessionHooks {
  /** A session already opened for this item (the preloaded next track), used instead of opening one. */
  take?(itemId: string): PlaybackSource | null;
  /** Runs before `playback.stop` (the final progress report); stop waits for it. */
  beforeStop?(sessionId: string): Promise<unknown> | undefined;
  /** After the session has been stopped. */
  afterStop?(source: PlaybackSource): void;
}

/**
 * Opens a playback session for `itemId` (one per item choice or reopen) with this browser's real
 * capabilities and the user's preferred audio `language` (read once: a setting changed while playing does not
 * reopen anything); the latest choice wins, and a session is stopped when it is replaced or the player closes.
 * `previous` is only for showing: it has already been stopped.
 */
export function usePlaybackSource(itemId: string, nonce: number, reopen: Reopen, hooks?: RefObject<SessionHooks>, language?: string | null) {
  const client = useApi();
  const [preferred] = useState(language);
  const key = `${itemId}#${nonce}#${reopen.generation}`;
  const [state, setState] = useState<{ key: string; source: PlaybackSource | null; error: string | null }>({ key: '', source: null, error: null });
  const { audioTrack, burnSubtitle, startSec, generation } = reopen;
  useEffect(() => {
    let current = true;
    let opened: PlaybackSource | null = null;
    const h = hooks?.current;
    const input = {
      ...openInputFor(itemId, preferred),
      ...(audioTrack !== undefined ? { audioTrack } : {}),
      ...(burnSubtitle !== undefined ? { burnSubtitle } : {}),
      ...(startSec !== undefined ? { startSec } : {}),
    };
    const taken = generation === 0 && startSec === undefined ? (h?.take?.(itemId) ?? null) : null;
    (taken ? Promise.resolve(taken) : client['playback.open'](input)).then(
      (source) => {
        if (current) {
          opened = source;
          setState({ key, source, error: null });
        } else {
          client['playback.stop']({ sessionId: source.sessionId }).catch(() => undefined);
        }
      },
      (error: unknown) => current && setState({ key, source: null, error: errorMessage(error) }),
    );
    return () => {
      current = false;
      const source = opened;
      if (!source) return;
      // The final report must reach main before the session (and its item's position) is closed.
      void Promise.resolve()
        .then(() => h?.beforeStop?.(source.sessionId))
        .catch(() => undefined)
        .then(() => client['playback.stop']({ sessionId: source.sessionId }))
        .catch(() => undefined)
        .then(() => h?.afterStop?.(source));
    };
  }, [client, itemId, key, audioTrack, burnSubtitle, startSec, generation, hooks, preferred]);
  // A result for an earlier choice is never shown for the current one; while a reopen of the same item is
  // opening, the session it replaces is offered as `previous`, so the player can keep its picture and panel.
  if (state.key === key) return { source: state.source, error: state.error, previous: null };
  const sameItem = state.key.startsWith(`${itemId}#${nonce}#`);
  return { source: null, error: null, previous: sameItem ? state.source : null };
}

