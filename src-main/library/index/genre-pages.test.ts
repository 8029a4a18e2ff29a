import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, LibraryPageRequest, type LibraryPageRequest as PageRequest } from '../../contract/index.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { movieRecord } from '../test-support/records.js';
import { openIndexDatabase, type WritableDB } from './db.js';
import { insertFolder } from './folder-rows.js';
import type { ItemRecord } from './item-record.js';
import { forgetPath, upsertItem } from './item-writes.js';
import { libraryDetail } from './library-detail.js';
import { libraryCounts, libraryPage } from './library-pages.js';
import { genrePlan } from './page-queries.js';

/**
 * The genre filter and the genre counts (migration 012) against a model of what was written, through the
 * writes a scan and the watcher make: movies inserted, read again with other genres, removed, and a movie in
 * parts losing its first part (so its second part's genres become the movie's).
 */

const links = { art: () => null, thumb: () => null };
/** Genres of very different sizes, so pages of every plan are read (see `genrePlan`). */
const POOL = ['Drama', 'Comedy', 'Crime', 'Western', 'Film-Noir', 'Anime'];

interface ModelMovie {
  id: string;
  relPath: string;
  title: string;
  year: number | null;
  durationSec: number | null;
  addedAt: number;
  genres: string[];
  extra: boolean;
  part: { number: number; group: string } | null;
}

let temp: ReturnType<typeof makeTempDir>;
let db: WritableDB;
let folderId: string;
const model = new Map<string, ModelMovie>();
let seed = 5;
const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;

/** One to three genres, Drama for about half, the rare ones for few; sometimes none, sometimes a case variant. */
function someGenres(): string[] {
  const roll = next(100);
  if (roll < 10) return [];
  const genres = [roll < 55 ? (roll % 2 ? 'Drama' : 'drama') : POOL[1 + (roll % 3)]!];
  if (next(100) < 3) genres.push('Film-Noir');
  if (next(100) < 40) genres.push(POOL[1 + next(3)]!);
  return [...new Map(genres.map((g) => [g.toLowerCase(), g])).values()];
}

function write(record: ItemRecord, now: number, extra = false): void {
  const id = upsertItem(db, folderId, record, now);
  const before = model.get(record.relPath);
  model.set(record.relPath, {
    id,
    relPath: record.relPath,
    title: record.title,
    year: record.year,
    durationSec: record.durationSec,
    addedAt: before?.addedAt ?? now,
    genres: [...(record.genres ?? [])],
    extra,
    part: record.part ?? null,
  });
}

function movie(i: number, now: number): void {
  const title = `${['night', 'Harbour', 'paper', 'Moon'][i % 4]} ${i % 37}`;
  write(movieRecord(title, i % 9 === 0 ? null : 1950 + (i % 70), { relPath: `m/${i}.mkv`, durationSec: i % 11 === 0 ? null : 3000 + (i % 50), genres: someGenres() }), now);
}

/** The movies a listing shows: no extras, a movie in parts once, by its first part. */
function listed(): ModelMovie[] {
  const all = [...model.values()].filter((m) => !m.extra);
  const first = (m: ModelMovie) =>
    all.filter((o) => o.part?.group === m.part!.group).every((o) => o.part!.number > m.part!.number || (o.part!.number === m.part!.number && o.relPath >= m.relPath));
  return all.filter((m) => m.part === null || first(m));
}

const lowerAscii = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
const KEYS: Record<string, (m: ModelMovie) => string | number> = {
  title: (m) => lowerAscii(m.title),
  year: (m) => m.year ?? 0,
  added: (m) => m.addedAt,
  duration: (m) => m.durationSec ?? 0,
};

function expectedIds(genre: string, sort: string, direction: 'asc' | 'desc'): string[] {
  const sign = direction === 'asc' ? 1 : -1;
  const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
  const key = KEYS[sort]!;
  return listed()
    .filter((m) => m.genres.some((g) => lowerAscii(g) === lowerAscii(genre)))
    .sort((a, b) => sign * (cmp(key(a), key(b)) || cmp(a.id, b.id)))
    .map((m) => m.id);
}

