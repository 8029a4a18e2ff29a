import { useEffect, useState } from 'react';
import { errorMessage, useApi } from '../api';
import { createNowPlaying, createPlayQueue, createPreloader, currentEntry, openInputFor } from '../features/player';
import { useStore } from '../ui';

/**
 * What plays, across screens: a movie or episode over the window, or the music play queue in the bar, never
 * both; with the preloader that opens the next track ahead of time. Each choice reads only its own detail
 * (and a track's album) from main, never the whole library.
 */
export function useNowPlaying() {
  const client = useApi();
  const [parts] = useState(() => {
    const playQueue = createPlayQueue();
    const preloader = createPreloader({
      open: (itemId) => client['playback.open'](openInputFor(itemId)),
      stop: (sessionId) => void client['playback.stop']({ sessionId }).catch(() => undefined),
    });
    const ports = { detail: client['library.detail'], languages: () => client['settings.get']({}), errorMessage };
    return { playQueue, preloader, nowPlaying: createNowPlaying(ports, playQueue, preloader) };
  });
  const { playQueue, preloader, nowPlaying } = parts;
  const state = useStore(nowPlaying);
  const track = currentEntry(useStore(playQueue));
  useEffect(() => () => preloader.discard(), [preloader]);
  return { ...state, playQueue, preloader, nowPlaying, musicPlaying: track !== null, playingId: track?.itemId ?? state.video?.itemId ?? null };
}
