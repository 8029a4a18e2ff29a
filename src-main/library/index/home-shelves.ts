import { LibraryPageRequest, SHELF_LIMIT, type AlbumSummary, type HomeShelves, type MovieSummary, type ShelfEntry, type ShowRef } from '../../contract/index.js';
import { prepared, type ReadableDB } from './db.js';
import { EPISODE_ORDER, episodesAfter } from './episode-order.js';
import { libraryPage, MOVIE_COLUMNS, movieSummaries, type MovieRow } from './library-pages.js';
import { LISTED_ON_ITS_OWN } from './page-queries.js';
import { loadSubtitleLanguages, toEpisode, type PictureLinks } from './snapshot.js';

/**
 * `library.home`: Continue watching, Up next and Recently added, each at most `SHELF_LIMIT` long and each
 * read through an index (no walk of every item): entries are built by the same builders as the pages, so a
 * movie on a shelf is the movie of the grid. Extras and the later parts of a movie are never entries.
 */

/** Up next looks at most at this many of the shows played most recently: older ones are not "lately". */
const UP_NEXT_SHOWS_LOOKED_AT = 256;

/** Show id → the show as an episode's context on a shelf. */
function showRefs(db: ReadableDB, showIds: readonly string[], links: PictureLinks): Map<string, ShowRef> {
  const rows = prepared(db, 'SELECT id, title, poster_art FROM shows WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...new Set(showIds)])) as {
    id: string;
    title: string;
    poster_art: string | null;
  }[];
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, thumbUrl: links.thumb(r.poster_art) }]));
}

/** Movie and episode rows made into shelf entries, in their order; an episode whose show is gone is left out. */
export function shelfEntries(db: ReadableDB, rows: readonly MovieRow[], links: PictureLinks): ShelfEntry[] {
  const movies = new Map(movieSummaries(db, rows.filter((r) => r.kind === 'movie'), links).map((m) => [m.id, m]));
  const episodes = rows.filter((r) => r.kind === 'episode');
  const languages = loadSubtitleLanguages(db, episodes.map((r) => r.id));
  const shows = showRefs(db, episodes.flatMap((r) => (r.show_id === null ? [] : [r.show_id])), links);
  return rows.flatMap((r): ShelfEntry[] => {
    const movie = movies.get(r.id);
    if (movie) return [{ kind: 'movie', movie }];
    const show = r.show_id === null ? undefined : shows.get(r.show_id);
    return show && r.kind === 'episode' ? [{ kind: 'episode', episode: toEpisode(r, languages.get(r.id) ?? []), show }] : [];
  });
}

/**
 * Movies and episodes with a resume point, most recently played first. Named index: without it SQLite
 * prefers the equality on `kind` and would sort every movie and episode.
 */
export const CONTINUE_WATCHING_SQL = `SELECT ${MOVIE_COLUMNS} FROM items g INDEXED BY items_resume
  WHERE g.resume_sec IS NOT NULL AND g.kind IN ('movie', 'episode') AND ${LISTED_ON_ITS_OWN}
  ORDER BY g.state_at DESC LIMIT ${SHELF_LIMIT}`;

/**
 * The episode of show `played.show` watched last: the most recently marked (never marked: last); of a show
 * marked at once, the latest in order. One seek in `items_show_watched`.
 */
const LAST_WATCHED = `(SELECT w.season, coalesce(w.episode_end, w.episode) FROM items w
  WHERE w.show_id = played.show AND w.watched = 1 AND w.kind = 'episode' AND w.extra_type IS NULL
  ORDER BY w.state_at DESC, w.season DESC, w.episode DESC LIMIT 1)`;

/**
 * For each show played lately (`shows_by_played`, most recent first) with no episode to resume: the first
 * unwatched episode after the one watched last. A show with nothing watched, or nothing unwatched after
 * it, has no entry.
 */
export const UP_NEXT_SQL = `SELECT ${MOVIE_COLUMNS} FROM (
    SELECT s.id AS show, s.played_at FROM shows s WHERE s.played_at IS NOT NULL
    ORDER BY s.played_at DESC, s.id DESC LIMIT ${UP_NEXT_SHOWS_LOOKED_AT}
  ) AS played
  JOIN items g ON g.id = (SELECT n.id FROM items n WHERE n.watched = 0 AND ${episodesAfter('played.show', LAST_WATCHED)} ORDER BY ${EPISODE_ORDER} LIMIT 1)
  WHERE NOT EXISTS (SELECT 1 FROM items r WHERE r.show_id = played.show AND r.resume_sec IS NOT NULL)
  ORDER BY played.played_at DESC, played.show DESC LIMIT ${SHELF_LIMIT}`;

/** Newest episodes first (`items_by_added`). */
export const RECENT_EPISODES_SQL = `SELECT ${MOVIE_COLUMNS} FROM items g
  WHERE g.kind = 'episode' AND ${LISTED_ON_ITS_OWN}
  ORDER BY g.sort_added DESC, g.id DESC LIMIT ${SHELF_LIMIT}`;

/** The first page of a section sorted by date added, newest first: Recently added is the grid's first page. */
function newestOf(db: ReadableDB, section: 'movies' | 'albums', links: PictureLinks): (MovieSummary | AlbumSummary)[] {
  return libraryPage(db, LibraryPageRequest.parse({ section, sort: 'added', direction: 'desc', limit: SHELF_LIMIT }), links).items as (MovieSummary | AlbumSummary)[];
}

export function homeShelves(db: ReadableDB, links: PictureLinks): HomeShelves {
  const entries = (sql: string): ShelfEntry[] => shelfEntries(db, prepared(db, sql).all() as MovieRow[], links);
  return {
    continueWatching: entries(CONTINUE_WATCHING_SQL),
    upNext: entries(UP_NEXT_SQL),
    recentlyAdded: {
      movies: (newestOf(db, 'movies', links) as MovieSummary[]).map((movie) => ({ kind: 'movie', movie })),
      episodes: entries(RECENT_EPISODES_SQL),
      albums: newestOf(db, 'albums', links) as AlbumSummary[],
    },
  };
}
