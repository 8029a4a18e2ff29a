import { useEffect, useState } from 'react';
import { errorMessage, useApi, type PlaybackSource } from '../../../api';

/** Opens a playback session for `itemId` (one per item choice); the latest choice wins. */
export function usePlaybackSource(itemId: string, nonce: number) {
  const client = useApi();
  const [state, setState] = useState<{ source: PlaybackSource | null; error: string | null }>({ source: null, error: null });
  useEffect(() => {
    let current = true;
    setState({ source: null, error: null });
    client['playback.open']({ itemId }).then(
      (source) => current && setState({ source, error: null }),
      (error: unknown) => current && setState({ source: null, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, itemId, nonce]);
  return state;
}
