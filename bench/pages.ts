/**
 * `npm run bench:pages [-- --items 100000]`: what a grid pays for a page of `library.page` at 100,000 rows in
 * every listing (movies by each sort, alone and filtered; shows, albums and artists by each sort):
 *
 * - page: a keyset page of 100 from a cursor in the middle (what scrolling pays);
 * - offset: one `LIMIT 1 OFFSET n` step to the middle and to the end on the covering index, the plain way to
 *   find a position (shown for comparison: it is what a jump would cost on every jump without marks);
 * - first jump: a page of 100 `at` the middle, and at the last page, right after a write, when the listing's
 *   marks are counted again as far as the jump goes (page-positions.ts);
 * - jump: a page of 100 `at` the middle and at the last page, marks kept (what every later jump pays).
 *
 * Each figure is the median of a few runs, in ms. The index is built once (directly with SQL, ~3 minutes)
 * and kept in the temp folder for later runs. Writes bench/results/pages.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LibraryPageRequest, type MovieFilters } from '../src-main/contract/index.js';
import { openIndexDatabase, prepared, type WritableDB } from '../src-main/library/index/db.js';
import { libraryPage } from '../src-main/library/index/library-pages.js';
import { buildStepQuery, listingOf } from '../src-main/library/index/page-queries.js';
import { buildBigIndex } from '../src-main/library/test-support/big-index.js';
import { median, now, round } from './support/common.js';

const { values } = parseArgs({ options: { items: { type: 'string', default: '100000' } } });
const ROWS = Number(values.items);
const ROOT = path.resolve(import.meta.dirname, '..');
const FILE = path.join(os.tmpdir(), 'glasswing-bench-pages', `library-${ROWS}-v1.db`);
const RUNS = 5;
const PAGE = 100;
const links = { art: () => null, thumb: () => null };

/** Movies, shows, albums and artists, `ROWS` of each (one episode a show, one track an album). */
function openBenchIndex(): WritableDB {
  const fresh = !fs.existsSync(FILE);
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  const db = openIndexDatabase(FILE);
  if (fresh) {
    process.stdout.write(`building an index of ${ROWS.toLocaleString('en')} of each (once)…\n`);
    buildBigIndex(db, { movies: ROWS, shows: ROWS, episodesPerShow: 1, albums: ROWS, tracksPerAlbum: 1, artists: ROWS });
    db.exec('ANALYZE');
  }
  return db;
}

const timed = (run: () => unknown): number => {
  const start = now();
  run();
  return now() - start;
};
const medianOf = (run: () => unknown, before: () => void = () => {}): number =>
  median(
    Array.from({ length: RUNS }, () => {
      before();
      return timed(run);
    }),
  );

/** Every listing a grid shows: each sort, and for movies the filters alone and together. */
function listings(): { label: string; raw: Record<string, unknown> }[] {
  const filterSets: MovieFilters[] = [{}, { unwatched: true }, { resolution: 'hd' }, { decade: 1980 }, { unwatched: true, resolution: 'fhd' }];
  const movies = ['title', 'year', 'added', 'duration'].flatMap((sort) => [
    ...filterSets.map((filters) => ({ label: `movies ${sort} ${JSON.stringify(filters)}`, raw: { section: 'movies', sort, filters } })),
    { label: `movies ${sort} desc`, raw: { section: 'movies', sort, direction: 'desc' } },
  ]);
  const groups = ['shows', 'albums', 'artists'].flatMap((section) => ['title', 'added'].map((sort) => ({ label: `${section} ${sort}`, raw: { section, sort } })));
  return [...movies, ...groups];
}

interface Row {
  label: string;
  count: number;
  page: number;
  offsetMiddle: number;
  offsetEnd: number;
  firstJumpMiddle: number;
  firstJumpEnd: number;
  jumpMiddle: number;
  jumpEnd: number;
}

function measure(db: WritableDB, label: string, raw: Record<string, unknown>): Row {
  const request = (more: Record<string, unknown>) => LibraryPageRequest.parse({ ...raw, limit: PAGE, ...more });
  const listing = listingOf(request({}));
  const step = prepared(db, buildStepQuery(listing, 'asc', null));
  const count = (db.prepare(`SELECT count(*) AS n FROM (${buildStepQuery(listing, 'asc', null, -1)})`).get({ ...listing.params, skip: 0 }) as { n: number }).n;
  const middle = Math.floor(count / 2 / PAGE) * PAGE;
  const last = Math.floor((count - 1) / PAGE) * PAGE;
  const cursor = libraryPage(db, request({ at: middle - PAGE }), links).next;
  const at = (position: number) => () => libraryPage(db, request({ at: position }), links);
  // Any write drops every listing's marks (page-positions.ts): the next jump counts them again.
  const write = () => void db.prepare('UPDATE folders SET added_at = added_at').run();
  return {
    label,
    count,
    page: medianOf(() => libraryPage(db, request({ after: cursor }), links)),
    offsetMiddle: medianOf(() => step.get({ ...listing.params, skip: middle })),
    offsetEnd: medianOf(() => step.get({ ...listing.params, skip: count - 1 })),
    firstJumpMiddle: medianOf(at(middle), write),
    firstJumpEnd: medianOf(at(last), write),
    jumpMiddle: medianOf(at(middle)),
    jumpEnd: medianOf(at(last)),
  };
}

function report(rows: Row[]): void {
  const cell = (n: number) => String(round(n, 2)).padStart(8);
  const head = ['page', 'off mid', 'off end', '1st mid', '1st end', 'jump mid', 'jump end'].map((h) => h.padStart(8)).join(' ');
  process.stdout.write(`${'listing'.padEnd(52)} ${'rows'.padStart(7)} ${head}   (ms, median of ${RUNS})\n`);
  for (const r of rows) {
    const figures = [r.page, r.offsetMiddle, r.offsetEnd, r.firstJumpMiddle, r.firstJumpEnd, r.jumpMiddle, r.jumpEnd].map(cell).join(' ');
    process.stdout.write(`${r.label.padEnd(52)} ${String(r.count).padStart(7)} ${figures}\n`);
  }
  const worst = (pick: (r: Row) => number) => round(Math.max(...rows.map(pick)), 2);
  const figures = {
    page_max: { value: worst((r) => r.page), unit: 'ms', target: '< 10 ms at 100,000 rows' },
    offset_end_max: { value: worst((r) => r.offsetEnd), unit: 'ms' },
    first_jump_max: { value: worst((r) => Math.max(r.firstJumpMiddle, r.firstJumpEnd)), unit: 'ms' },
    jump_max: { value: worst((r) => Math.max(r.jumpMiddle, r.jumpEnd)), unit: 'ms', target: '< 10 ms at 100,000 rows' },
  };
  process.stdout.write(`worst: page ${figures.page_max.value} ms, jump ${figures.jump_max.value} ms, first jump after a write ${figures.first_jump_max.value} ms, one OFFSET to the end ${figures.offset_end_max.value} ms\n`);
  const out = path.join(ROOT, 'bench', 'results', 'pages.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ bench: 'pages', rows: ROWS, figures }, null, 2) + '\n');
}

function main(): void {
  const db = openBenchIndex();
  try {
    report(listings().map(({ label, raw }) => measure(db, label, raw)));
  } finally {
    db.close();
  }
}

main();
