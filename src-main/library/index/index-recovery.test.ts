import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibrarySnapshot } from '../../contract/index.js';
import { generateDemoLibrary, openLibrary } from '../index.js';
import { inUseMarkerPath } from '../../sqlite/index.js';
import { salvageIndex } from './salvage.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { testLibraryOptions } from '../test-support/library-options.js';

let temp: ReturnType<typeof makeTempDir>;
let media: string;
let runs = 0;

beforeAll(async () => {
  temp = makeTempDir();
  media = path.join(temp.dir, 'demo');
  await generateDemoLibrary(media);
});
afterAll(() => temp.cleanup());

interface Before {
  dataDir: string;
  file: string;
  folders: string[];
  watchedMovie: string;
  resumedEpisode: string;
}

/** A scanned demo library with one movie watched and one episode half-way, closed cleanly. */
async function usedLibrary(): Promise<Before> {
  const dataDir = path.join(temp.dir, `data-${++runs}`);
  const lib = openLibrary(testLibraryOptions(dataDir));
  const folders = [lib.addFolder(path.join(media, 'Movies'), 'movies').id, lib.addFolder(path.join(media, 'Shows'), 'shows').id];
  await lib.scan();
  const snap = lib.snapshot();
  const watchedMovie = snap.movies[0]!.id;
  const resumedEpisode = snap.shows[0]!.seasons[0]!.episodes[0]!.id;
  lib.saveProgress(watchedMovie, 6);
  lib.saveProgress(resumedEpisode, 2);
  // The demo's episodes are 5 s long, below the resume threshold: set the position directly.
  const raw = new Database(path.join(dataDir, 'library.db'));
  raw.prepare('UPDATE items SET resume_sec = 2.5, state_at = 1 WHERE id = ?').run(resumedEpisode);
  raw.close();
  lib.close();
  return { dataDir, file: path.join(dataDir, 'library.db'), folders, watchedMovie, resumedEpisode };
}

/** Appends rows (unreadable files, gone at the next scan) so the file's last pages hold data. */
function grownAfterItsSchema(file: string, folderId: string): void {
  const raw = new Database(file);
  const insert = raw.prepare("INSERT INTO unparseable (folder_id, rel_path, reason, size, mtime_ms) VALUES (?, ?, 'the file is empty (0 bytes)', 0, 0)");
  raw.transaction(() => {
    for (let i = 0; i < 400; i++) insert.run(folderId, `Broken download ${i} ${'x'.repeat(60)}.mkv`);
  })();
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
}

/** Opens the damaged library, rescans it as the host does after a rebuild, and returns what the user sees. */
async function reopenAndRescan(dataDir: string): Promise<{ snap: LibrarySnapshot; recovery: unknown }> {
  const lib = openLibrary(testLibraryOptions(dataDir));
  const recovery = lib.recovery;
  if (recovery) expect(lib.snapshot().recovery).toMatchObject({ kept: 0, restoring: true });
  await lib.scan();
  const snap = LibrarySnapshot.parse(lib.snapshot());
  lib.close();
  return { snap, recovery };
}

const quarantined = (dataDir: string): string[] => fs.readdirSync(dataDir).filter((name) => /^library\.db\.corrupt-\d{8}T\d{6}Z$/.test(name));

function pageOf(file: string, sql: string): { page: number; size: number } {
  const db = new Database(file, { readonly: true });
  const page = (db.prepare(sql).get() as { p: number }).p;
  const size = db.pragma('page_size', { simple: true }) as number;
  db.close();
  return { page, size };
}

