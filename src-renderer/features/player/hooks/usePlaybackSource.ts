import { useEffect, useState } from 'react';
import { errorMessage, useApi, type PlaybackSource } from '../../../api';
import { detectCapabilities, preferredLanguage } from '../model/capabilities';

/** A reopen of the same item: another audio track, an image subtitle burned in, from where it was. */
export interface Reopen {
  audioTrack?: number;
  burnSubtitle?: number;
  startSec?: number;
  generation: number;
}

/**
 * Opens a playback session for `itemId` (one per item choice or reopen) with this browser's real
 * capabilities; the latest choice wins, and a session is stopped when it is replaced or the player closes.
 */
export function usePlaybackSource(itemId: string, nonce: number, reopen: Reopen) {
  const client = useApi();
  const key = `${itemId}#${nonce}#${reopen.generation}`;
  const [state, setState] = useState<{ key: string; source: PlaybackSource | null; error: string | null }>({ key: '', source: null, error: null });
  const { audioTrack, burnSubtitle, startSec } = reopen;
  useEffect(() => {
    let current = true;
    let sessionId: string | null = null;
    const input = {
      itemId,
      capabilities: detectCapabilities(),
      ...(preferredLanguage() ? { language: preferredLanguage() } : {}),
      ...(audioTrack !== undefined ? { audioTrack } : {}),
      ...(burnSubtitle !== undefined ? { burnSubtitle } : {}),
      ...(startSec !== undefined ? { startSec } : {}),
    };
    client['playback.open'](input).then(
      (source) => {
        if (current) {
          sessionId = source.sessionId;
          setState({ key, source, error: null });
        } else {
          client['playback.stop']({ sessionId: source.sessionId }).catch(() => undefined);
        }
      },
      (error: unknown) => current && setState({ key, source: null, error: errorMessage(error) }),
    );
    return () => {
      current = false;
      if (sessionId) client['playback.stop']({ sessionId }).catch(() => undefined);
    };
  }, [client, itemId, key, audioTrack, burnSubtitle, startSec]);
  // A result for an earlier choice is never shown for the current one.
  return state.key === key ? { source: state.source, error: state.error } : { source: null, error: null };
}
