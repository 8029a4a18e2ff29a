import Database, { type Statement } from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, UnparseableRequest, type LibraryPageRequest, type MovieFilters, type ShelfEntry } from '../../contract/index.js';
import { LibraryPageRequest as PageRequestSchema } from '../../contract/index.js';
import { bigId, buildBigIndex, BIG_COUNTS, type BigIndex, type BigMovie } from '../test-support/big-index.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { openIndexDatabase, type WritableDB } from './db.js';
import { homeShelves } from './home-shelves.js';
import { libraryDetail } from './library-detail.js';
import { libraryCounts, libraryPage } from './library-pages.js';
import { buildPageQuery, buildStepQuery, genrePlan, listingOf, RESOLUTION_WIDTHS, type GenrePlan } from './page-queries.js';
import { encodeCursor } from './page-cursor.js';
import { buildSnapshot, listFolders } from './snapshot.js';
import { unparseableCount, unparseablePage } from './unparseable-pages.js';
import { setWatched } from './watched-marks.js';

const links = { art: (id: string | null): string | null => (id === null ? null : `/art/${id}`), thumb: (id: string | null): string | null => (id === null ? null : `/thumb/${id}`) };
let temp: ReturnType<typeof makeTempDir>;
let db: WritableDB;
let big: BigIndex;

// Built once for the file: 100,000 items (each through the search triggers) take seconds alone, and over a
// minute on a machine busy with other test files, so this hook may take longer than the default.
beforeAll(() => {
  temp = makeTempDir();
  db = openIndexDatabase(path.join(temp.dir, 'library.db'));
  big = buildBigIndex(db);
}, 300_000);
afterAll(() => {
  db.close();
  temp.cleanup();
});

const request = (raw: Record<string, unknown>): LibraryPageRequest => PageRequestSchema.parse(raw);

/** Every id of a section (or the first `until`), page by page, following `next` to the end. */
function walk(raw: Record<string, unknown>, until = Number.POSITIVE_INFINITY): string[] {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = libraryPage(db, request({ ...raw, limit: 200, after }), links);
    ids.push(...page.items.map((item) => item.id));
    if (page.next === null || ids.length >= until) return ids;
    after = page.next;
  }
}

/** `walk`, once per listing for the file: the index only changes in tests that put it back as it was. */
const walks = new Map<string, string[]>();
function walked(raw: Record<string, unknown>): string[] {
  const key = JSON.stringify(raw);
  if (!walks.has(key)) walks.set(key, walk(raw));
  return walks.get(key)!;
}

/** SQLite's NOCASE, then the id as the tie-break; unknown numbers as 0 (migration 007). */
const lowerAscii = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
function expectedOrder<T extends { id: string }>(rows: T[], key: (row: T) => string | number, direction: 'asc' | 'desc'): string[] {
  const sign = direction === 'asc' ? 1 : -1;
  const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => sign * (cmp(key(a), key(b)) || cmp(a.id, b.id))).map((row) => row.id);
}
/** Whether a movie has a genre, case aside (ASCII, as SQLite's NOCASE). */
const hasGenre = (m: BigMovie, genre: string): boolean => m.genres.some((g) => lowerAscii(g) === lowerAscii(genre));
const MOVIE_KEYS: Record<string, (m: BigMovie) => string | number> = {
  title: (m) => lowerAscii(m.title),
  year: (m) => m.year ?? 0,
  added: (m) => m.addedAt,
  duration: (m) => m.durationSec ?? 0,
};

