import { describe, expect, it, vi } from 'vitest';
import type { DetailRequest, LibraryDetail } from '../../../api';
import { createFakeApi, makeAlbum, makeEpisode, makeLibrary, makeMovie, makeShow, makeTrack } from '../../../api/testing';
import { createNowPlaying, type NowPlayingPorts } from './nowPlaying';
import { createPlayQueue, currentEntry } from './playQueue';
import { createPreloader } from './preloader';

const THUMB = `/thumb/${'b'.repeat(64)}`;

function setup(over: Partial<NowPlayingPorts> = {}) {
  const movie = makeMovie({ resumeSec: 754 });
  const show = makeShow({ seasons: [{ season: 1, episodes: [makeEpisode({ episode: 1, title: 'Arrival' }), makeEpisode({ episode: 2, title: 'The Pier' })] }] });
  const album = makeAlbum({ tracks: [makeTrack({ title: 'First Light' }), makeTrack({ title: 'Undertow', trackNo: 2 }), makeTrack({ title: 'Lantern', trackNo: 3 })] });
  const fake = createFakeApi({ library: makeLibrary({ movies: [movie], shows: [show], albums: [album] }) });
  const detail = vi.fn(async (input: DetailRequest): Promise<LibraryDetail> => {
    const d = await fake.client['library.detail'](input);
    return d.kind === 'album' ? { ...d, album: { ...d.album, thumbUrl: THUMB } } : d;
  });
  const ports: NowPlayingPorts = { detail, languages: async () => ({ preferredAudioLanguage: 'fr', preferredSubtitleLanguage: 'en' }), errorMessage: (e) => (e instanceof Error ? e.message : 'failed'), ...over };
  const playQueue = createPlayQueue(() => 0);
  const preloader = createPreloader({ open: vi.fn(), stop: vi.fn() });
  return { nowPlaying: createNowPlaying(ports, playQueue, preloader), playQueue, detail, movie, show, album };
}

describe('createNowPlaying', () => {
  it('plays a movie over the window from where it was left, with the preferred languages, reading only its detail', async () => {
    const { nowPlaying, movie, detail } = setup();
    await nowPlaying.playItem(movie.id);
    expect(nowPlaying.get().video).toMatchObject({ itemId: movie.id, resumeSec: 754, language: 'fr', subtitleLanguage: 'en', details: { kind: 'movie', title: 'Night Train', context: '1998' } });
    expect(detail.mock.calls.map(([input]) => input)).toEqual([{ kind: 'item', id: movie.id }]);
    await nowPlaying.playItem(movie.id, { fromStart: true });
    expect(nowPlaying.get().video).toMatchObject({ resumeSec: null, nonce: 2 });
  });

  it('knows an episode’s show, place and next episode', async () => {
    const { nowPlaying, show } = setup();
    const [first, second] = show.seasons[0]!.episodes;
    await nowPlaying.playItem(first!.id);
    expect(nowPlaying.get().video?.details).toMatchObject({ kind: 'episode', title: 'Arrival', context: 'Harbour Lights · S1 · E1', next: { id: second!.id, label: 'S1 · E2 The Pier' } });
    await nowPlaying.playItem(second!.id);
    expect(nowPlaying.get().video?.details?.next).toBeNull();
  });

  it('plays a track’s album from that track, with the tracks before it kept for Previous and the cover for the bar', async () => {
    const { nowPlaying, playQueue, album } = setup();
    await nowPlaying.playItem(album.tracks[1]!.id);
    const state = playQueue.get();
    expect(state.entries.map((e) => e.title)).toEqual(['First Light', 'Undertow', 'Lantern']);
    expect(currentEntry(state)).toMatchObject({ title: 'Undertow', album: 'Coastal', artist: 'The Glass Wings', thumbUrl: THUMB });
    expect(nowPlaying.get().video).toBeNull();
  });

  it('lets the latest choice win when an earlier answer comes late', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { nowPlaying, movie, album, detail } = setup();
    const slow = detail.getMockImplementation()!;
    detail.mockImplementationOnce(async (input) => {
      await gate;
      return slow(input);
    });
    const first = nowPlaying.playItem(movie.id);
    await nowPlaying.playItem(album.tracks[0]!.id);
    release();
    await first;
    expect(nowPlaying.get().video).toBeNull();
  });

  it('says why an item cannot be played, and leaves the music playing', async () => {
    const { nowPlaying, playQueue, album } = setup();
    await nowPlaying.playItem(album.tracks[0]!.id);
    await nowPlaying.playItem('gone1xxxxxxxxxxxxxxxxx');
    expect(nowPlaying.get().error).toBe('That is not in the library any more.');
    expect(currentEntry(playQueue.get())?.title).toBe('First Light');
    nowPlaying.dismissError();
    expect(nowPlaying.get().error).toBeNull();
  });

  it('never plays a video and music at once', async () => {
    const { nowPlaying, playQueue, movie, album } = setup();
    await nowPlaying.playItem(album.tracks[0]!.id);
    await nowPlaying.playItem(movie.id);
    expect(playQueue.get().entries).toHaveLength(0);
    nowPlaying.queueTracks([{ itemId: album.tracks[2]!.id, title: 'Lantern', artist: null, album: 'Coastal', durationSec: 1 }]);
    expect(nowPlaying.get().video).toBeNull();
    expect(currentEntry(playQueue.get())?.title).toBe('Lantern');
    nowPlaying.close();
    expect(playQueue.get().entries).toHaveLength(0);
  });
});
