import type { LibraryPageRequest, LibrarySection, MovieFilters, ResolutionClass, SortDirection } from '../../contract/index.js';
import { prepared, type ReadableDB } from './db.js';
import type { SortKey } from './page-cursor.js';
import { SNAPSHOT_COLUMNS } from './snapshot.js';

/**
 * The SQL of `library.page` (run by `library-pages.ts`): one section, sorted and filtered, a page at a time by
 * keyset pagination over the indexes of migrations 007 and 011. Each page is one seek to the cursor's
 * `(sort key, id)` and a walk of at most `limit + 1` index entries that pass the filters; there is no OFFSET,
 * so the last page costs what the first does. The row after the page only tells whether there is a next one.
 * A page asked for by position starts from a cursor too, found by `page-positions.ts`.
 */

/** A part of `g`'s movie in parts that comes before it (only the first part is listed). */
export const EARLIER_PART = 'SELECT 1 FROM items p WHERE p.folder_id = g.folder_id AND p.part_group = g.part_group AND (p.part, p.rel_path) < (g.part, g.rel_path)';

/**
 * An item of `g` that is listed on its own: not an extra (listed under its owner), and of a movie in parts
 * only the first part (the order of `placeExtrasAndParts`); the later parts are found through
 * `items_part_group`.
 */
export const LISTED_ON_ITS_OWN = `g.extra_type IS NULL AND (g.part_group IS NULL OR NOT EXISTS (${EARLIER_PART}))`;

export const LISTED_MOVIE = `g.kind = 'movie' AND ${LISTED_ON_ITS_OWN}`;

/** Where a section's rows come from (as `g`), which of them are listed, and the generated column of each sort. */
const SECTIONS: Record<LibrarySection, { table: string; columns: string; listed: string; sorts: Readonly<Record<string, string>> }> = {
  movies: {
    table: 'items',
    // Unqualified: `g` is the only table in FROM.
    columns: `${SNAPSHOT_COLUMNS}, folder_id, part_group`,
    listed: LISTED_MOVIE,
    sorts: { title: 'sort_title', year: 'sort_year', added: 'sort_added', duration: 'sort_duration' },
  },
  // Shows, albums and artists without items are pruned after removals (pruneOrphanGroups); EXISTS also
  // hides one between a removal and its prune.
  shows: { table: 'shows', columns: 'g.id, g.title, g.plot, g.poster_art, g.fanart_art', listed: 'EXISTS (SELECT 1 FROM items e WHERE e.show_id = g.id)', sorts: { title: 'sort_title', added: 'sort_added' } },
  albums: { table: 'albums', columns: 'g.id, g.title, g.artist', listed: 'EXISTS (SELECT 1 FROM items e WHERE e.album_id = g.id)', sorts: { title: 'sort_title', added: 'sort_added' } },
  artists: { table: 'artists', columns: 'g.id, g.name', listed: 'EXISTS (SELECT 1 FROM items e WHERE e.artist_id = g.id)', sorts: { title: 'sort_title', added: 'sort_added' } },
};

/** Widths of each resolution class, [from, below). A movie of unknown width is in none. */
export const RESOLUTION_WIDTHS: Readonly<Record<ResolutionClass, readonly [number, number]>> = {
  sd: [0, 1280],
  hd: [1280, 1920],
  fhd: [1920, 3840],
  uhd: [3840, 1_000_000],
};

/**
 * How a page of one genre finds the genre's movies (`genrePlan` picks one); each plan's clause gives the same
 * rows, and each plan is the cheapest for some genre sizes:
 * - 'probe': walk the sort's index and look each movie up in `item_genres`' key (a common genre: the page
 *   fills after a few hundred movies);
 * - 'list': walk the sort's index and test each movie against the genre's list, which SQLite builds once per
 *   page (with a Bloom filter) from `item_genres_by_genre`: a test costs far less than a lookup, the list
 *   costs the genre's size;
 * - 'read': read the genre's movies through `item_genres_by_genre` and sort them; nothing is walked, so a
 *   rare genre costs its size. `g` is NOT INDEXED (so SQLite cannot walk a sort's index instead) and found
 *   by rowid.
 */