describe('library.page over 100,000 items', () => {
  it('lists the same movies, shows and albums as the snapshot', () => {
    const snapshot = buildSnapshot(db, (id) => `/art/${id}`);
    expect(new Set(walk({ section: 'movies' }))).toEqual(new Set(snapshot.movies.map((m) => m.id)));
    expect(new Set(walk({ section: 'shows' }))).toEqual(new Set(snapshot.shows.map((s) => s.id)));
    expect(new Set(walk({ section: 'albums' }))).toEqual(new Set(snapshot.albums.map((a) => a.id)));
    expect(snapshot.movies).toHaveLength(BIG_COUNTS.movies + 1);
  });

  it.each(['title', 'year', 'added', 'duration'].flatMap((sort) => [[sort, 'asc'], [sort, 'desc']] as const))(
    'walks every movie exactly once by %s %s, in order',
    (sort, direction) => {
      const ids = walked({ section: 'movies', sort, direction });
      expect(ids).toEqual(expectedOrder(big.movies, MOVIE_KEYS[sort]!, direction));
    },
  );

  it.each([
    [{ unwatched: true }, 'year', (m: BigMovie) => !m.watched],
    [{ resolution: 'uhd' }, 'title', (m: BigMovie) => m.width !== null && m.width >= RESOLUTION_WIDTHS.uhd[0]],
    [{ resolution: 'sd', unwatched: true }, 'added', (m: BigMovie) => m.width !== null && m.width < 1280 && !m.watched],
    [{ decade: 1990 }, 'year', (m: BigMovie) => m.year !== null && m.year >= 1990 && m.year < 2000],
    [{ decade: 1970 }, 'duration', (m: BigMovie) => m.year !== null && m.year >= 1970 && m.year < 1980],
    [{ genre: 'western', unwatched: true }, 'added', (m: BigMovie) => hasGenre(m, 'Western') && !m.watched],
    [{ genre: 'Drama', decade: 1990 }, 'year', (m: BigMovie) => hasGenre(m, 'Drama') && m.year !== null && m.year >= 1990 && m.year < 2000],
  ] as [MovieFilters, string, (m: BigMovie) => boolean][])('walks the movies of filter %j by %s', (filters, sort, keep) => {
    const expected = expectedOrder(big.movies.filter(keep), MOVIE_KEYS[sort]!, 'desc');
    expect(expected.length).toBeGreaterThan(100);
    expect(walked({ section: 'movies', sort, direction: 'desc', filters })).toEqual(expected);
  });

  it.each(['title', 'year', 'added', 'duration'].flatMap((sort) => ['Drama', 'Film-Noir', 'Western'].flatMap((genre) => [[genre, sort, 'asc'], [genre, sort, 'desc']] as const)))(
    'walks the movies of genre %s by %s %s, whichever plan reads them',
    (genre, sort, direction) => {
      const expected = expectedOrder(big.movies.filter((m) => hasGenre(m, genre)), MOVIE_KEYS[sort]!, direction);
      expect(expected.length).toBeGreaterThan(200);
      expect(walk({ section: 'movies', sort, direction, filters: { genre: direction === 'asc' ? genre : genre.toUpperCase() } })).toEqual(expected);
    },
  );

  it('lists no movie under a genre only a later part and an extra have, nor under one nobody has', () => {
    expect(walk({ section: 'movies', filters: { genre: 'Part Two Only' } })).toEqual([]);
    expect(walk({ section: 'movies', filters: { genre: 'Nonexistent' } })).toEqual([]);
  });

  it.each(['shows', 'albums', 'artists'].flatMap((section) => ['title', 'added'].flatMap((sort) => [[section, sort, 'asc'], [section, sort, 'desc']] as const)))(
    'walks every one of the %s by %s %s exactly once, in order',
    (section, sort, direction) => {
      const rows = section === 'shows' ? big.shows : section === 'albums' ? big.albums : big.artists.map((a) => ({ ...a, title: a.name }));
      const key = sort === 'title' ? (r: (typeof rows)[number]) => lowerAscii(r.title) : (r: (typeof rows)[number]) => r.addedAt;
      expect(walked({ section, sort, direction })).toEqual(expectedOrder(rows, key, direction));
    },
  );

  it('answers a page with the snapshot DTOs, a movie in parts once with both lengths, and counts per page', () => {
    const justBefore = encodeCursor({ section: 'movies', sort: 'title', direction: 'asc', key: 'split', id: bigId('x') });
    const movies = libraryPage(db, request({ section: 'movies', filters: { decade: 2000 }, sort: 'title', limit: 5, after: justBefore }), links);
    const split = movies.section === 'movies' ? movies.items.find((m) => m.id === big.split.id) : undefined;
    expect(split).toMatchObject({ title: 'Split Movie', parts: 2, durationSec: 6000, year: 2001 });
    const shows = libraryPage(db, request({ section: 'shows', limit: 3 }), links);
    expect(shows.items[0]).toMatchObject({ seasonCount: 3, episodeCount: 60, unwatchedCount: 40 });
    const albums = libraryPage(db, request({ section: 'albums', limit: 3 }), links);
    expect(albums.items[0]).toMatchObject({ trackCount: 15, coverUrl: null });
    const artists = libraryPage(db, request({ section: 'artists', limit: 3 }), links);
    expect(artists.items[0]).toMatchObject({ albumCount: 4, trackCount: expect.any(Number) });
    expect(JSON.stringify(calls['library.page'].output.parse(movies))).toBe(JSON.stringify(movies));
  });

  it('counts each section and what each movie filter leaves', () => {
    const counts = libraryCounts(db);
    const movies = big.movies;
    const width = (from: number, below: number) => movies.filter((m) => m.width !== null && m.width >= from && m.width < below).length;
    expect(counts).toMatchObject({ movies: movies.length, shows: BIG_COUNTS.shows, episodes: BIG_COUNTS.shows * BIG_COUNTS.episodesPerShow });
    expect(counts).toMatchObject({ albums: BIG_COUNTS.albums, tracks: BIG_COUNTS.albums * BIG_COUNTS.tracksPerAlbum, artists: BIG_COUNTS.artists });
    expect(counts.movieFilters.unwatched).toBe(movies.filter((m) => !m.watched).length);
    expect(counts.movieFilters.resolution).toEqual({ sd: width(0, 1280), hd: width(1280, 1920), fhd: width(1920, 3840), uhd: width(3840, 1e6) });
    expect(counts.movieFilters.decades.find((d) => d.decade === 1990)?.count).toBe(movies.filter((m) => m.year !== null && m.year >= 1990 && m.year < 2000).length);
    calls['library.counts'].output.parse(counts);
  });

  it('counts the movies of each genre, case aside, by name, less a later part’s and an extra’s genres', () => {
    const counted = new Map<string, number>();
    for (const m of big.movies) for (const genre of m.genres) counted.set(lowerAscii(genre), (counted.get(lowerAscii(genre)) ?? 0) + 1);
    const expected = [...counted].map(([genre, count]) => ({ genre, count })).sort((a, b) => (a.genre < b.genre ? -1 : 1));
    const genres = libraryCounts(db).movieFilters.genres;
    expect(genres.map((g) => ({ genre: lowerAscii(g.genre), count: g.count }))).toEqual(expected);
    expect(genres.find((g) => lowerAscii(g.genre) === 'drama')?.genre).toBe('Drama'); // the first spelling stored
  });
});

