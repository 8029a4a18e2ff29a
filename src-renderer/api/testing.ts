/**
 * An in-memory Glasswing for component tests: the same `Client` the app uses, over a fake transport whose
 * handlers act on plain state. Tests read `calls`, push events with `emit`, and override any handler.
 */
import type { CallInput, CallName, CallOutput, EventName, EventPayload, Reply } from '../../src-main/contract/api';
import type { LibraryChangeScope, LibrarySnapshot, Movie, Episode, Track, Album, Show, SearchHit } from '../../src-main/contract/library';
import { GENRE_FILTERS_MAX } from '../../src-main/contract/library';
import type { PlaybackSource } from '../../src-main/contract/playback';
import type { Settings } from '../../src-main/contract/settings';
import type { Catalog, Category, ConsentState, QueuedEvent, QueueState, TelemetryPart, TelemetryParts, TelemetrySnapshot } from '../../src-main/contract/telemetry';
import { createClient, type Client } from './client';
import { ApiError } from './errors';
import { createFanOut } from './fanout';
import type { Transport } from './transport';

type Handler<M extends CallName> = (input: CallInput<M>) => CallOutput<M> | Promise<CallOutput<M>>;
export type Handlers = { [M in CallName]?: Handler<M> };
/** The default handlers of the calls in one or more namespaces (`'library'`: every `library.*` call). */
type HandlersOf<Namespace extends string> = { [M in CallName as M extends `${Namespace}.${string}` ? M : never]: Handler<M> };
type Emit = (event: EventName, payload: unknown) => void;

export interface FakeState {
  app: CallOutput<'app.info'>;
  settings: Settings;
  library: LibrarySnapshot;
  telemetry: TelemetrySnapshot;
  catalog: Catalog;
  /** Artists `library.detail` answers for (the snapshot has none): each finds its albums by name, and an album its artist's id. */
  artists: FakeArtist[];
  /**
   * What each movie's nfo gives as genres, by movie id (the snapshot's `Movie` has none): `library.detail`
   * answers them, `library.counts` counts them and `library.page` filters by them, case aside, as main does.
   */
  movieGenres: Record<string, string[]>;
}

/** An artist of the fake: its albums are those whose album or track artist bears its name. */
export interface FakeArtist {
  id: string;
  name: string;
}

