import type { Album, Episode, Folder, LibrarySnapshot, Movie, Season, Show, Track } from '../../contract/index.js';
import { folderDisplayName, folderPlaces } from '../folder-paths.js';
import { prepared, type ReadableDB } from './db.js';
import { countItemsByFolder, listFolderRows } from './folder-rows.js';
import { mediaFactsOf } from './item-rows.js';
import type { ItemRow, MediaFactsColumns } from './item-rows.js';
import { placeExtrasAndParts } from './snapshot-placement.js';
import { continueWatching } from './user-state.js';

/** Every item's columns, then those of episodes and tracks only. */
export type SnapshotRow = MediaFactsColumns &
  Pick<ItemRow, 'id' | 'kind' | 'title' | 'year' | 'plot' | 'poster_art' | 'fanart_art' | 'resume_sec' | 'watched'> &
  Pick<ItemRow, 'show_id' | 'season' | 'episode' | 'episode_title' | 'album_id' | 'artist' | 'track_no' | 'disc_no'>;

/** A picture's URL from its artwork id; no picture stays null. */
export type ArtLink = (artId: string | null) => string | null;

/**
 * How the host addresses a picture: full size (`art`, for an item's page) and grid-sized (`thumb`, for
 * every grid, shelf and list tile). Every DTO that carries a `thumbUrl` fills it with `thumb`, so grids
 * never name a full-size picture.
 */
export interface PictureLinks {
  art: ArtLink;
  thumb: ArtLink;
}

/** An album's tracks as they are gathered. */
interface AlbumTracks {
  tracks: Track[];
  years: number[];
  cover: string | null;
}

/** The items of the index, each kind gathered the way the snapshot lists it. */
interface GatheredItems {
  movies: Movie[];
  /** Show id → season → its episodes. */
  episodesByShow: Map<string, Map<number, Episode[]>>;
  tracksByAlbum: Map<string, AlbumTracks>;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const byNumber = (a: number | null, b: number | null): number => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER);

function facts(r: SnapshotRow) {
  return { ...mediaFactsOf(r), resumeSec: r.resume_sec, watched: r.watched === 1 };
}

/** Every library folder with its item count and its place, as the renderer sees them: never a path. */
export function listFolders(db: ReadableDB): Folder[] {
  const counts = countItemsByFolder(db);
  const rows = listFolderRows(db);
  const places = folderPlaces(rows.map((row) => row.path));
  return rows.map((row, i) => ({ id: row.id, name: folderDisplayName(row.path), place: places[i] ?? '', kind: row.kind, itemCount: counts.get(row.id) ?? 0, online: row.online }));
}

/** Builds the whole library view from the index, sorted the way a person reads it; pictures as `artUrl(id)`. */
export function buildSnapshot(db: ReadableDB, artUrl: (artId: string) => string): LibrarySnapshot {
  const art: ArtLink = (id) => (id === null ? null : artUrl(id));
  const items = gatherItems(db, art);
  const { n } = db.prepare('SELECT count(*) AS n FROM unparseable').get() as { n: number };
  const snapshot = {
    folders: listFolders(db),
    movies: items.movies.sort((a, b) => collator.compare(a.title, b.title) || byNumber(a.year, b.year)),
    shows: listShows(db, items.episodesByShow, art),
    albums: listAlbums(db, items.tracksByAlbum, art),
    unparseableCount: n,
    continueWatching: continueWatching(db),
    recovery: null,
  };
  return placeExtrasAndParts(db, snapshot);
}

/** The columns of `SnapshotRow`, for queries that build the same DTOs (pages, details). */
export const SNAPSHOT_COLUMNS = `id, kind, title, year, show_id, season, episode, episode_title, album_id, artist, track_no, disc_no,
  duration_sec, container, video_codec, audio_codec, width, height, resume_sec, watched, plot, poster_art, fanart_art`;

/** Reads every item once and files it under its kind: movies in a list, episodes by show and season, tracks by album. */
function gatherItems(db: ReadableDB, art: ArtLink): GatheredItems {
  const subtitleLanguages = loadSubtitleLanguages(db);
  const rows = db
    .prepare(`SELECT ${SNAPSHOT_COLUMNS} FROM items`)
    .all() as SnapshotRow[];
  const items: GatheredItems = { movies: [], episodesByShow: new Map(), tracksByAlbum: new Map() };
  for (const r of rows) {
    const languages = subtitleLanguages.get(r.id) ?? [];
    if (r.kind === 'movie') items.movies.push(toMovie(r, art, languages));
    else if (r.kind === 'episode' && r.show_id) addEpisode(items.episodesByShow, r.show_id, r, languages);
    // Every track gets an album when indexed; see upsertItem.
    else if (r.kind === 'track' && r.album_id) addTrack(items.tracksByAlbum, r.album_id, r);
  }
  return items;
}