const idsOf = (page: { items: { id: string }[] }): string[] => page.items.map((item) => item.id);
const opposite = (direction: unknown) => (direction === 'desc' ? 'asc' : 'desc');

/** Every listing a grid can jump in: each sort both ways, the movie filters alone and together, the groups. */
const JUMP_LISTINGS: Record<string, unknown>[] = [
  ...['title', 'year', 'added', 'duration'].flatMap((sort) => ['asc', 'desc'].map((direction) => ({ section: 'movies', sort, direction }))),
  { section: 'movies', sort: 'year', direction: 'asc', filters: { unwatched: true } },
  { section: 'movies', sort: 'title', direction: 'desc', filters: { resolution: 'uhd' } },
  { section: 'movies', sort: 'added', direction: 'asc', filters: { resolution: 'sd', unwatched: true } },
  { section: 'movies', sort: 'year', direction: 'desc', filters: { decade: 1990 } },
  { section: 'movies', sort: 'duration', direction: 'asc', filters: { decade: 1970, unwatched: true } },
  // A common, a middling and a rare genre: each read by its own plan (see `genrePlan`), jumps included.
  { section: 'movies', sort: 'title', direction: 'asc', filters: { genre: 'Drama' } },
  { section: 'movies', sort: 'added', direction: 'desc', filters: { genre: 'Film-Noir' } },
  { section: 'movies', sort: 'year', direction: 'desc', filters: { genre: 'Western' } },
  ...['shows', 'albums', 'artists'].flatMap((section) => ['title', 'added'].flatMap((sort) => ['asc', 'desc'].map((direction) => ({ section, sort, direction })))),
];

