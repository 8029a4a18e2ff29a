import { useState } from 'react';
import { errorMessage, useApi, type AlbumDetail, type AlbumSummary } from '../../../api';
import { usePlayback } from '../../../app';
import type { PlayQueueTrack } from '../../player';
import { albumQueue, shuffled } from '../model/queue';

/** An album's tracks by this artist, or all of it where none names them (the album artist's own albums). */
function tracksBy(album: AlbumDetail, artist: string): PlayQueueTrack[] {
  const all = albumQueue(album);
  const theirs = all.filter((t) => t.artist === artist);
  return theirs.length > 0 ? theirs : all;
}

/**
 * Plays everything an artist has in the library: each album's detail fetched in the page's order (bounded
 * by one artist's albums), then one play queue, in order or shuffled.
 */
export function usePlayArtist(artist: string, albums: readonly AlbumSummary[]) {
  const client = useApi();
  const playback = usePlayback();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function play(shuffle: boolean) {
    setBusy(true);
    setError(null);
    try {
      const details = await Promise.all(albums.map((a) => client['library.detail']({ kind: 'album', id: a.id })));
      const tracks = details.flatMap((d) => (d.kind === 'album' ? tracksBy(d.album, artist) : []));
      if (tracks.length > 0) playback.playTracks(shuffle ? shuffled(tracks) : tracks, 0);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, playAll: () => void play(false), shuffle: () => void play(true) };
}