export type GenrePlan = 'probe' | 'list' | 'read';
const GENRE_CLAUSES: Readonly<Record<GenrePlan, string>> = {
  probe: 'EXISTS (SELECT 1 FROM item_genres x WHERE x.item_id = g.id AND x.genre = @genre)',
  list: 'g.id IN (SELECT x.item_id FROM item_genres x WHERE x.genre = @genre)',
  read: 'g.rowid IN (SELECT i.rowid FROM item_genres x JOIN items i ON i.id = x.item_id WHERE x.genre = @genre)',
};

/**
 * The plan for a page of `request`'s genre, from its size and the movies' (the kept counts of migrations
 * 009 and 012). A walk meets about W ÷ size movies, W = (limit + 1) × movies, so: 'read' below size √(W / 5),
 * 'probe' above 2√W, 'list' between, where the measured costs cross. At 60,000 movies, a page of 100 (on a
 * shared, busy machine), probe / list / read: a genre of 30 movies 99–296 / 12–15 / 0.2 ms; of 600 (1 %)
 * 17–52 / 3.5–4.4 / 1.6–1.8 ms; of 1,200 8–24 / 2.2–2.9 / 2.5–3.3 ms; of 4,000 2.3–3.6 / 1.8–2.0 / 10 ms; of
 * 6,000 1.3–1.6 / 2.1 / 19 ms; of 16,000 0.7–0.9 / 4.4–4.7 / 32 ms.
 */
export function genrePlan(db: ReadableDB, request: LibraryPageRequest): GenrePlan {
  if (request.section !== 'movies' || request.filters.genre === undefined) return 'probe';
  const sizes = prepared(db, 'SELECT (SELECT n FROM genre_counts WHERE genre = ?) AS genre, (SELECT sum(n) FROM movie_facets) AS movies').get(request.filters.genre) as {
    genre: number | null;
    movies: number | null;
  };
  const size = sizes.genre ?? 0;
  const walk = (request.limit + 1) * (sizes.movies ?? 0);
  if (5 * size * size < walk) return 'read';
  return size * size > 4 * walk ? 'probe' : 'list';
}

/**
 * A range of the sort column itself (a decade, sorted by year), as its two bounds over `g`. Kept apart from
 * the other filters because which bound SQLite may seek on depends on the page: see `filterTerms`.
 */
export interface SortRange {
  low: string;
  high: string;
}

/** The movie filters as SQL over `g` and their bound parameters; the genre's clause is `genrePlan`'s. */
export function movieFilterSql(
  filters: MovieFilters,
  sort = 'title',
  plan: GenrePlan = 'probe',
): { where: string[]; range: SortRange | null; params: Record<string, number | string> } {
  const where: string[] = [];
  const params: Record<string, number | string> = {};
  let range: SortRange | null = null;
  if (filters.unwatched) where.push('g.watched = 0');
  if (filters.resolution !== undefined) {
    where.push('g.width >= @widthFrom AND g.width < @widthBelow');
    [params.widthFrom, params.widthBelow] = RESOLUTION_WIDTHS[filters.resolution];
  }
  if (filters.decade !== undefined) {
    // Sorted by year, on the sort column, so the page seeks straight into the decade; sorted otherwise, on the
    // plain column (in the index since migration 011), so SQLite walks the sort's index rather than sorting the decade.
    if (sort === 'year') range = { low: 'g.sort_year >= @decade', high: 'g.sort_year < @decade + 10' };
    else where.push('g.year >= @decade AND g.year < @decade + 10');
    params.decade = filters.decade;
  }
  if (filters.genre !== undefined) {
    where.push(GENRE_CLAUSES[plan]);
    params.genre = filters.genre;
  }
  return { where, range, params };
}

/** A section sorted and filtered as a request says: its rows as `g`, which are listed, and the sort column. */
export interface Listing {
  table: string;
  columns: string;
  /** The sort's generated column, as `g.<column>`. */
  column: string;
  where: string[];
  range: SortRange | null;
  params: Record<string, number | string>;
  /** The genre's 'read' plan: SQLite must not walk a sort's index (see `GenrePlan`). */
  notIndexed: boolean;
}