/**
 * Positions to jump to in a listing of `n`, in an order that finds the marks of `page-positions.ts` (every
 * 256th row) first far, then near, then beyond: around a mark, the middle, the last page, the end and past it.
 */
const jumpsIn = (n: number): number[] => [Math.floor(n / 2), 1, 255, 256, 257, 511, 100, n - 1, n - 100, n - 257, 0, n, n + 7].filter((at) => at >= 0);

describe('a page at a position (a jump)', () => {
  it.each(JUMP_LISTINGS.map((raw) => [JSON.stringify(raw), raw] as const))('is the same slice as the keyset walk of %s, wherever it lands', (_label, raw) => {
    const ids = walked(raw);
    expect(ids.length).toBeGreaterThan(300);
    for (const at of jumpsIn(ids.length)) {
      const page = libraryPage(db, request({ ...raw, limit: 100, at }), links);
      const where = `at ${at} of ${ids.length}`;
      expect(idsOf(page), where).toEqual(ids.slice(at, at + 100));
      expect(page.next === null, where).toBe(at + 100 >= ids.length);
      expect(page.prev === null, where).toBe(at === 0 || at >= ids.length);
    }
  });

  it.each([
    { section: 'movies', sort: 'year', direction: 'asc' },
    { section: 'movies', sort: 'title', direction: 'desc', filters: { unwatched: true } },
    { section: 'albums', sort: 'added', direction: 'desc' },
  ])('lets keyset paging go on forward and backward from where it landed: %j', (raw) => {
    const ids = walked(raw);
    const at = Math.floor(ids.length / 3);
    const landed = libraryPage(db, request({ ...raw, limit: 50, at }), links);
    const forward = libraryPage(db, request({ ...raw, limit: 50, after: landed.next }), links);
    expect(idsOf(forward)).toEqual(ids.slice(at + 50, at + 100));
    // Backward: the same listing in the opposite direction, from the landed page's first item.
    let back = libraryPage(db, request({ ...raw, direction: opposite(raw.direction), limit: 200, after: landed.prev }), links);
    const before = [...idsOf(back)];
    while (back.next !== null) {
      back = libraryPage(db, request({ ...raw, direction: opposite(raw.direction), limit: 200, after: back.next }), links);
      before.push(...idsOf(back));
    }
    expect(before.reverse()).toEqual(ids.slice(0, at));
  });

  it('lands where the listing is now after a write, by this connection or by another one', () => {
    const raw = { section: 'movies', sort: 'year', direction: 'asc', filters: { unwatched: true } };
    const at = 5_000;
    const pageAt = () => idsOf(libraryPage(db, request({ ...raw, limit: 100, at }), links));
    expect(pageAt()).toEqual(walked(raw).slice(at, at + 100));
    // Forty unwatched movies from before the page leave the listing by this connection's write …
    const leaving = walked(raw).slice(1_000, 1_040);
    const marks = (watched: number) => `UPDATE items SET watched = ${watched} WHERE id IN (${leaving.map(() => '?').join(', ')})`;
    db.prepare(marks(1)).run(...leaving);
    expect(pageAt()).toEqual(walked(raw).slice(at + 40, at + 140));
    // … and come back by another connection's (the library engine writes through its own).
    const other = new Database(path.join(temp.dir, 'library.db'));
    try {
      other.prepare(marks(0)).run(...leaving);
    } finally {
      other.close();
    }
    expect(pageAt()).toEqual(walked(raw).slice(at, at + 100));
  });

  it('is refused by the contract with a cursor too, or at a position that is no position', () => {
    const input = calls['library.page'].input;
    const cursor = encodeCursor({ section: 'movies', sort: 'title', direction: 'asc', key: 'm', id: bigId('x') });
    expect(input.safeParse({ section: 'movies', at: 200, after: cursor }).success).toBe(false);
    expect(input.safeParse({ section: 'albums', at: -1 }).success).toBe(false);
    expect(input.safeParse({ section: 'shows', at: 2.5 }).success).toBe(false);
    expect(input.safeParse({ section: 'artists', at: 1e12 }).success).toBe(false);
    expect(input.parse({ section: 'movies', at: 0 })).toMatchObject({ at: 0, after: null });
  });
});