export interface FakeApi {
  client: Client;
  state: FakeState;
  calls: Array<{ method: CallName; input: unknown }>;
  /** Calls of one method, in order. */
  callsTo<M extends CallName>(method: M): Array<CallInput<M>>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

let idCounter = 0;
/** A syntactically valid item id (22 base64url chars). */
function fakeId(prefix = 'id'): string {
  idCounter++;
  return `${prefix}${String(idCounter)}`.padEnd(22, 'x').slice(0, 22).replace(/[^A-Za-z0-9_-]/g, 'x');
}

const facts = { container: 'mp4', videoCodec: 'h264', audioCodec: 'aac', width: 1920, height: 1080, resumeSec: null, watched: false };

/** No nfo, no artwork: what most test items have. */
const noArt = { plot: null, posterUrl: null, fanartUrl: null };

export function makeMovie(over: Partial<Movie> = {}): Movie {
  return { id: fakeId('mv'), title: 'Night Train', year: 1998, durationSec: 5400, ...facts, ...noArt, subtitleLanguages: [], parts: 1, extras: [], ...over };
}
export function makeEpisode(over: Partial<Episode> = {}): Episode {
  return { id: fakeId('ep'), season: 1, episode: 1, title: null, durationSec: 1500, ...facts, plot: null, subtitleLanguages: [], ...over };
}
export function makeShow(over: Partial<Show> = {}): Show {
  return { id: fakeId('sh'), title: 'Harbour Lights', seasons: [{ season: 1, episodes: [makeEpisode(), makeEpisode({ episode: 2, title: 'The Pier' })] }], ...noArt, extras: [], ...over };
}
export function makeTrack(over: Partial<Track> = {}): Track {
  return { id: fakeId('tr'), title: 'Low Tide', artist: 'The Glass Wings', trackNo: 1, discNo: 1, durationSec: 215, container: 'mp3', videoCodec: null, audioCodec: 'mp3', width: null, height: null, resumeSec: null, watched: false, ...over };
}
export function makeAlbum(over: Partial<Album> = {}): Album {
  return { id: fakeId('al'), title: 'Coastal', artist: 'The Glass Wings', year: 2021, tracks: [makeTrack(), makeTrack({ title: 'Undertow', trackNo: 2 })], coverUrl: null, ...over };
}

export function makeArtist(name = 'The Glass Wings'): FakeArtist {
  return { id: fakeId('ar'), name };
}

export function makeLibrary(over: Partial<LibrarySnapshot> = {}): LibrarySnapshot {
  return {
    folders: [{ id: fakeId('fo'), name: 'Demo', place: '…/home/you', kind: 'mixed', itemCount: 7, online: true }],
    movies: [makeMovie(), makeMovie({ title: 'Paper Moon Harbour', year: null, durationSec: 3725 })],
    shows: [makeShow()],
    albums: [makeAlbum()],
    unparseableCount: 0,
    continueWatching: [],
    recovery: null,
    ...over,
  };
}

/** Folds case and accents the way the index does, so "beyonce" finds "Beyoncé". */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A stand-in for the index's search: every query word is a prefix of some word of the title. */
function fakeSearch(lib: LibrarySnapshot, query: string): SearchHit[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const matches = (title: string | null): boolean => {
    if (!title || words.length === 0) return false;
    const have = fold(title).split(/[^\p{L}\p{N}]+/u);
    return words.every((w) => have.some((h) => h.startsWith(w)));
  };
  const hit = (id: string, kind: SearchHit['kind'], title: string, playableId: string | null): SearchHit => ({ id, kind, title, subtitle: null, playableId });
  const hits: SearchHit[] = [];
  for (const m of lib.movies) if (matches(m.title)) hits.push(hit(m.id, 'movie', m.title, m.id));
  for (const show of lib.shows) {
    if (matches(show.title)) hits.push(hit(show.id, 'show', show.title, null));
    for (const season of show.seasons) for (const e of season.episodes) if (matches(e.title)) hits.push(hit(e.id, 'episode', e.title!, e.id));
  }
  const artists = new Set<string>();
  for (const album of lib.albums) {
    if (matches(album.title)) hits.push(hit(album.id, 'album', album.title, null));
    for (const t of album.tracks) {
      if (matches(t.title)) hits.push(hit(t.id, 'track', t.title, t.id));
      if (t.artist && !artists.has(t.artist) && matches(t.artist)) {
        artists.add(t.artist);
        hits.push(hit(fakeId('ar'), 'artist', t.artist, null));
      }
    }
  }
  return hits;
}

export function makeEvent(over: Partial<QueuedEvent> = {}): QueuedEvent {
  idCounter++;
  const id = `${String(idCounter).padStart(8, '0')}-0000-4000-8000-000000000000`;
  return {
    id,
    name: 'playback.started',
    category: 'performance',
    purpose: 'Tells us how often playback starts without transcoding.',
    fields: [
      { name: 'duration', value: '60-90', label: '60–90 min' },
      { name: 'decision', value: 'direct', label: 'Direct play' },
    ],
    hour: '2025-03-01T14:00:00.000Z',
    precision: 'hour',
    linkability: 'tied to nothing but its batch',
    status: 'in-review',
    reviewUntil: '2025-03-01T14:10:00.000Z',
    ...over,
  };
}

function makeCatalog(): Catalog {
  return {
    version: 2,
    events: [
      {
        name: 'playback.started',
        category: 'performance',
        purpose: 'Tells us how often playback starts without transcoding.',
        uniqueness: 24,
        fields: [
          { name: 'duration', type: 'bucket', description: 'Length of the item, bucketed.', values: ['under 30 min', '30–60 min', '60–90 min', 'over 90 min'], generalizer: 'duration-buckets' },
          { name: 'decision', type: 'enum', description: 'How it was played.', values: ['Direct play', 'Remux', 'Transcode'], generalizer: null },
        ],
      },
      { name: 'app.opened', category: 'usage', purpose: 'Counts app launches.', uniqueness: 1, fields: [] },
      {
        name: 'playback.failed',
        category: 'diagnostics',
        purpose: 'Tells us which kinds of playback failure happen.',
        uniqueness: 5,
        fields: [{ name: 'error', type: 'enum', description: 'The kind of failure.', values: ['decode', 'network', 'unsupported', 'aborted', 'unknown'], generalizer: null }],
      },
    ],
    changelog: [
      { version: 2, changes: ['Added playback.failed (diagnostics).'] },
      { version: 1, changes: ['First catalog.'] },
    ],
  };
}

/** A queue holding `events`, with counts that match. */
export function makeQueue(events: QueuedEvent[] = [], over: Partial<QueueState> = {}): QueueState {
  return { events, total: events.length, dropped: 0, invalid: 0, held: false, reviewWindowMs: 600_000, limits: { maxEvents: 10_000, maxBytes: 8_000_000 }, ...over };
}

export function makeTelemetry(over: Partial<TelemetrySnapshot> = {}): TelemetrySnapshot {
  return {
    consent: { seen: true, master: true, categories: { performance: true, usage: false, diagnostics: false }, source: 'user', lockedReason: null, pendingCategories: [] },
    preview: [],
    queue: makeQueue(),
    nextBatch: null,
    endpoint: null,
    ledger: [],
    network: { purposes: [{ purpose: 'telemetry-upload', description: 'Sends telemetry batches you allowed.', allowed: false, enabled: false, destination: null }], requests: [] },
    ...over,
  };
}

/** A fake whose defaults behave like a small, consistent Glasswing. */
export function createFakeApi(init: Partial<FakeState> = {}, handlers: Handlers = {}): FakeApi {
  const state: FakeState = { app: { version: '0.1.0', host: 'web', canPickFolders: false }, settings: defaultFakeSettings(), library: makeLibrary(), telemetry: makeTelemetry(), catalog: makeCatalog(), artists: [], movieGenres: {}, ...init };
  const calls: FakeApi['calls'] = [];
  const events = createFanOut();
  const defaults: { [M in CallName]: Handler<M> } = {
    ...appHandlers(state),
    ...libraryHandlers(state, events.emit),
    ...playbackHandlers(state),
    ...privacyHandlers(state, events.emit),
    ...settingsHandlers(state, events.emit),
  };
  const transport: Transport = {
    async invoke(method, input) {
      calls.push({ method: method as CallName, input });
      const handler = (handlers[method as CallName] ?? defaults[method as CallName]) as (i: unknown) => unknown;
      return replyFrom(() => handler(input));
    },
    on: events.on,
  };
  return {
    client: createClient(transport),
    state,
    calls,
    callsTo: <M extends CallName>(method: M) => calls.filter((c) => c.method === method).map((c) => c.input as CallInput<M>),
    emit: (event, payload) => events.emit(event, payload),
  };
}

/** A handler's outcome as main would send it: its value, or its error (an ApiError's code, else `internal`). */
async function replyFrom(handle: () => unknown): Promise<Reply> {
  try {
    return { ok: true, value: await handle() };
  } catch (error) {
    if (error instanceof ApiError && error.code !== 'unavailable') return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : 'failed' } };
  }
}