/** The listing a request reads, wherever its page starts; `plan` as `genrePlan` says. */
export function listingOf(request: LibraryPageRequest, plan: GenrePlan = 'probe'): Listing {
  const section = SECTIONS[request.section];
  const filters = request.section === 'movies' ? movieFilterSql(request.filters, request.sort, plan) : { where: [], range: null, params: {} };
  const column = `g.${section.sorts[request.sort]!}`;
  const where = [section.listed, ...filters.where];
  return { table: section.table, columns: section.columns, column, where, range: filters.range, params: filters.params, notIndexed: plan === 'read' };
}

/** The FROM of a listing's queries. */
const fromListing = (listing: Listing): string => `${listing.table} g${listing.notIndexed ? ' NOT INDEXED' : ''}`;

/**
 * The listing's terms for a query that seeks a cursor going `seek` (null: from the start). Given a range of
 * the sort column and a cursor both, SQLite seeks the range's start and walks to the cursor (2 ms at the end
 * of a decade of 12,000 movies, and a jump steps hundreds of times); so the bound on the cursor's side is
 * written `+column`, which no index serves, and the seek starts at the cursor and stops at the range's end.
 */
function filterTerms(listing: Listing, seek: SortDirection | null): string[] {
  const { where, range } = listing;
  if (!range) return where;
  return [...where, seek === 'asc' ? `+${range.low}` : range.low, seek === 'desc' ? `+${range.high}` : range.high];
}

export interface PageQuery {
  sql: string;
  params: Record<string, SortKey | null>;
}

/** The SQL of one page of `request`; `after` is the decoded cursor's key and id; `plan` as `genrePlan` says. */
export function buildPageQuery(request: LibraryPageRequest, after: { key: SortKey; id: string } | null, plan: GenrePlan = 'probe'): PageQuery {
  const listing = listingOf(request, plan);
  const { columns, column, params } = listing;
  const seek = after ? [`(${column}, g.id) ${request.direction === 'asc' ? '>' : '<'} (@afterKey, @afterId)`] : [];
  const direction = request.direction === 'asc' ? 'ASC' : 'DESC';
  const sql = `SELECT ${columns}, ${column} AS sort_key FROM ${fromListing(listing)}
    WHERE ${[...filterTerms(listing, after ? request.direction : null), ...seek].join('\n      AND ')}
    ORDER BY ${column} ${direction}, g.id ${direction} LIMIT @take`;
  return { sql, params: { ...params, ...(after ? { afterKey: after.key, afterId: after.id } : {}), take: request.limit + 1 } };
}

/**
 * The SQL that steps along a listing in `direction`, reading only the sort key and id (the index alone,
 * migration 011): `take` rows, `@skip` rows on from the first, or from the row at (`from`: 'at') or after
 * ('after') `(@fromKey, @fromId)`. It counts its way there (OFFSET), so it is only ever asked to step a
 * bounded distance: see `page-positions.ts`. `take` is written into the SQL, not bound: with `LIMIT @take`
 * the same one-row step measured ~40 µs instead of ~6, which a jump pays hundreds of times.
 */
export function buildStepQuery(listing: Listing, direction: SortDirection, from: 'at' | 'after' | null, take = 1): string {
  const { column } = listing;
  const comparison = { asc: { at: '>=', after: '>' }, desc: { at: '<=', after: '<' } }[direction];
  const seek = from ? [`(${column}, g.id) ${comparison[from]} (@fromKey, @fromId)`] : [];
  const order = direction === 'asc' ? 'ASC' : 'DESC';
  return `SELECT ${column} AS sort_key, g.id AS id FROM ${fromListing(listing)}
    WHERE ${[...filterTerms(listing, from ? direction : null), ...seek].join('\n      AND ')}
    ORDER BY ${column} ${order}, g.id ${order} LIMIT ${Math.trunc(take)} OFFSET @skip`;
}

/** Which rows of a section's table (as `g`) are listed. */
export const listedSql = (section: LibrarySection): string => SECTIONS[section].listed;