/** Every page query a request can make: each section, sort and direction, first page and later, some filters. */
function everyPageQuery(): { label: string; request: LibraryPageRequest; after: { key: string | number; id: string } | null }[] {
  const out = [];
  const sorts: Record<string, string[]> = { movies: ['title', 'year', 'added', 'duration'], shows: ['title', 'added'], albums: ['title', 'added'], artists: ['title', 'added'] };
  const filterSets: MovieFilters[] = [{}, { unwatched: true }, { resolution: 'hd' }, { decade: 1980 }, { unwatched: true, resolution: 'uhd', decade: 2010 }, { genre: 'Drama', decade: 1990 }];
  for (const [section, list] of Object.entries(sorts)) {
    for (const sort of list) {
      for (const direction of ['asc', 'desc']) {
        for (const filters of section === 'movies' ? filterSets : [{}]) {
          const req = request({ section, sort, direction, ...(section === 'movies' ? { filters } : {}) });
          for (const after of [null, { key: sort === 'title' ? 'm' : 1990, id: bigId('x') }]) {
            out.push({ label: `${section} ${sort} ${direction} ${JSON.stringify(filters)} ${after ? 'later' : 'first'}`, request: req, after });
          }
        }
      }
    }
  }
  return out;
}

/** The statements a page runs: the page itself, and the steps a jump counts along (page-positions.ts). */
function queriesOf(req: LibraryPageRequest, after: { key: string | number; id: string } | null): { sql: string; params: Record<string, unknown> }[] {
  const page = buildPageQuery(req, after);
  const listing = listingOf(req);
  const from = after ? { fromKey: after.key, fromId: after.id } : {};
  return [page, ...(after ? (['at', 'after'] as const) : [null]).map((bound) => ({ sql: buildStepQuery(listing, req.direction, bound), params: { ...listing.params, ...from, skip: 255 } }))];
}

describe('the page queries', () => {
  it('each seek an index in sort order, pages and the steps of a jump: no scan of items, no sort in a temporary B-tree', () => {
    for (const { label, request: req, after } of everyPageQuery()) for (const { sql, params } of queriesOf(req, after)) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
      const summary = `${label}: ${plan.join(' | ')}`;
      expect(plan.some((line) => /USING (COVERING )?INDEX (items|shows|albums|artists)_by_/.test(line)), summary).toBe(true);
      expect(plan.filter((line) => /^SCAN/.test(line) && !/USING (COVERING )?INDEX/.test(line)), summary).toEqual([]);
      expect(plan.filter((line) => /TEMP B-TREE/.test(line)), summary).toEqual([]);
      // Items are only ever searched (by kind, part group, show, album or artist), never walked whole.
      expect(plan.filter((line) => /^SCAN (items|g|e|p)\b/.test(line) && req.section === 'movies'), summary).toEqual([]);
      // From a cursor, the seek starts at the cursor, not at the start of a decade before it.
      if (after) expect(plan.some((line) => /\(sort_\w+,id\)[<>]/.test(line)), summary).toBe(true);
    }
  });
});