export function toMovie(r: SnapshotRow, art: ArtLink, subtitleLanguages: string[]): Movie {
  return {
    id: r.id,
    title: r.title,
    year: r.year,
    ...facts(r),
    plot: r.plot,
    posterUrl: art(r.poster_art),
    fanartUrl: art(r.fanart_art),
    subtitleLanguages,
    parts: 1, // joined parts and extras: see snapshot-placement.ts
    extras: [],
  };
}

function addEpisode(episodesByShow: GatheredItems['episodesByShow'], showId: string, r: SnapshotRow, subtitleLanguages: string[]): void {
  const seasons = episodesByShow.get(showId) ?? new Map<number, Episode[]>();
  episodesByShow.set(showId, seasons);
  const season = r.season ?? 0;
  const list = seasons.get(season) ?? [];
  seasons.set(season, list);
  list.push(toEpisode(r, subtitleLanguages));
}

export function toEpisode(r: SnapshotRow, subtitleLanguages: string[]): Episode {
  return { id: r.id, season: r.season ?? 0, episode: r.episode ?? 0, title: r.episode_title, ...facts(r), plot: r.plot, subtitleLanguages };
}

export function toTrack(r: SnapshotRow): Track {
  return { id: r.id, title: r.title, artist: r.artist, trackNo: r.track_no, discNo: r.disc_no, ...facts(r) };
}

function addTrack(tracksByAlbum: GatheredItems['tracksByAlbum'], albumId: string, r: SnapshotRow): void {
  const group = tracksByAlbum.get(albumId) ?? { tracks: [], years: [], cover: null };
  tracksByAlbum.set(albumId, group);
  group.tracks.push(toTrack(r));
  if (r.year !== null) group.years.push(r.year);
  group.cover ??= r.poster_art;
}

/** Shows that have episodes, by title, their seasons and episodes in order. */
function listShows(db: ReadableDB, episodesByShow: GatheredItems['episodesByShow'], art: ArtLink): Show[] {
  const showRows = db.prepare('SELECT id, title, plot, poster_art, fanart_art FROM shows').all() as {
    id: string;
    title: string;
    plot: string | null;
    poster_art: string | null;
    fanart_art: string | null;
  }[];
  return showRows
    .filter((s) => episodesByShow.has(s.id))
    .map((s) => ({
      id: s.id,
      title: s.title,
      seasons: orderSeasons(episodesByShow.get(s.id)!),
      plot: s.plot,
      posterUrl: art(s.poster_art),
      fanartUrl: art(s.fanart_art),
      extras: [],
    }))
    .sort((a, b) => collator.compare(a.title, b.title));
}

/** Albums that have tracks, by artist and title, their tracks by disc and number. */
function listAlbums(db: ReadableDB, tracksByAlbum: GatheredItems['tracksByAlbum'], art: ArtLink): Album[] {
  const albumRows = db.prepare('SELECT id, title, artist FROM albums').all() as { id: string; title: string; artist: string | null }[];
  return albumRows
    .filter((a) => tracksByAlbum.has(a.id))
    .map((a) => {
      const group = tracksByAlbum.get(a.id)!;
      const tracks = orderTracks(group.tracks);
      const year = group.years.length > 0 ? Math.min(...group.years) : null;
      return { id: a.id, title: a.title, artist: a.artist, year, tracks, coverUrl: art(group.cover) };
    })
    .sort((a, b) => collator.compare(a.artist ?? '', b.artist ?? '') || collator.compare(a.title, b.title));
}

/** A show's seasons in order, each with its episodes in order. */
export function orderSeasons(seasons: Map<number, Episode[]>): Season[] {
  return [...seasons.entries()].sort(([a], [b]) => a - b).map(([season, episodes]) => ({ season, episodes: episodes.sort((a, b) => a.episode - b.episode) }));
}

/** An album's tracks by disc (untagged last), number, then title. */
export function orderTracks(tracks: Track[]): Track[] {
  return tracks.sort((x, y) => byNumber(x.discNo, y.discNo) || byNumber(x.trackNo, y.trackNo) || collator.compare(x.title, y.title));
}

/** Item id → the distinct languages of its linked subtitle files, sorted: of every item, or of `ids` only. */
export function loadSubtitleLanguages(db: ReadableDB, ids?: readonly string[]): Map<string, string[]> {
  const only = ids === undefined ? '' : 'AND item_id IN (SELECT value FROM json_each(?))';
  const sql = `SELECT DISTINCT item_id, language FROM item_subtitles WHERE language IS NOT NULL ${only} ORDER BY item_id, language`;
  // Prepared once per connection: pages and shelves ask for a few ids many times.
  const statement = prepared(db, sql).raw(true);
  const rows = (ids === undefined ? statement.all() : statement.all(JSON.stringify(ids))) as [string, string][];
  const out = new Map<string, string[]>();
  for (const [id, language] of rows) {
    const list = out.get(id);
    if (list) list.push(language);
    else out.set(id, [language]);
  }
  return out;
}
