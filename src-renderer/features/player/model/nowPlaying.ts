import type { AlbumDetail, DetailRequest, LibraryDetail } from '../../../api';
import { createStore, type Store } from '../../../ui';
import { detailsFromLibrary, type ItemDetails } from './details';
import { currentEntry, type PlayQueue, type PlayQueueTrack } from './playQueue';
import type { Preloader } from './preloader';

/** A movie or an episode chosen to play over the whole window; `nonce` tells choices of the same item apart. */
export interface VideoChoice {
  itemId: string;
  nonce: number;
  /** Where to start: the library's resume point, or null (from the start). */
  resumeSec: number | null;
  details: ItemDetails | null;
  /** The preferred audio and subtitle languages (settings), as they were when it was chosen. */
  language: string | null;
  subtitleLanguage: string | null;
}

export interface NowPlayingState {
  video: VideoChoice | null;
  /** Why the last choice could not be played, in words; null once something else is chosen. */
  error: string | null;
}

export interface NowPlayingPorts {
  detail(input: DetailRequest): Promise<LibraryDetail>;
  languages(): Promise<{ preferredAudioLanguage: string | null; preferredSubtitleLanguage: string | null }>;
  errorMessage(error: unknown): string;
}

/** What plays, across screens: a video over everything, or the music play queue; never both. */
export interface NowPlaying extends Pick<Store<NowPlayingState>, 'get' | 'subscribe'> {
  /** A movie or an episode plays over the window (from its resume point unless `fromStart`); a track plays its album from there on. */
  playItem(itemId: string, opts?: { fromStart?: boolean }): Promise<void>;
  playTracks(tracks: readonly PlayQueueTrack[], startIndex?: number): void;
  queueTracks(tracks: readonly PlayQueueTrack[]): void;
  /** Stops whatever plays. */
  close(): void;
  dismissError(): void;
}

/** The tracks of an album in playing order, as the queue keeps them (with the album's cover for the bar). */
export function albumTracks(album: AlbumDetail): PlayQueueTrack[] {
  return album.discs
    .flatMap((d) => d.tracks)
    .map((t) => ({ itemId: t.id, title: t.title, artist: t.artist ?? album.artist, album: album.title, durationSec: t.durationSec, thumbUrl: album.thumbUrl, coverUrl: album.coverUrl }));
}

/**
 * Reads only what one choice needs (the item's detail, and a track's album), never the whole library. The
 * latest choice wins: an answer for an earlier one that arrives late is dropped.
 */
export function createNowPlaying(ports: NowPlayingPorts, playQueue: PlayQueue, preloader: Preloader): NowPlaying {
  const state = createStore<NowPlayingState>({ video: null, error: null });
  let latest = 0;
  let nonce = 0;

  function playTracks(tracks: readonly PlayQueueTrack[], startIndex = 0) {
    latest++;
    preloader.discard();
    state.set({ video: null, error: null });
    playQueue.playFrom(tracks, startIndex);
  }

  async function playAlbumFrom(trackId: string, albumId: string, mine: number) {
    const album = await ports.detail({ kind: 'album', id: albumId });
    if (mine !== latest || album.kind !== 'album') return;
    const tracks = albumTracks(album.album);
    playTracks(tracks, Math.max(0, tracks.findIndex((t) => t.itemId === trackId)));
  }

  async function playItem(itemId: string, opts: { fromStart?: boolean } = {}) {
    const mine = ++latest;
    try {
      const [detail, languages] = await Promise.all([ports.detail({ kind: 'item', id: itemId }), ports.languages().catch(() => null)]);
      if (mine !== latest) return;
      if (detail.kind === 'track') return await playAlbumFrom(itemId, detail.album.id, mine);
      const details = detailsFromLibrary(detail);
      playQueue.clear();
      preloader.discard();
      const video = { itemId, nonce: ++nonce, resumeSec: opts.fromStart ? null : (details?.resumeSec ?? null), details, language: languages?.preferredAudioLanguage ?? null, subtitleLanguage: languages?.preferredSubtitleLanguage ?? null };
      state.set({ video, error: null });
    } catch (error) {
      if (mine === latest) state.set((s) => ({ ...s, error: ports.errorMessage(error) }));
    }
  }

  return {
    get: state.get,
    subscribe: state.subscribe,
    playItem,
    playTracks,
    queueTracks(tracks) {
      // An idle queue starts playing what is added: a video cannot play at the same time.
      if (!currentEntry(playQueue.get())) state.set({ video: null, error: null });
      for (const t of tracks) playQueue.add(t);
    },
    close() {
      latest++;
      playQueue.clear();
      preloader.discard();
      state.set({ video: null, error: null });
    },
    dismissError: () => state.set((s) => ({ ...s, error: null })),
  };
}
