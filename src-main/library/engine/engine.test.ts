import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMp4 } from '../../test-support/media.js';
import { openLibrary } from '../index.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { testLibraryOptions } from '../test-support/library-options.js';

let temp: ReturnType<typeof makeTempDir>;
let seed: string;
let folders = 0;

beforeAll(() => {
  temp = makeTempDir();
  seed = path.join(temp.dir, 'seed.mp4');
  makeMp4(seed, 1);
});
afterAll(() => temp.cleanup());

/** A folder of `n` copies of one real movie, each under a name of its own. */
function movieFolder(n: number): string {
  const dir = path.join(temp.dir, `movies-${++folders}`);
  fs.mkdirSync(dir);
  for (let i = 0; i < n; i++) fs.copyFileSync(seed, path.join(dir, `Reel ${i} (2001).mp4`));
  return dir;
}

/** Reads the index through a connection of the test's own. */
function query<T>(dataDir: string, sql: string): T {
  const db = new Database(path.join(dataDir, 'library.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T;
  } finally {
    db.close();
  }
}
const itemCount = (dataDir: string): number => query<{ n: number }[]>(dataDir, 'SELECT count(*) AS n FROM items')[0]!.n;

/**
 * Blocks this thread, never yielding to its event loop, until `done()` or the bound: meanwhile only other
 * threads can make progress. The bound only keeps a failing test from hanging; nothing here is timed.
 */
function blockUntil(done: () => boolean, boundMs = 60_000): boolean {
  const nap = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + boundMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    Atomics.wait(nap, 0, 0, 25);
  }
  return true;
}

async function until(probe: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 30_000; !probe(); await new Promise((r) => setTimeout(r, 25))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

describe('the library engine thread', () => {
  it('scans a folder while the main thread never turns its event loop', async () => {
    const dataDir = path.join(temp.dir, 'data-blocked');
    const lib = openLibrary(testLibraryOptions(dataDir));
    lib.addFolder(movieFolder(12), 'movies');
    const scanning = lib.scan();
    // The walk, the reads and every index write happen while this thread is blocked.
    expect(blockUntil(() => itemCount(dataDir) === 12)).toBe(true);
    expect(await scanning).toMatchObject({ added: 12, failed: [] });
    lib.close();
  });

  it('applies a change on disk while the main thread never turns its event loop', async () => {
    const dataDir = path.join(temp.dir, 'data-watch');
    const folder = movieFolder(3);
    const lib = openLibrary(testLibraryOptions(dataDir));
    lib.addFolder(folder, 'movies');
    let changes = 0;
    const stop = lib.watch(() => changes++);
    await lib.scan(); // the engine takes requests in order: the watcher is running once this answers
    const before = lib.snapshot().movies.find((m) => m.title === 'Reel 1')!;
    fs.renameSync(path.join(folder, 'Reel 1 (2001).mp4'), path.join(folder, 'Reel One (2002).mp4'));
    const renamed = (): boolean => query<{ id: string }[]>(dataDir, "SELECT id FROM items WHERE rel_path = 'Reel One (2002).mp4'")[0]?.id === before.id;
    expect(blockUntil(renamed)).toBe(true);
    await until(() => changes > 0, 'the change to reach the listeners');
    expect(lib.snapshot().movies.find((m) => m.id === before.id)).toMatchObject({ title: 'Reel One', year: 2002 });
    stop();
    lib.close();
  });

  it('leaves a consistent index when its process is killed mid-scan, and the next scan finishes it', async () => {
    const dataDir = path.join(temp.dir, 'data-killed');
    const folder = movieFolder(200);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../test-support/scan-until-killed.ts'), dataDir, folder], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // Past the first committed batch of writes (100 files), before the last.
      if (/parsed 1[1-9]\d\n/.test(output)) child.kill('SIGKILL');
    });
    await exited;
    expect(output).not.toContain('done');
    expect(query<{ integrity_check: string }[]>(dataDir, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const kept = query<{ id: string }[]>(dataDir, 'SELECT id FROM items').map((r) => r.id);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(200);

    const lib = openLibrary(testLibraryOptions(dataDir));
    expect(lib.recovery).toBeNull();
    const summary = await lib.scan();
    expect(summary).toMatchObject({ added: 200 - kept.length, unchanged: kept.length, failed: [] });
    const ids = new Set(lib.snapshot().movies.map((m) => m.id));
    expect(ids.size).toBe(200);
    for (const id of kept) expect(ids.has(id)).toBe(true);
    lib.close();
  }, 120_000);
});
