import type { LibraryPageRequest, LibrarySection, MovieFilters, ResolutionClass } from '../../contract/index.js';
import { prepared, type ReadableDB } from './db.js';
import { decodeCursor, encodeCursor, type SortKey } from './page-cursor.js';
import { SNAPSHOT_COLUMNS } from './snapshot.js';

/**
 * The SQL of `library.page`: one section, sorted and filtered, a page at a time by keyset pagination over the
 * indexes of migration 007. Each page is one seek to the cursor's `(sort key, id)` and a walk of at most
 * `limit + 1` index entries that pass the filters; there is no OFFSET, so the last page costs what the
 * first does. The row after the page only tells whether there is a next one.
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

/** The movie filters as SQL over `g` and their bound parameters. */
export function movieFilterSql(filters: MovieFilters, sort = 'title'): { where: string[]; params: Record<string, number> } {
  const where: string[] = [];
  const params: Record<string, number> = {};
  if (filters.unwatched) where.push('g.watched = 0');
  if (filters.resolution !== undefined) {
    where.push('g.width >= @widthFrom AND g.width < @widthBelow');
    [params.widthFrom, params.widthBelow] = RESOLUTION_WIDTHS[filters.resolution];
  }
  if (filters.decade !== undefined) {
    // Sorted by year, on the sort column, so the page seeks straight into the decade; sorted otherwise, on the
    // plain column, which no index offers, so SQLite keeps walking the sort's index rather than sorting the decade.
    const year = sort === 'year' ? 'g.sort_year' : 'g.year';
    where.push(`${year} >= @decade AND ${year} < @decade + 10`);
    params.decade = filters.decade;
  }
  return { where, params };
}

export interface PageQuery {
  sql: string;
  params: Record<string, SortKey | null>;
}

/** The SQL of one page of `request`; `after` is the decoded cursor's key and id. */
export function buildPageQuery(request: LibraryPageRequest, after: { key: SortKey; id: string } | null): PageQuery {
  const section = SECTIONS[request.section];
  const column = `g.${section.sorts[request.sort]!}`;
  const filters = request.section === 'movies' ? movieFilterSql(request.filters, request.sort) : { where: [], params: {} };
  const where = [section.listed, ...filters.where];
  if (after) where.push(`(${column}, g.id) ${request.direction === 'asc' ? '>' : '<'} (@afterKey, @afterId)`);
  const direction = request.direction === 'asc' ? 'ASC' : 'DESC';
  const sql = `SELECT ${section.columns}, ${column} AS sort_key FROM ${section.table} g
    WHERE ${where.join('\n      AND ')}
    ORDER BY ${column} ${direction}, g.id ${direction} LIMIT @take`;
  return { sql, params: { ...filters.params, ...(after ? { afterKey: after.key, afterId: after.id } : {}), take: request.limit + 1 } };
}

/** The page's rows (each with its `sort_key`) and the cursor that continues after them, null at the end. */
export function queryPage<Row extends { id: string; sort_key: SortKey }>(db: ReadableDB, request: LibraryPageRequest): { rows: Row[]; next: string | null } {
  const position = { section: request.section, sort: request.sort, direction: request.direction };
  const after = request.after === null ? null : decodeCursor(request.after, position, request.sort === 'title' ? 'string' : 'number');
  const { sql, params } = buildPageQuery(request, after);
  const rows = prepared(db, sql).all(params) as Row[];
  if (rows.length <= request.limit) return { rows, next: null };
  rows.length = request.limit;
  const last = rows[rows.length - 1]!;
  return { rows, next: encodeCursor({ ...position, key: last.sort_key, id: last.id }) };
}

/** Which rows of a section's table (as `g`) are listed. */
export const listedSql = (section: LibrarySection): string => SECTIONS[section].listed;
