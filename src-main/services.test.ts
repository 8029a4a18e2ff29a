import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from './library/index.js';
import { makeClip } from './library/test-support/clips.js';
import { testLibraryOptions } from './library/test-support/library-options.js';
import { ManualClock } from './ports.js';
import { createServices } from './services.js';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-services-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function until(cond: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('starting on a damaged library index', () => {
  it('rebuilds it, rescans the folders it could read, and hands the watched marks back', async () => {
    const dataDir = path.join(tmp, 'data');
    makeClip(path.join(tmp, 'lib', 'Night Train (1998).mp4'), 2);
    const before = openLibrary(testLibraryOptions(dataDir));
    before.addFolder(path.join(tmp, 'lib'), 'movies');
    await before.scan();
    const movieId = before.snapshot().movies[0]!.id;
    before.saveProgress(movieId, 2);
    before.close();
    // A backup from an earlier migration survives; the index itself is overwritten.
    const file = path.join(dataDir, 'library.db');
    const db = new Database(file);
    db.prepare('VACUUM INTO ?').run(`${file}.v4.bak`);
    db.close();
    fs.writeFileSync(file, 'this is not a database'.repeat(500));

    const services = createServices({
      dataDir,
      host: 'web',
      appVersion: '0.1.0',
      telemetry: { endpoint: null, cliOff: false, env: {}, policyPath: null, clock: new ManualClock(), fetch: async () => Promise.reject(new Error('no network in tests')) },
    });
    try {
      await until(() => services.library.snapshot().recovery?.restoring === false);
      const snap = services.library.snapshot();
      expect(snap.recovery).toMatchObject({ kept: 1, salvaged: 1 });
      expect(snap.recovery!.damagedCopy).toMatch(/^library\.db\.corrupt-/);
      expect(snap.movies).toEqual([expect.objectContaining({ id: movieId, watched: true })]);
    } finally {
      await services.close();
    }
  });
});