function walk(raw: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (let after: string | null = null; ; ) {
    const page = libraryPage(db, LibraryPageRequest.parse({ ...raw, section: 'movies', limit: 20, after }), links);
    ids.push(...page.items.map((item) => item.id));
    if (page.next === null) return ids;
    after = page.next;
  }
}

function expectedCounts(): { genre: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of listed()) for (const g of m.genres) counts.set(lowerAscii(g), (counts.get(lowerAscii(g)) ?? 0) + 1);
  return [...counts].map(([genre, count]) => ({ genre, count })).sort((a, b) => cmp(a.genre, b.genre));
}
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every genre's pages by every sort, both ways, and the counts, against the model. */
function expectAgreement(): void {
  for (const genre of [...POOL, 'DRAMA', 'Nobody']) {
    for (const sort of ['title', 'year', 'added', 'duration']) {
      for (const direction of ['asc', 'desc'] as const) {
        expect(walk({ sort, direction, filters: { genre } }), `${genre} ${sort} ${direction}`).toEqual(expectedIds(genre, sort, direction));
      }
    }
  }
  const counts = calls['library.counts'].output.parse(libraryCounts(db)).movieFilters.genres;
  expect(counts.map((g) => ({ genre: lowerAscii(g.genre), count: g.count }))).toEqual(expectedCounts());
}

const plans = () => POOL.map((genre) => genrePlan(db, { section: 'movies', sort: 'title', direction: 'asc', limit: 20, after: null, filters: { genre } } as PageRequest));

beforeAll(() => {
  temp = makeTempDir();
  db = openIndexDatabase(path.join(temp.dir, 'library.db'));
  folderId = insertFolder(db, '/media', 'movies', 0).id;
  db.transaction(() => {
    for (let i = 0; i < 500; i++) movie(i, 1_000 + (i % 40));
  })();
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

describe('genre pages and counts as the library changes', () => {
  it('agree with the movies written, whichever plan reads a genre’s pages', () => {
    expect(new Set(plans())).toEqual(new Set(['probe', 'list', 'read']));
    expectAgreement();
  });

  it('agree after movies are read again with other genres (or none), removed, and added', () => {
    db.transaction(() => {
      for (let i = 0; i < 500; i += 3) movie(i, 5_000); // read again: other genres (or none), the same id and date added
      for (let i = 1; i < 500; i += 7) {
        forgetPath(db, folderId, `m/${i}.mkv`);
        model.delete(`m/${i}.mkv`);
      }
      for (let i = 500; i < 560; i++) movie(i, 6_000);
    })();
    expectAgreement();
  });

  it('agree for a movie in parts and an extra, whose own genres are not counted, until the first part goes', () => {
    const group = 'm\u0000split\u00002001';
    write(movieRecord('Split', 2001, { relPath: 'm/split cd1.mkv', part: { number: 1, group }, genres: ['Western'] }), 7_000);
    write(movieRecord('Split', 2001, { relPath: 'm/split cd2.mkv', part: { number: 2, group }, genres: ['Anime', 'Western'] }), 7_000);
    write(movieRecord('Split', null, { relPath: 'm/Split-trailer.mkv', extra: { type: 'trailer', owner: 'Split' }, genres: ['Anime', 'Crime'] }), 7_000, true);
    expectAgreement();
    const first = model.get('m/split cd1.mkv')!;
    const detail = libraryDetail(db, { kind: 'item', id: first.id }, links);
    expect(detail.kind === 'movie' && detail.movie.genres).toEqual(['Western']);
    forgetPath(db, folderId, 'm/split cd1.mkv');
    model.delete('m/split cd1.mkv');
    expectAgreement();
    const second = libraryDetail(db, { kind: 'item', id: model.get('m/split cd2.mkv')!.id }, links);
    expect(second.kind === 'movie' && second.movie.genres).toEqual(['Anime', 'Western']);
  });

  it('agree once every movie with genres is gone, with no genre left to list', () => {
    db.transaction(() => {
      for (const m of [...model.values()]) {
        forgetPath(db, folderId, m.relPath);
        model.delete(m.relPath);
      }
    })();
    expectAgreement();
    expect(db.prepare('SELECT count(*) AS n FROM genre_counts').get()).toEqual({ n: 0 });
  });
});
