import { GENRE_FILTERS_MAX } from '../../contract/index.js';
import type { AlbumSummary, ArtistSummary, LibraryCounts, LibraryPage, LibraryPageRequest, MovieSummary, ResolutionClass, ShowSummary, SortDirection } from '../../contract/index.js';
import { prepared, type ReadableDB } from './db.js';
import type { ItemRow } from './item-rows.js';
import { decodeCursor, encodeCursor, type SortKey } from './page-cursor.js';
import { rowBefore, type RowKey } from './page-positions.js';
import { buildPageQuery, EARLIER_PART, genrePlan, listedSql, RESOLUTION_WIDTHS } from './page-queries.js';
import { loadSubtitleLanguages, SNAPSHOT_COLUMNS, toMovie, type PictureLinks, type SnapshotRow } from './snapshot.js';

/**
 * `library.page` and `library.counts` as the renderer sees them: the rows of `page-queries.ts` made into the
 * snapshot's DTOs (less what only a detail needs), with per-page facts (subtitle languages, parts, episode
 * and track counts) read for the page's ids only, so a reply never grows with the library. A page starts
 * after a cursor, or at a position (`page-positions.ts` finds the row before it), and answers with the
 * cursors that continue from both its ends.
 */

/** A movie's row as `movieSummaries` builds it: the snapshot's columns, the folder and the part group. */
export type MovieRow = SnapshotRow & Pick<ItemRow, 'folder_id' | 'part_group'>;
/** The columns of a `MovieRow`, unqualified. */
export const MOVIE_COLUMNS = `${SNAPSHOT_COLUMNS}, folder_id, part_group`;
type ShowRow = { id: string; title: string; plot: string | null; poster_art: string | null; fanart_art: string | null };
export type AlbumRow = { id: string; title: string; artist: string | null };
type ArtistRow = { id: string; name: string };

/** One file of a movie in parts. */
export interface MoviePart {
  number: number;
  durationSec: number | null;
  size: number;
}

/** The files of the movie in parts `partGroup` of a folder, in playing order (migration 005). */
export function movieParts(db: ReadableDB, folderId: string, partGroup: string): MoviePart[] {
  return prepared(db, 'SELECT part AS number, duration_sec AS durationSec, size FROM items WHERE folder_id = ? AND part_group = ? ORDER BY part, rel_path').all(
    folderId,
    partGroup,
  ) as MoviePart[];
}

/** How long the parts play together; unknown if any part's length is. */
export function partsDuration(parts: readonly MoviePart[]): number | null {
  return parts.some((p) => p.durationSec === null) ? null : parts.reduce((sum, p) => sum + p.durationSec!, 0);
}

/** Rows of a per-id aggregate over `ids` (bound as one JSON array), keyed by their `id`. */
function statsById<T extends { id: string }>(db: ReadableDB, sql: string, ids: readonly string[]): Map<string, T> {
  return new Map((prepared(db, sql).all(JSON.stringify(ids)) as T[]).map((row) => [row.id, row]));
}
const IDS = 'SELECT value FROM json_each(?)';

/** Movies as grids and shelves list them: a movie in parts with its parts' count and length. */
export function movieSummaries(db: ReadableDB, rows: MovieRow[], links: PictureLinks): MovieSummary[] {
  const languages = loadSubtitleLanguages(db, rows.map((r) => r.id));
  return rows.map((r) => {
    const { extras: _extras, ...movie } = toMovie(r, links.art, languages.get(r.id) ?? []);
    const summary = { ...movie, thumbUrl: links.thumb(r.poster_art) };
    if (r.part_group === null) return summary;
    const parts = movieParts(db, r.folder_id, r.part_group);
    return { ...summary, parts: parts.length, durationSec: partsDuration(parts) };
  });
}

function showSummaries(db: ReadableDB, rows: ShowRow[], links: PictureLinks): ShowSummary[] {
  const stats = statsById<{ id: string; seasons: number; episodes: number; unwatched: number }>(
    db,
    `SELECT show_id AS id, count(DISTINCT coalesce(season, 0)) AS seasons, count(*) AS episodes, sum(watched = 0) AS unwatched
     FROM items WHERE show_id IN (${IDS}) GROUP BY show_id`,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const s = stats.get(r.id);
    return {
      id: r.id,
      title: r.title,
      plot: r.plot,
      posterUrl: links.art(r.poster_art),
      fanartUrl: links.art(r.fanart_art),
      thumbUrl: links.thumb(r.poster_art),
      seasonCount: s?.seasons ?? 0,
      episodeCount: s?.episodes ?? 0,
      unwatchedCount: s?.unwatched ?? 0,
    };
  });
}