describe('a page of one genre', () => {
  const plan = (req: LibraryPageRequest, genre: GenrePlan, after: { key: string | number; id: string } | null) => {
    const { sql, params } = buildPageQuery(req, after, genre);
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
  };
  const each = (check: (lines: string[], summary: string) => void, genre: GenrePlan) => {
    for (const sort of ['title', 'year', 'added', 'duration']) {
      for (const after of [null, { key: sort === 'title' ? 'm' : 1990, id: bigId('x') }]) {
        const lines = plan(request({ section: 'movies', sort, direction: 'desc', filters: { genre: 'Western', unwatched: true } }), genre, after);
        check(lines, `${sort} ${after ? 'later' : 'first'}: ${lines.join(' | ')}`);
      }
    }
  };

  it('is read by the plan that suits the genre’s size: probed when common, listed when middling, read when rare', () => {
    const planOf = (genre: string, limit = 200) => genrePlan(db, request({ section: 'movies', limit, filters: { genre } }));
    expect([planOf('Drama'), planOf('film-noir'), planOf('Western'), planOf('Nonexistent')]).toEqual(['probe', 'list', 'read', 'read']);
    expect(planOf('Film-Noir', 20)).toBe('probe'); // a small page fills sooner, so a walk meets fewer movies
    expect(genrePlan(db, request({ section: 'movies' }))).toBe('probe');
  });

  it('walks the sort’s index when probed or listed, the list built once from the genre index', () => {
    for (const genre of ['probe', 'list'] as const) {
      each((lines, summary) => {
        expect(lines.some((line) => /USING (COVERING )?INDEX items_by_/.test(line)), summary).toBe(true);
        expect(lines.filter((line) => /TEMP B-TREE/.test(line)), summary).toEqual([]);
        if (genre === 'list') expect(lines.some((line) => /^LIST SUBQUERY/.test(line)) && lines.some((line) => /item_genres_by_genre/.test(line)), summary).toBe(true);
      }, genre);
    }
  });

  it('reads a rare genre’s movies through the genre index, walking no index of items', () => {
    each((lines, summary) => {
      expect(lines.some((line) => /SEARCH x USING COVERING INDEX item_genres_by_genre \(genre=\?\)/.test(line)), summary).toBe(true);
      expect(lines.some((line) => /SEARCH g USING INTEGER PRIMARY KEY \(rowid=\?\)/.test(line)), summary).toBe(true);
      expect(lines.filter((line) => /^SCAN/.test(line)), summary).toEqual([]);
    }, 'read');
  });
});

describe('a page cursor', () => {
  const movies = (after: string) => () => libraryPage(db, request({ section: 'movies', sort: 'year', after }), links);
  const refusal = expect.objectContaining({ name: 'AppError', code: 'bad-request' });
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

  it.each([
    ['not base64 JSON', b64('{nope')],
    ['JSON of the wrong shape', b64('{"key":1}')],
    ['a number where a title is', b64(JSON.stringify(['movies', 'year', 'asc', 'x', bigId('x')]))],
    ['an id that is no id', b64(JSON.stringify(['movies', 'year', 'asc', 1990, "x' OR 1=1 --"]))],
    ['another sort', encodeCursor({ section: 'movies', sort: 'title', direction: 'asc', key: 'a', id: bigId('x') })],
    ['another direction', encodeCursor({ section: 'movies', sort: 'year', direction: 'desc', key: 1990, id: bigId('x') })],
    ['another section', encodeCursor({ section: 'albums', sort: 'year', direction: 'asc', key: 1990, id: bigId('x') })],
    ['an unknown sort', encodeCursor({ section: 'movies', sort: 'rowid', direction: 'asc', key: 1, id: bigId('x') })],
  ])('is refused as a bad request when it is %s', (_what, cursor) => {
    expect(movies(cursor)).toThrow(refusal);
  });

  it('is refused by the contract when it is not base64url, and binds a hostile title as a value only', () => {
    expect(calls['library.page'].input.safeParse({ section: 'movies', after: "'; DROP TABLE items; --" }).success).toBe(false);
    const hostile = encodeCursor({ section: 'movies', sort: 'title', direction: 'asc', key: "') OR 1=1; DROP TABLE items; --", id: bigId('x') });
    const page = libraryPage(db, request({ section: 'movies', sort: 'title', after: hostile }), links);
    expect(page.items.length).toBeGreaterThan(0);
    expect(libraryCounts(db).movies).toBe(big.movies.length);
  });
});

