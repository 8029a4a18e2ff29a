import { useCallback, useEffect, useState } from 'react';
import { useApi, type Album, type Track } from '../api';
import { findItem, useLibrary } from '../features/library';
import { createPlayQueue, createPreloader, currentEntry, detailsOf, openInputFor, type ItemDetails, type PlayQueueTrack } from '../features/player';
import { useStore } from '../ui';

/** A movie or episode chosen to play (music plays from the play queue instead); `nonce` tells choices of the same item apart. */
interface ChosenItem {
  itemId: string;
  nonce: number;
  resumeSec: number | null;
  details: ItemDetails | null;
}

function playQueueTrack(track: Track, album: Album): PlayQueueTrack {
  return { itemId: track.id, title: track.title, artist: track.artist ?? album.artist, album: album.title, durationSec: track.durationSec };
}

/**
 * What plays, across screens: a movie or episode chosen in the library, or the music play queue (a track
 * plays its album from there on), never both; with the preloader that opens the next track ahead of time.
 */
export function useNowPlaying() {
  const client = useApi();
  const { store: libraryStore } = useLibrary();
  const [chosen, setChosen] = useState<ChosenItem | null>(null);
  const [playQueue] = useState(createPlayQueue);
  const [preloader] = useState(() =>
    createPreloader({
      open: (itemId) => client['playback.open'](openInputFor(itemId)),
      stop: (sessionId) => void client['playback.stop']({ sessionId }).catch(() => undefined),
    }),
  );
  const playQueueState = useStore(playQueue);
  const track = currentEntry(playQueueState);

  const play = useCallback(
    (itemId: string) => {
      const found = findItem(libraryStore.get().snapshot, itemId);
      if (found?.kind === 'track') {
        // A track plays its album from there on.
        setChosen(null);
        playQueue.playFrom(found.album.tracks.slice(found.index).map((t) => playQueueTrack(t, found.album)));
        return;
      }
      playQueue.clear();
      preloader.discard();
      setChosen((p) => ({ itemId, nonce: (p?.nonce ?? 0) + 1, resumeSec: found?.item.resumeSec ?? null, details: found ? detailsOf(found.item) : null }));
    },
    [libraryStore, playQueue, preloader],
  );
  const addToPlayQueue = useCallback(
    (itemId: string) => {
      const found = findItem(libraryStore.get().snapshot, itemId);
      if (found?.kind !== 'track') return;
      if (!currentEntry(playQueue.get())) setChosen(null);
      playQueue.add(playQueueTrack(found.item, found.album));
    },
    [libraryStore, playQueue],
  );
  const close = useCallback(() => {
    playQueue.clear();
    preloader.discard();
    setChosen(null);
  }, [playQueue, preloader]);
  // Resume points and Continue watching change as a session ends; main only pushes membership changes.
  const sessionEnded = useCallback(() => void libraryStore.refresh(), [libraryStore]);
  useEffect(() => () => preloader.discard(), [preloader]);

  return { chosen, track, epoch: playQueueState.epoch, playQueue, preloader, play, addToPlayQueue, close, sessionEnded, playingId: track?.itemId ?? chosen?.itemId ?? null };
}