/** Albums as grids and artist pages list them: year of the earliest track, cover of the first with one. */
export function albumSummaries(db: ReadableDB, rows: AlbumRow[], links: PictureLinks): AlbumSummary[] {
  const stats = statsById<{ id: string; tracks: number; year: number | null; cover: string | null }>(
    db,
    `SELECT t.album_id AS id, count(*) AS tracks, min(t.year) AS year,
       (SELECT c.poster_art FROM items c WHERE c.album_id = t.album_id AND c.poster_art IS NOT NULL ORDER BY c.rowid LIMIT 1) AS cover
     FROM items t WHERE t.album_id IN (${IDS}) GROUP BY t.album_id`,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const s = stats.get(r.id);
    const cover = s?.cover ?? null;
    return { id: r.id, title: r.title, artist: r.artist, year: s?.year ?? null, coverUrl: links.art(cover), thumbUrl: links.thumb(cover), trackCount: s?.tracks ?? 0 };
  });
}

export function artistSummaries(db: ReadableDB, rows: ArtistRow[]): ArtistSummary[] {
  const stats = statsById<{ id: string; albums: number; tracks: number }>(
    db,
    `SELECT artist_id AS id, count(DISTINCT album_id) AS albums, count(*) AS tracks FROM items WHERE artist_id IN (${IDS}) GROUP BY artist_id`,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ id: r.id, name: r.name, albumCount: stats.get(r.id)?.albums ?? 0, trackCount: stats.get(r.id)?.tracks ?? 0 }));
}

/** One page of a section; AppError 'bad-request' for a cursor that is not this request's. */
export function libraryPage(db: ReadableDB, request: LibraryPageRequest, links: PictureLinks): LibraryPage {
  switch (request.section) {
    case 'movies': {
      const { rows, ...ends } = queryPage<MovieRow & { sort_key: SortKey }>(db, request);
      return { section: 'movies', items: movieSummaries(db, rows, links), ...ends };
    }
    case 'shows': {
      const { rows, ...ends } = queryPage<ShowRow & { sort_key: SortKey }>(db, request);
      return { section: 'shows', items: showSummaries(db, rows, links), ...ends };
    }
    case 'albums': {
      const { rows, ...ends } = queryPage<AlbumRow & { sort_key: SortKey }>(db, request);
      return { section: 'albums', items: albumSummaries(db, rows, links), ...ends };
    }
    case 'artists': {
      const { rows, ...ends } = queryPage<ArtistRow & { sort_key: SortKey }>(db, request);
      return { section: 'artists', items: artistSummaries(db, rows), ...ends };
    }
  }
}

interface PageRows<Row> {
  rows: Row[];
  /** Continues after the last row; null at the end. */
  next: string | null;
  /** Continues before the first row, in the opposite direction; null when the page starts the listing. */
  prev: string | null;
}

/** The page's rows (each with its `sort_key`) and the cursors that continue from either end of it. */
function queryPage<Row extends { id: string; sort_key: SortKey }>(db: ReadableDB, request: LibraryPageRequest): PageRows<Row> {
  const start = pageStart(db, request);
  if (start === 'past-end') return { rows: [], next: null, prev: null };
  const { sql, params } = buildPageQuery(request, start, genrePlan(db, request));
  const rows = prepared(db, sql).all(params) as Row[];
  const more = rows.length > request.limit;
  if (more) rows.length = request.limit;
  const [first, last] = [rows[0], rows[rows.length - 1]];
  const opposite = request.direction === 'asc' ? 'desc' : 'asc';
  return {
    rows,
    next: more && last ? cursorAt(request, request.direction, last) : null,
    prev: start !== null && first ? cursorAt(request, opposite, first) : null,
  };
}

/** Where a page starts: after the request's cursor, after the row before its position, or at the top. */
function pageStart(db: ReadableDB, request: LibraryPageRequest): RowKey | null | 'past-end' {
  if (request.at !== undefined) return rowBefore(db, request, request.at);
  if (request.after === null) return null;
  const expected = { section: request.section, sort: request.sort, direction: request.direction };
  return decodeCursor(request.after, expected, request.sort === 'title' ? 'string' : 'number');
}

/** The cursor that continues from `row` in `direction`. */
function cursorAt(request: LibraryPageRequest, direction: SortDirection, row: { id: string; sort_key: SortKey }): string {
  return encodeCursor({ section: request.section, sort: request.sort, direction, key: row.sort_key, id: row.id });
}