function appHandlers(state: FakeState): HandlersOf<'app' | 'stats'> {
  return {
    'app.info': () => state.app,
    'app.noteFeature': () => ({}),
    'stats.get': () => ({ weeks: [], modes: { direct: 0, remux: 0, transcode: 0 }, growth: [] }),
  };
}

function libraryHandlers(state: FakeState, emit: Emit): HandlersOf<'library'> {
  return {
    'library.addFolder': ({ path, kind }) => {
      const segments = path.split('/').filter(Boolean);
      const name = segments.pop() ?? path;
      const folder = { id: fakeId('fo'), name, place: segments.length > 0 ? `…/${segments.slice(-2).join('/')}` : '', kind, itemCount: 0, online: true };
      state.library = { ...state.library, folders: [...state.library.folders, folder] };
      emit('onDidChangeLibrary', everythingChanged());
      return folder;
    },
    'library.pickFolder': () => null,
    'library.removeFolder': ({ folderId }) => {
      state.library = { ...state.library, folders: state.library.folders.filter((f) => f.id !== folderId) };
      emit('onDidChangeLibrary', everythingChanged());
      return { removedItems: 0 };
    },
    'library.scan': () => ({ added: 0, updated: 0, removed: 0, unchanged: 0, failed: [], failedCount: 0, durationMs: 5 }),
    'library.cancelScan': () => ({}),
    'library.search': ({ query, limit }) => ({ hits: fakeSearch(state.library, query).slice(0, limit) }),
    ...libraryPageHandlers(state),
    ...libraryScreenHandlers(state, emit),
  };
}

