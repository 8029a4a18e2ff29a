import type { AlbumDetail, Track } from '../../../api';
import type { PlayQueueTrack } from '../../player';

type Disc = AlbumDetail['discs'][number];

/** The album as a queued track needs it: names, and its cover where the caller knows it (the bar shows it). */
interface QueueAlbum {
  title: string;
  artist: string | null;
  thumbUrl?: string | null;
  coverUrl?: string | null;
}

/** A track as the play queue holds it: the album's artist stands in for a track without its own. */
export function toQueueTrack(track: Track, album: QueueAlbum): PlayQueueTrack {
  return {
    itemId: track.id,
    title: track.title,
    artist: track.artist ?? album.artist,
    album: album.title,
    durationSec: track.durationSec,
    thumbUrl: album.thumbUrl ?? null,
    coverUrl: album.coverUrl ?? null,
  };
}

/** Discs in playing order: numbered ones ascending, the untagged (null) disc last, whatever order they came in. */
export function orderedDiscs(discs: readonly Disc[]): Disc[] {
  return [...discs].sort((a, b) => (a.disc ?? Number.POSITIVE_INFINITY) - (b.disc ?? Number.POSITIVE_INFINITY));
}

/** Every track of an album in playing order, ready for the queue. */
export function albumQueue(album: Pick<AlbumDetail, 'title' | 'artist' | 'discs'> & Partial<Pick<AlbumDetail, 'thumbUrl' | 'coverUrl'>>): PlayQueueTrack[] {
  return orderedDiscs(album.discs).flatMap((disc) => disc.tracks.map((t) => toQueueTrack(t, album)));
}

/** A copy in random order (Fisher–Yates); `random` is injectable so tests can pin it. */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