/** Movies (extras aside) with one decade, watched mark and width (-1 unknown): a row of `movie_facets`, or a correction. */
interface FacetRow {
  decade: number;
  watched: number;
  width: number;
  n: number;
}

/** What each movie filter but genre leaves, summed from facet rows. */
function sumFacets(rows: readonly FacetRow[]): { total: number; movieFilters: Omit<LibraryCounts['movieFilters'], 'genres'> } {
  const classes = Object.entries(RESOLUTION_WIDTHS) as [ResolutionClass, readonly [number, number]][];
  const resolution = Object.fromEntries(classes.map(([name]) => [name, 0])) as Record<ResolutionClass, number>;
  const decades = new Map<number, number>();
  let total = 0;
  let unwatched = 0;
  for (const { decade, watched, width, n } of rows) {
    total += n;
    if (watched === 0) unwatched += n;
    const cls = classes.find(([, [from, below]]) => width >= from && width < below);
    if (cls) resolution[cls[0]] = (resolution[cls[0]] ?? 0) + n;
    if (decade >= 1800) decades.set(decade, (decades.get(decade) ?? 0) + n);
  }
  const kept = [...decades].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  return { total, movieFilters: { unwatched, resolution, decades: kept.map(([decade, count]) => ({ decade, count })) } };
}

/** `g` is a later part of a movie in parts: counted by the kept counts, not listed. */
const LATER_PART = `g.part_group IS NOT NULL AND g.kind = 'movie' AND g.extra_type IS NULL AND EXISTS (${EARLIER_PART})`;
/** Items as `g` through the parts' partial index: SQLite would rather walk every movie by kind. */
const PARTS = 'items g INDEXED BY items_part_group';

/**
 * The `GENRE_FILTERS_MAX` most common genres with their movies, by name, from the counts kept by migration
 * 011 less the later parts of movies in parts. Taking off the `c` genres of later parts can only lower a
 * count, so the top `GENRE_FILTERS_MAX + c` kept counts hold the top `GENRE_FILTERS_MAX` true ones: the
 * query reads that many entries of `genre_counts_by_n`, however many genres there are.
 */
function genreCounts(db: ReadableDB): LibraryCounts['movieFilters']['genres'] {
  return prepared(
    db,
    `WITH later (genre, n) AS (SELECT x.genre, count(*) FROM ${PARTS} JOIN item_genres x ON x.item_id = g.id WHERE ${LATER_PART} GROUP BY x.genre),
     kept AS (SELECT genre, n FROM genre_counts ORDER BY n DESC, genre DESC LIMIT @max + (SELECT count(*) FROM later)),
     counted AS (SELECT k.genre, k.n - coalesce((SELECT l.n FROM later l WHERE l.genre = k.genre), 0) AS n FROM kept k)
     SELECT genre, n AS count FROM (SELECT genre, n FROM counted WHERE n > 0 ORDER BY n DESC, genre DESC LIMIT @max) ORDER BY genre`,
  ).all({ max: GENRE_FILTERS_MAX }) as LibraryCounts['movieFilters']['genres'];
}

/**
 * How many of each there are, and what each movie filter leaves. The movie counts come from the counts kept
 * by migrations 009 and 012 (less the later parts of movies in parts, which are few); the others are index
 * counts.
 */
export function libraryCounts(db: ReadableDB): LibraryCounts {
  const facets = prepared(db, 'SELECT decade, watched, width, n FROM movie_facets WHERE n != 0').all() as FacetRow[];
  const laterParts = prepared(db, `SELECT coalesce(g.year, 0) / 10 * 10 AS decade, g.watched, coalesce(g.width, -1) AS width, -count(*) AS n FROM ${PARTS} WHERE ${LATER_PART} GROUP BY 1, 2, 3`).all() as FacetRow[];
  const { total, movieFilters } = sumFacets([...facets, ...laterParts]);
  const count = (sql: string): number => (prepared(db, sql).get() as { n: number }).n;
  return {
    movies: total,
    shows: count(`SELECT count(*) AS n FROM shows g WHERE ${listedSql('shows')}`),
    episodes: count("SELECT count(*) AS n FROM items WHERE kind = 'episode'"),
    albums: count(`SELECT count(*) AS n FROM albums g WHERE ${listedSql('albums')}`),
    tracks: count("SELECT count(*) AS n FROM items WHERE kind = 'track'"),
    artists: count(`SELECT count(*) AS n FROM artists g WHERE ${listedSql('artists')}`),
    movieFilters: { ...movieFilters, genres: genreCounts(db) },
  };
}