let fakeVersion = 0;
/** The change event a scan or a folder change sends: every list may have changed. */
export function everythingChanged(): EventPayload<'onDidChangeLibrary'> {
  return { scopes: ['folders', 'movies', 'shows', 'albums', 'artists', 'home'], items: [], version: ++fakeVersion };
}

export function defaultFakeSettings(): Settings {
  return { telemetryReviewHours: 24, theme: 'system', preferredAudioLanguage: null, preferredSubtitleLanguage: null, transcodeQuality: 'original', autoplayNextEpisode: true };
}

function settingsHandlers(state: FakeState, emit: Emit): HandlersOf<'settings'> {
  return {
    'settings.get': () => state.settings,
    'settings.update': (patch) => {
      state.settings = { ...state.settings, ...patch } as Settings;
      emit('onDidChangeSettings', state.settings);
      return state.settings;
    },
  };
}

/** Every episode of the fake with its show, in show, season and episode order. */
function allEpisodes(lib: LibrarySnapshot): Array<{ episode: Episode; show: Show }> {
  return lib.shows.flatMap((show) => show.seasons.flatMap((season) => season.episodes.map((episode) => ({ episode, show }))));
}

/** The lists a watched mark moves, as main names them: a show's unwatched count, the movie filters, Home. */
function watchedScopes(lib: LibrarySnapshot, kind: 'item' | 'show', id: string): LibraryChangeScope[] {
  if (kind === 'show' || allEpisodes(lib).some((e) => e.episode.id === id)) return ['shows', 'home'];
  return lib.movies.some((m) => m.id === id) ? ['movies', 'home'] : [];
}

/** Home, status, unparseable files and watched marks over the fake's snapshot. */
function libraryScreenHandlers(state: FakeState, emit: Emit): Pick<HandlersOf<'library'>, 'library.status' | 'library.home' | 'library.unparseable' | 'library.setWatched'> {
  const summary = (m: Movie) => {
    const { extras: _extras, ...rest } = m;
    return { ...rest, thumbUrl: null };
  };
  const showRef = (s: Show) => ({ id: s.id, title: s.title, thumbUrl: null });
  return {
    'library.status': () => ({ folders: state.library.folders, unparseableCount: state.library.unparseableCount, recovery: state.library.recovery }),
    'library.home': () => {
      const lib = state.library;
      const episodes = allEpisodes(lib);
      const byId = (id: string) => {
        const movie = lib.movies.find((m) => m.id === id);
        if (movie) return { kind: 'movie' as const, movie: summary(movie) };
        const ep = episodes.find((e) => e.episode.id === id);
        return ep ? { kind: 'episode' as const, episode: ep.episode, show: showRef(ep.show) } : null;
      };
      return {
        continueWatching: lib.continueWatching.map(byId).filter((e) => e !== null),
        upNext: [],
        recentlyAdded: {
          movies: lib.movies.slice(0, 24).map((m) => ({ kind: 'movie' as const, movie: summary(m) })),
          episodes: episodes.slice(0, 24).map((e) => ({ kind: 'episode' as const, episode: e.episode, show: showRef(e.show) })),
          albums: lib.albums.slice(0, 24).map(({ tracks, ...a }) => ({ ...a, thumbUrl: null, trackCount: tracks.length })),
        },
      };
    },
    'library.unparseable': () => ({ files: [], next: null }),
    'library.setWatched': ({ kind, id, watched }) => {
      const lib = state.library;
      const ids = kind === 'show' ? allEpisodes(lib).filter((e) => e.show.id === id).map((e) => e.episode.id) : [id];
      const mark = <T extends { id: string; watched: boolean; resumeSec: number | null }>(item: T): T => (ids.includes(item.id) ? { ...item, watched, resumeSec: null } : item);
      state.library = {
        ...lib,
        movies: lib.movies.map(mark),
        shows: lib.shows.map((s) => ({ ...s, seasons: s.seasons.map((season) => ({ ...season, episodes: season.episodes.map(mark) })) })),
        continueWatching: lib.continueWatching.filter((c) => !ids.includes(c)),
      };
      emit('onDidChangeLibrary', { scopes: watchedScopes(lib, kind, id), items: ids, version: ++fakeVersion });
      return { changed: ids.length };
    },
  };
}