describe('library.detail', () => {
  const detail = (kind: 'item' | 'show' | 'album' | 'artist', id: string) => calls['library.detail'].output.parse(libraryDetail(db, { kind, id }, links));

  it('gives a movie in parts with each file, the size of both, and its extras', () => {
    const found = detail('item', big.split.id);
    expect(found).toMatchObject({ kind: 'movie', movie: { id: big.split.id, parts: 2, durationSec: 6000 } });
    if (found.kind !== 'movie') return;
    expect(found.file).toEqual({ mime: 'video/mp4', size: 3000, parts: [{ number: 1, durationSec: 3000, size: 1000 }, { number: 2, durationSec: 3000, size: 2000 }] });
    expect(found.movie.extras.map((e) => [e.title, e.type])).toEqual([['Making of', 'featurette'], ['Split Movie', 'trailer']]);
    expect(detail('item', big.movies[0]!.id)).toMatchObject({ kind: 'movie', movie: { extras: [], parts: 1 }, file: { parts: [] } });
  });

  it('gives an episode with its show, and a show with its seasons and episodes in order with watched state', () => {
    const show = big.shows[0]!;
    expect(detail('item', bigId('show 0 episode 0'))).toMatchObject({ kind: 'episode', episode: { season: 3, episode: 20 }, show: { id: show.id, title: show.title } });
    const found = detail('show', show.id);
    if (found.kind !== 'show') throw new Error('not a show');
    expect(found.show.seasons.map((s) => s.season)).toEqual([1, 2, 3]);
    expect(found.show.seasons[0]!.episodes.map((e) => e.episode)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(found.show.seasons.map((s) => s.episodes.every((e) => e.watched))).toEqual([true, false, false]);
  });

  it('gives an album with its tracks by disc and number, a track with its album, and an artist with the albums it is on', () => {
    const album = big.albums[0]!;
    const found = detail('album', album.id);
    if (found.kind !== 'album') throw new Error('not an album');
    expect(found.album).toMatchObject({ id: album.id, title: album.title, trackCount: 15, year: 1990 });
    expect(found.album.discs.map((d) => [d.disc, d.tracks.map((t) => t.trackNo)])).toEqual([
      [1, [1, 2, 3, 4, 5, 6, 7]],
      [2, [8, 9, 10, 11, 12, 13, 14, 15]],
    ]);
    expect(detail('item', bigId('album 0 track 3'))).toMatchObject({ kind: 'track', track: { trackNo: 12, discNo: 2 }, album: { id: album.id } });
    const artist = detail('artist', big.artists[1]!.id);
    if (artist.kind !== 'artist') throw new Error('not an artist');
    const expected = [0, 1, 1000, 1001].map((a) => big.albums[a]!);
    expect(artist.albums.map((a) => a.id).sort()).toEqual(expected.map((a) => a.id).sort());
    expect(artist.artist).toMatchObject({ name: big.artists[1]!.name, albumCount: 4 });
  });

  it('says not-found for an id that is not there, or of another kind', () => {
    const notFound = expect.objectContaining({ name: 'AppError', code: 'not-found' });
    expect(() => libraryDetail(db, { kind: 'item', id: bigId('nothing') }, links)).toThrow(notFound);
    expect(() => libraryDetail(db, { kind: 'show', id: big.movies[0]!.id }, links)).toThrow(notFound);
    expect(() => libraryDetail(db, { kind: 'album', id: big.shows[0]!.id }, links)).toThrow(notFound);
    expect(() => libraryDetail(db, { kind: 'artist', id: big.albums[0]!.id }, links)).toThrow(notFound);
  });
});

describe("Home, the library's status and the next episode over 100,000 items", () => {
  beforeAll(() => {
    // Played lately: resume points on 100 movies, then the first season of 100 shows, one show after another.
    const resume = db.prepare('UPDATE items SET resume_sec = 30, state_at = ? WHERE id = ?');
    const seasonOne = db.prepare('UPDATE items SET state_at = ? WHERE show_id = ? AND season = 1');
    db.transaction(() => {
      big.movies.slice(0, 100).forEach((m, i) => resume.run(2_000 + i, m.id));
      big.shows.slice(0, 100).forEach((s, i) => seasonOne.run(1_000 + i, s.id));
    })();
  });

  it('fills each shelf to 24, in its order', () => {
    const home = calls['library.home'].output.parse(homeShelves(db, links));
    const ids = (entries: ShelfEntry[]) => entries.map((e) => (e.kind === 'movie' ? e.movie.id : e.episode.id));
    expect(ids(home.continueWatching)).toEqual(big.movies.slice(76, 100).map((m) => m.id).reverse());
    // Each show's first season is watched: the first episode of the second is next. (Episode 20 - e % 20 of season 3 - e / 20.)
    expect(ids(home.upNext)).toEqual(big.shows.slice(76, 100).map((_, i) => bigId(`show ${99 - i} episode 39`)));
    expect(ids(home.recentlyAdded.movies)).toEqual(expectedOrder(big.movies, MOVIE_KEYS.added!, 'desc').slice(0, 24));
    expect(home.recentlyAdded.episodes).toHaveLength(24);
    expect(home.recentlyAdded.albums.map((a) => a.id)).toEqual(expectedOrder(big.albums, (a) => a.addedAt, 'desc').slice(0, 24));
  });

  /** Every statement `run` executes, with its arguments, on a connection of its own. */
  function statementsOf(run: (traced: WritableDB) => void): { sql: string; args: unknown[] }[] {
    const raw = new Database(path.join(temp.dir, 'library.db'));
    const seen: { sql: string; args: unknown[] }[] = [];
    const prepare = raw.prepare.bind(raw);
    raw.prepare = ((sql: string) => {
      const statement = prepare(sql);
      const traced: Statement = new Proxy(statement, {
        get(target, key) {
          const value = Reflect.get(target, key, target) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            if (['all', 'get', 'run', 'iterate'].includes(String(key))) seen.push({ sql, args });
            const out = (value as (...a: unknown[]) => unknown).apply(target, args);
            return out === target ? traced : out;
          };
        },
      });
      return traced;
    }) as typeof raw.prepare;
    try {
      raw.exec('BEGIN');
      run(raw as unknown as WritableDB);
      raw.exec('ROLLBACK');
      return seen.map(({ sql, args }) => ({ sql, args }));
    } finally {
      raw.close();
    }
  }

  it('reads every shelf, the status, unreadable files, a next episode and a watched mark through indexes: no walk of every item', () => {
    const statements = statementsOf((traced) => {
      homeShelves(traced, links);
      listFolders(traced);
      unparseableCount(traced);
      unparseablePage(traced, UnparseableRequest.parse({}));
      unparseablePage(traced, UnparseableRequest.parse({ folderId: big.folderId }));
      libraryDetail(traced, { kind: 'item', id: bigId('show 7 episode 25') }, links);
      setWatched(traced, { kind: 'show', id: big.shows[7]!.id, watched: true }, 5_000);
      setWatched(traced, { kind: 'item', id: big.movies[7]!.id, watched: false }, 5_000);
    });
    expect(statements.length).toBeGreaterThan(15);
    for (const { sql, args } of statements) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
      const summary = `${sql}\n  ${plan.join('\n  ')}`;
      // Items (under any alias; `g` is the albums of Recently added too) are only searched, or walked in a
      // shelf's order until the shelf is full.
      const walks = plan.filter((line) => /^SCAN (items|g|n|w|r|p|e|t|c)\b/.test(line));
      expect(walks.filter((line) => !/USING (COVERING )?INDEX (items_by_added|items_resume|albums_by_added)\b/.test(line)), summary).toEqual([]);
    }
  });

  it("gives an episode's next through the show's order", () => {
    const next = (id: string) => {
      const found = libraryDetail(db, { kind: 'item', id }, links);
      return found.kind === 'episode' ? found.next : 'not an episode';
    };
    // Inserted S3E20 first: episode e is S(3 - e / 20)E(20 - e % 20).
    expect(next(bigId('show 3 episode 39'))).toEqual({ id: bigId('show 3 episode 38'), season: 2, episode: 2, title: 'Episode 2' });
    expect(next(bigId('show 3 episode 20'))).toEqual({ id: bigId('show 3 episode 19'), season: 3, episode: 1, title: 'Episode 1' });
    expect(next(bigId('show 3 episode 0'))).toBeNull();
  });
});