describe('a damaged library index', () => {
  it('of garbage bytes is quarantined and rebuilt from the last backup, keeping watched state', async () => {
    const before = await usedLibrary();
    // What a migration leaves behind (db.ts backupBeforeMigrating), then the index itself is overwritten.
    const db = new Database(before.file);
    db.prepare('VACUUM INTO ?').run(`${before.file}.v4.bak`);
    db.close();
    fs.writeFileSync(before.file, Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + 13) % 251)));

    const { snap, recovery } = await reopenAndRescan(before.dataDir);
    expect(recovery).toMatchObject({ foldersRestored: 2, statesSalvaged: 2 });
    expect(quarantined(before.dataDir)).toHaveLength(1);
    expect(snap.folders.map((f) => f.id)).toEqual(before.folders);
    expect(snap.movies.find((m) => m.id === before.watchedMovie)?.watched).toBe(true);
    expect(snap.shows[0]!.seasons[0]!.episodes.find((e) => e.id === before.resumedEpisode)?.resumeSec).toBe(2.5);
    expect(snap.recovery).toEqual({ damagedCopy: quarantined(before.dataDir)[0], folders: 2, kept: 2, salvaged: 2, restoring: false });
  });

  it('truncated in the middle of a page is quarantined and rebuilt with its folders and watched state', async () => {
    const before = await usedLibrary();
    // A library in use has grown after its schema was made, so its file ends in data pages. (A fresh one may
    // end in a page of the schema itself, and a file that loses that page opens as nothing at all: only the
    // copy made before a migration could bring its folders back.)
    grownAfterItsSchema(before.file, before.folders[0]!);
    const size = fs.statSync(before.file).size;
    fs.truncateSync(before.file, size - 1500);

    const { snap, recovery } = await reopenAndRescan(before.dataDir);
    expect(recovery).not.toBeNull();
    expect(quarantined(before.dataDir)).toHaveLength(1);
    expect(fs.statSync(path.join(before.dataDir, quarantined(before.dataDir)[0]!)).size).toBe(size - 1500);
    expect(snap.folders.map((f) => f.id)).toEqual(before.folders);
    expect(snap.movies).toHaveLength(2);
    expect(snap.movies.find((m) => m.id === before.watchedMovie)?.watched).toBe(true);
    expect(snap.recovery).toMatchObject({ kept: 2, salvaged: 2 });
  });

  it('with a page overwritten by zeros is found after an unclean shutdown, and rebuilt keeping what reads', async () => {
    const before = await usedLibrary();
    const { page, size } = pageOf(before.file, "SELECT rootpage AS p FROM sqlite_master WHERE name = 'items_size'");
    const fd = fs.openSync(before.file, 'r+');
    fs.writeSync(fd, Buffer.alloc(size), 0, size, (page - 1) * size);
    fs.closeSync(fd);
    // A crash left the session's marker: the next start runs the full check (index-health.ts).
    fs.writeFileSync(inUseMarkerPath(before.file), '');

    const { snap, recovery } = await reopenAndRescan(before.dataDir);
    expect(recovery).toMatchObject({ foldersRestored: 2, statesSalvaged: 2 });
    expect(quarantined(before.dataDir)).toHaveLength(1);
    expect(snap.folders.map((f) => f.id)).toEqual(before.folders);
    expect(snap.movies.find((m) => m.id === before.watchedMovie)?.watched).toBe(true);
    expect(snap.recovery).toMatchObject({ kept: 2, salvaged: 2 });
    // Closed cleanly this time: the next start is neither checked in full nor rebuilt.
    expect(fs.existsSync(inUseMarkerPath(before.file))).toBe(false);
    const again = openLibrary(testLibraryOptions(before.dataDir));
    expect(again.recovery).toBeNull();
    again.close();
  });

  it('of garbage bytes with no backup becomes a new, working, empty index', async () => {
    const before = await usedLibrary();
    fs.writeFileSync(before.file, 'not a database '.repeat(1000));
    const lib = openLibrary(testLibraryOptions(before.dataDir));
    expect(lib.recovery).toMatchObject({ foldersRestored: 0, statesSalvaged: 0 });
    expect(lib.snapshot()).toMatchObject({ folders: [], movies: [], recovery: { folders: 0, kept: 0, salvaged: 0 } });
    lib.addFolder(path.join(media, 'Movies'), 'movies');
    await lib.scan();
    expect(lib.snapshot().movies).toHaveLength(2);
    lib.close();
    expect(quarantined(before.dataDir)).toHaveLength(1);
  });

  it('is not rebuilt when healthy, even after an unclean shutdown', async () => {
    const before = await usedLibrary();
    fs.writeFileSync(inUseMarkerPath(before.file), '');
    const lib = openLibrary(testLibraryOptions(before.dataDir));
    expect(lib.recovery).toBeNull();
    expect(lib.snapshot().recovery).toBeNull();
    lib.close();
    expect(quarantined(before.dataDir)).toEqual([]);
  });
});

describe('salvaging rows from a damaged index', () => {
  it('reads the rows on either side of a zeroed table page', () => {
    const file = path.join(temp.dir, 'many.db');
    const db = new Database(file);
    db.exec('CREATE TABLE folders (id TEXT, path TEXT, kind TEXT); CREATE TABLE items (id TEXT, folder_id TEXT, rel_path TEXT, size INTEGER, watched INTEGER)');
    db.prepare("INSERT INTO folders VALUES ('F', '/media', 'movies')").run();
    const insert = db.prepare("INSERT INTO items VALUES (?, 'F', ?, 1, 1)");
    db.transaction(() => {
      for (let i = 1; i <= 3000; i++) insert.run(`item-${i}`, `Movie ${i} (2001)/Movie ${i} (2001) with a longer name.mkv`);
    })();
    // A leaf page in the middle of the items table.
    const leaf = (db.prepare("SELECT pageno AS p FROM dbstat WHERE name = 'items' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 20").get() as { p: number }).p;
    const size = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(size), 0, size, (leaf - 1) * size);
    fs.closeSync(fd);

    const salvage = salvageIndex(file);
    expect(salvage.folders).toEqual([{ id: 'F', path: '/media', kind: 'movies' }]);
    expect(salvage.items.length).toBeGreaterThan(2800);
    expect(salvage.items.length).toBeLessThan(3000);
    expect(salvage.items.at(-1)).toMatchObject({ itemId: 'item-3000', folderPath: '/media', watched: true });
  });
});