/** The albums' artists, in order of first appearance, with ids derived from their names (stable across calls). */
function fakeArtists(lib: LibrarySnapshot): Array<{ id: string; name: string; albumCount: number; trackCount: number }> {
  const byName = new Map<string, { albumCount: number; trackCount: number }>();
  for (const album of lib.albums) {
    const name = album.artist ?? 'Unknown artist';
    const seen = byName.get(name) ?? { albumCount: 0, trackCount: 0 };
    byName.set(name, { albumCount: seen.albumCount + 1, trackCount: seen.trackCount + album.tracks.length });
  }
  const idOf = (name: string) => `ar${(Math.abs([...name].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261)) >>> 0).toString(36)}`.padEnd(22, 'x');
  return [...byName].map(([name, counts]) => ({ id: idOf(name), name, ...counts }));
}

/** Case aside as the index compares genres (SQLite's NOCASE: ASCII only). */
const foldAscii = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The fake's movies of `genre` (all of them without one). */
function moviesOfGenre(state: FakeState, genre: string | undefined): Movie[] {
  if (genre === undefined) return state.library.movies;
  return state.library.movies.filter((m) => (state.movieGenres[m.id] ?? []).some((g) => foldAscii(g) === foldAscii(genre)));
}

/** What `library.counts` says of genres: the most common ones with their movies (first spelling kept), by name. */
function genreCounts(state: FakeState): Array<{ genre: string; count: number }> {
  const counts = new Map<string, { genre: string; count: number }>();
  for (const movie of state.library.movies) {
    for (const genre of state.movieGenres[movie.id] ?? []) {
      const seen = counts.get(foldAscii(genre));
      counts.set(foldAscii(genre), { genre: seen?.genre ?? genre, count: (seen?.count ?? 0) + 1 });
    }
  }
  const common = [...counts.values()].sort((a, b) => b.count - a.count).slice(0, GENRE_FILTERS_MAX);
  return common.sort((a, b) => (foldAscii(a.genre) < foldAscii(b.genre) ? -1 : 1));
}

/**
 * The paged calls over the fake's snapshot, in its order (reversed for `desc`): the cursor is the next offset
 * (main's is a keyset), `at` starts at an offset, and `prev` is the offset of the item before the page in the
 * reversed order (so it serves the opposite direction, as main's does); sorts and filters but genre are ignored, and
 * artists come from the albums.
 */
