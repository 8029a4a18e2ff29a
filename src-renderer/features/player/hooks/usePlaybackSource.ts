import { useEffect, useState } from 'react';
import { errorMessage, useApi, type PlaybackSource } from '../../../api';

/** Opens a playback session for `itemId` (one per item choice); the latest choice wins. */
export function usePlaybackSource(itemId: string, nonce: number) {
  const client = useApi();
  const key = `${itemId}#${nonce}`;
  const [state, setState] = useState<{ key: string; source: PlaybackSource | null; error: string | null }>({ key: '', source: null, error: null });
  useEffect(() => {
    let current = true;
    client['playback.open']({ itemId }).then(
      (source) => current && setState({ key, source, error: null }),
      (error: unknown) => current && setState({ key, source: null, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, itemId, key]);
  // A result for an earlier choice is never shown for the current one.
  return state.key === key ? { source: state.source, error: state.error } : { source: null, error: null };
}
