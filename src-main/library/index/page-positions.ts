import type { LibraryPageRequest } from '../../contract/index.js';
import { prepared, type ReadableDB } from './db.js';
import type { SortKey } from './page-cursor.js';
import { buildStepQuery, genrePlan, listingOf, type Listing } from './page-queries.js';

/**
 * Where a position of a listing is, so a grid that jumps (a scrollbar dragged to the middle, End, many Page
 * Downs) gets the page there in one request instead of walking every page before it.
 *
 * SQLite cannot seek to the n-th row of an index, only count its way there: ~0.1 µs a row even on the
 * covering indexes of migration 011, so 5–12 ms to the middle or the end of 100,000 movies, on every jump.
 * So a listing keeps marks (a sparse "position → cursor" table): the key of every STRIDE-th row, counted
 * once, as far as jumps have gone. A jump within them seeks to the mark at or before its position and counts
 * fewer than STRIDE rows on (well under a millisecond); a jump beyond them counts on from the last one,
 * keeping the marks it passes. Each direction has its own marks, so neither needs the listing's length.
 *
 * Important: marks are only right for the index they were counted in. They are kept per connection and all
 * dropped as soon as anything has been written since, by this connection (`total_changes()`) or any other
 * (the library engine's, seen through `data_version`). That is over-eager (a saved resume point drops them
 * too) but never stale, and it needs no bookkeeping in the write paths.
 */

/** Rows between marks: a jump within them counts fewer than this; 100,000 rows keep ~400 marks. */
const STRIDE = 256;
/** Listings (section, sort, direction, filters) whose marks are kept at once; each is a few kB at most. */
const LISTINGS_KEPT = 8;

/** A row's place in its sort: what a cursor holds. */
export interface RowKey {
  key: SortKey;
  id: string;
}

interface Marks {
  /** `keys[i]` is the row at position i × STRIDE, in the listing's direction. */
  keys: RowKey[];
  /** Counting reached the last row: there are no more marks to find. */
  ended: boolean;
}

interface KeptMarks {
  /** What had been written when they were counted: see `writeStamp`. */
  stamp: string;
  listings: Map<string, Marks>;
}

const keptMarks = new WeakMap<ReadableDB, KeptMarks>();

/**
 * The row just before position `at` (0: the first row) of `request`'s listing, in its direction: the
 * `after` of the page that starts at `at`. Null for position 0; 'past-end' when the listing ends before `at`.
 */
export function rowBefore(db: ReadableDB, request: LibraryPageRequest, at: number): RowKey | 'past-end' | null {
  if (at === 0) return null;
  const listing = listingOf(request, genrePlan(db, request));
  const marks = marksOf(db, request);
  const position = at - 1;
  const mark = markAtOrBefore(db, listing, request, marks, position);
  if (!mark) return 'past-end';
  const skip = position % STRIDE;
  if (skip === 0) return mark;
  const row = prepared(db, buildStepQuery(listing, request.direction, 'at')).get({ ...listing.params, fromKey: mark.key, fromId: mark.id, skip }) as StepRow | undefined;
  return row ? toRowKey(row) : 'past-end';
}

/** The mark for `position`, counting on from the last one kept as far as needed; undefined past the end. */
function markAtOrBefore(db: ReadableDB, listing: Listing, request: LibraryPageRequest, marks: Marks, position: number): RowKey | undefined {
  const wanted = Math.floor(position / STRIDE);
  while (marks.keys.length <= wanted && !marks.ended) {
    const found = nextMark(db, listing, request, marks.keys[marks.keys.length - 1]);
    if (found) marks.keys.push(found);
    else marks.ended = true;
  }
  return marks.keys[wanted];
}

/** The row STRIDE rows on from mark `last` (the first row when there is no mark yet); undefined at the end. */
function nextMark(db: ReadableDB, listing: Listing, request: LibraryPageRequest, last: RowKey | undefined): RowKey | undefined {
  const row = last
    ? prepared(db, buildStepQuery(listing, request.direction, 'after')).get({ ...listing.params, fromKey: last.key, fromId: last.id, skip: STRIDE - 1 })
    : prepared(db, buildStepQuery(listing, request.direction, null)).get({ ...listing.params, skip: 0 });
  return row ? toRowKey(row as StepRow) : undefined;
}

/**
 * The marks of `request`'s listing: kept ones while nothing has been written since, else none yet. Inside a
 * transaction they are counted but not kept: it may yet roll back what it wrote, which no stamp would show.
 */
function marksOf(db: ReadableDB, request: LibraryPageRequest): Marks {
  if (db.inTransaction) return { keys: [], ended: false };
  const stamp = writeStamp(db);
  let kept = keptMarks.get(db);
  if (!kept || kept.stamp !== stamp) keptMarks.set(db, (kept = { stamp, listings: new Map() }));
  const name = listingName(request);
  const marks = kept.listings.get(name) ?? { keys: [], ended: false };
  // Most recently used last, so the least recently used goes first.
  kept.listings.delete(name);
  kept.listings.set(name, marks);
  for (const oldest of kept.listings.keys()) if (kept.listings.size > LISTINGS_KEPT) kept.listings.delete(oldest);
  return marks;
}

/** Which listing a request reads, in which direction: where its page starts and how long it is do not matter. */
function listingName(request: LibraryPageRequest): string {
  const filters = request.section === 'movies' ? request.filters : {};
  return JSON.stringify([request.section, request.sort, request.direction, filters.unwatched ?? false, filters.resolution ?? null, filters.decade ?? null]);
}

/**
 * Changes whenever the index may have changed: rows written by this connection, or a commit by another
 * (SQLite's `data_version`, which the engine thread's writes move).
 */
function writeStamp(db: ReadableDB): string {
  const { changes, version } = prepared(db, 'SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version').get() as { changes: number; version: number };
  return `${changes}:${version}`;
}

interface StepRow {
  sort_key: SortKey;
  id: string;
}
const toRowKey = (row: StepRow): RowKey => ({ key: row.sort_key, id: row.id });