function libraryPageHandlers(state: FakeState): Pick<HandlersOf<'library'>, 'library.page' | 'library.counts' | 'library.detail'> {
  const pageOf = <T>(all: T[], { limit = 50, after = null, at, direction = 'asc' }: { limit?: number; after?: string | null; at?: number; direction?: 'asc' | 'desc' }) => {
    if (direction === 'desc') all = [...all].reverse();
    const from = at ?? (after === null ? 0 : Number(after.slice(1)));
    const items = all.slice(from, from + limit);
    return { items, next: from + limit < all.length ? `o${from + limit}` : null, prev: from > 0 && items.length > 0 ? `o${all.length - from}` : null };
  };
  const strip = <T extends object, K extends keyof T>(item: T, key: K): Omit<T, K> => {
    const { [key]: _dropped, ...rest } = item;
    return rest;
  };
  return {
    'library.page': (input) => {
      const lib = state.library;
      if (input.section === 'movies') {
        const movies = moviesOfGenre(state, input.filters?.genre).map((m) => ({ ...strip(m, 'extras'), thumbUrl: null }));
        return { section: 'movies', ...pageOf(movies, input) };
      }
      if (input.section === 'shows') {
        const shows = lib.shows.map(({ seasons, extras: _extras, ...show }) => {
          const episodes = seasons.flatMap((season) => season.episodes);
          return { ...show, thumbUrl: null, seasonCount: seasons.length, episodeCount: episodes.length, unwatchedCount: episodes.filter((e) => !e.watched).length };
        });
        return { section: 'shows', ...pageOf(shows, input) };
      }
      if (input.section === 'albums') return { section: 'albums', ...pageOf(lib.albums.map((a) => ({ ...strip(a, 'tracks'), thumbUrl: null, trackCount: a.tracks.length })), input) };
      return { section: 'artists', ...pageOf(fakeArtists(lib), input) };
    },
    'library.counts': () => {
      const lib = state.library;
      const episodes = lib.shows.reduce((n, s) => n + s.seasons.reduce((m, season) => m + season.episodes.length, 0), 0);
      return {
        movies: lib.movies.length,
        shows: lib.shows.length,
        episodes,
        albums: lib.albums.length,
        tracks: lib.albums.reduce((n, a) => n + a.tracks.length, 0),
        artists: fakeArtists(lib).length,
        movieFilters: { unwatched: lib.movies.filter((m) => !m.watched).length, resolution: { sd: 0, hd: 0, fhd: 0, uhd: 0 }, decades: [], genres: genreCounts(state) },
      };
    },
    'library.detail': ({ kind, id }) => {
      const lib = state.library;
      const file = { mime: 'video/mp4', size: 1_000_000, parts: [] };
      const movie = kind === 'item' ? lib.movies.find((m) => m.id === id) : undefined;
      if (movie) return { kind: 'movie', movie: { ...movie, genres: state.movieGenres[movie.id] ?? [] }, file };
      const episodes = allEpisodes(lib);
      const at = kind === 'item' ? episodes.findIndex((e) => e.episode.id === id) : -1;
      if (at >= 0) {
        const { episode, show } = episodes[at]!;
        const after = episodes[at + 1]?.show.id === show.id ? episodes[at + 1]!.episode : null;
        const next = after ? { id: after.id, season: after.season, episode: after.episode, title: after.title } : null;
        return { kind: 'episode', episode, show: { id: show.id, title: show.title, posterUrl: show.posterUrl, fanartUrl: show.fanartUrl, thumbUrl: null }, file, next };
      }
      for (const album of kind === 'item' ? lib.albums : []) {
        const track = album.tracks.find((t) => t.id === id);
        if (track) return { kind: 'track', track, album: { id: album.id, title: album.title, artist: album.artist, coverUrl: album.coverUrl, thumbUrl: null }, file: { ...file, mime: 'audio/mpeg' } };
      }
      const show = kind === 'show' ? lib.shows.find((s) => s.id === id) : undefined;
      if (show) return { kind: 'show', show };
      const album = kind === 'album' ? lib.albums.find((a) => a.id === id) : undefined;
      if (album) {
        const discs = [...new Set(album.tracks.map((t) => t.discNo))].map((disc) => ({ disc, tracks: album.tracks.filter((t) => t.discNo === disc) }));
        // As main: the album artist's page, where the fake has one by that name.
        const artistId = state.artists.find((a) => a.name === album.artist)?.id ?? null;
        return { kind: 'album', album: { ...strip(album, 'tracks'), thumbUrl: null, trackCount: album.tracks.length, artistId, discs } };
      }
      const artist = kind === 'artist' ? state.artists.find((a) => a.id === id) : undefined;
      if (artist) return artistDetail(lib, artist);
      throw new ApiError('not-found', 'That is not in the library any more.');
    },
  };
}

/** An artist's page over the fake's albums, in the snapshot's order. */
function artistDetail(lib: LibrarySnapshot, artist: FakeArtist): CallOutput<'library.detail'> {
  const theirs = lib.albums.filter((a) => a.artist === artist.name || a.tracks.some((t) => t.artist === artist.name));
  const trackCount = theirs.reduce((n, a) => n + a.tracks.filter((t) => (t.artist ?? a.artist) === artist.name).length, 0);
  const albums = theirs.map(({ tracks, ...a }) => ({ ...a, thumbUrl: null, trackCount: tracks.length }));
  return { kind: 'artist', artist: { ...artist, albumCount: albums.length, trackCount }, albums };
}

function playbackHandlers(state: FakeState): HandlersOf<'playback'> {
  return {
    'playback.open': ({ itemId }): PlaybackSource => ({
      sessionId: '3f0c2a8e-7d4b-4f6a-9e21-5b8c1d2e3f40',
      itemId,
      kind: state.library.albums.some((a) => a.tracks.some((t) => t.id === itemId)) ? 'track' : 'movie',
      title: 'Night Train',
      url: `/media/${itemId}`,
      mime: 'video/mp4',
      decision: 'direct',
      reason: 'H.264 and AAC in MP4 play natively.',
      video: 'copy',
      audio: 'copy',
      durationSec: 5400,
      startSec: 0,
      subtitles: [],
      audioTracks: [],
      chapters: [],
    }),
    'playback.status': ({ sessionId }) => ({ sessionId, state: 'direct', speed: null, message: null }),
    'playback.stop': () => ({}),
    'playback.reportStarted': () => ({}),
    'playback.reportProgress': () => ({}),
    'playback.reportFailed': () => ({}),
  };
}

/** Every part of the privacy screen, in the order main names them. */
const TELEMETRY_PARTS: readonly TelemetryPart[] = ['consent', 'preview', 'queue', 'nextBatch', 'ledger', 'network'];

/** The parts of the fake's snapshot asked for, as main answers `privacy.snapshot` (every part when none are named). */
function telemetryParts(telemetry: TelemetrySnapshot, parts: readonly TelemetryPart[] = TELEMETRY_PARTS): TelemetryParts {
  const out: TelemetryParts = { endpoint: telemetry.endpoint };
  for (const part of parts) Object.assign(out, { [part]: telemetry[part] });
  if (parts.includes('queue')) out.nextBatchIds = telemetry.nextBatch?.eventIds ?? [];
  return out;
}

/**
 * Every privacy call changes the snapshot, then says so with `onDidChangeTelemetry` as main does: naming
 * the parts it changed, with a version that grows with each push.
 */
function privacyHandlers(state: FakeState, emit: Emit): HandlersOf<'privacy'> {
  let version = 0;
  function changed<T>(result: T, parts: TelemetryPart[]): T {
    emit('onDidChangeTelemetry', { parts, version: ++version });
    return result;
  }
  const CONSENT: TelemetryPart[] = ['consent', 'queue', 'nextBatch', 'network'];
  const QUEUE: TelemetryPart[] = ['queue', 'nextBatch'];
  return {
    'privacy.snapshot': ({ parts }) => telemetryParts(state.telemetry, parts),
    'privacy.catalog': () => state.catalog,
    'privacy.markSeen': () => {
      patchConsent(state, { seen: true });
      return changed({}, ['consent']);
    },
    'privacy.setMaster': ({ on }) => changed(flipConsent(state, { master: on }, on, () => true), CONSENT),
    'privacy.setCategory': ({ category, on }) => {
      const categories = { ...state.telemetry.consent.categories, [category]: on } as Record<Category, boolean>;
      return changed(flipConsent(state, { categories }, on, (e) => e.category === category), CONSENT);
    },
    'privacy.deleteEvents': ({ ids }) => {
      const set = new Set(ids);
      return changed({ deleted: purgeEvents(state, (e) => set.has(e.id)) }, QUEUE);
    },
    'privacy.setHold': ({ on }) => {
      state.telemetry = { ...state.telemetry, queue: { ...state.telemetry.queue, held: on } };
      return changed({}, QUEUE);
    },
    'privacy.setNetworkPurpose': ({ purpose, allowed }) => {
      const purposes = state.telemetry.network.purposes.map((p) => (p.purpose === purpose ? { ...p, allowed, enabled: p.enabled && allowed } : p));
      state.telemetry = { ...state.telemetry, network: { ...state.telemetry.network, purposes } };
      return changed({}, ['network']);
    },
    'privacy.sendNow': () => ({ sent: false, eventCount: 0, status: null, message: 'No endpoint configured: nothing was sent.' }),
    'privacy.verifyLedger': () => ({ ok: true, entries: state.telemetry.ledger.length, brokenAt: null, message: 'ok' }),
    'privacy.exportLedger': () => ({ json: JSON.stringify(state.telemetry.ledger) }),
  };
}

/** A consent switch, as main flips it: refused while consent is locked; off purges the events it covers. */
function flipConsent(state: FakeState, patch: Partial<ConsentState>, on: boolean, covers: (e: QueuedEvent) => boolean): { purged: number } {
  if (state.telemetry.consent.source !== 'user') throw new ApiError('forbidden', 'Telemetry is locked off.');
  patchConsent(state, patch);
  return { purged: on ? 0 : purgeEvents(state, covers) };
}

function patchConsent(state: FakeState, patch: Partial<ConsentState>): void {
  state.telemetry = { ...state.telemetry, consent: { ...state.telemetry.consent, ...patch } };
}

/** Deletes the queued events `pred` picks; returns how many went. */
function purgeEvents(state: FakeState, pred: (e: QueuedEvent) => boolean): number {
  const before = state.telemetry.queue.events.length;
  const events = state.telemetry.queue.events.filter((e) => !pred(e));
  state.telemetry = { ...state.telemetry, queue: { ...state.telemetry.queue, events, total: events.length } };
  return before - events.length;
}
