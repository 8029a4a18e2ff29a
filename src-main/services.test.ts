import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from './library/index.js';
import { makeClip } from './library/test-support/clips.js';
import { testLibraryOptions } from './library/test-support/library-options.js';
import { ManualClock } from './ports.js';
import { CHROMIUM_CAPS, makeHevcMkv, probeJson } from './playback/test-support/fixtures.js';
import { createServices, type Services } from './services.js';

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

describe('the library and settings calls as both hosts serve them', () => {
  let services: Services;
  let movieId: string;
  let tallId: string;

  beforeAll(async () => {
    const media = path.join(tmp, 'calls-media');
    makeClip(path.join(media, 'Night Train (1998).mp4'), 2);
    // HEVC, which Chromium does not play: opening it transcodes.
    makeHevcMkv(path.join(media, 'Tall (2003).mkv'), 2, '1280x720');
    services = createServices({
      dataDir: path.join(tmp, 'calls-data'),
      host: 'web',
      appVersion: '0.1.0',
      telemetry: { endpoint: null, cliOff: false, env: {}, policyPath: null, clock: new ManualClock(), fetch: async () => Promise.reject(new Error('no network in tests')) },
    });
    await services.call('library.addFolder', { path: media, kind: 'movies' });
    await services.call('library.scan', {});
    const page = await services.api['library.page']({ section: 'movies' });
    const idOf = (title: string) => page.items.find((m) => 'title' in m && m.title === title)!.id;
    [movieId, tallId] = [idOf('Night Train'), idOf('Tall')];
  }, 120_000);
  afterAll(() => services.close());

  /** The onDidChangeLibrary events emitted while `call` runs. */
  async function libraryChangesDuring(call: () => Promise<unknown>): Promise<unknown[]> {
    const heard: unknown[] = [];
    const stop = services.events.subscribe((event, payload) => event === 'onDidChangeLibrary' && heard.push(payload));
    try {
      await call();
    } finally {
      stop();
    }
    return heard;
  }

  it('marks a movie watched and tells every window once, naming the movie and the lists it moves', async () => {
    const heard = await libraryChangesDuring(async () => {
      expect(await services.call('library.setWatched', { kind: 'item', id: movieId, watched: true })).toEqual({ ok: true, value: { changed: 1 } });
    });
    expect(heard).toEqual([{ scopes: expect.arrayContaining(['movies', 'home']), items: [movieId], version: expect.any(Number) }]);
    // Marked again: nothing changed, nothing to tell.
    expect(await libraryChangesDuring(() => services.call('library.setWatched', { kind: 'item', id: movieId, watched: true }))).toEqual([]);
    expect(await services.call('library.setWatched', { kind: 'show', id: movieId, watched: true })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('puts a new telemetry review window into effect for events recorded after the change', async () => {
    const reviewWindow = async () => ((await services.call('privacy.snapshot', {})) as { ok: true; value: { queue: { reviewWindowMs: number } } }).value.queue.reviewWindowMs;
    expect(await reviewWindow()).toBe(24 * 3_600_000);
    await services.call('settings.update', { telemetryReviewHours: 0.5 });
    expect(await reviewWindow()).toBe(1_800_000);
  });

  it('transcodes at most as tall as the quality chosen in Settings, from the next stream on', async () => {
    await services.call('settings.update', { transcodeQuality: '480p' });
    const opened = await services.call('playback.open', { itemId: tallId, capabilities: CHROMIUM_CAPS });
    if (!opened.ok) throw new Error(opened.error.message);
    const { sessionId, decision } = opened.value as { sessionId: string; decision: string };
    expect(decision).toBe('transcode');
    const [init, first] = [await services.playback.hls(sessionId, 'init.mp4'), await services.playback.hls(sessionId, '0.m4s')];
    if (!('path' in init) || !('path' in first)) throw new Error('no segment');
    const joined = path.join(tmp, 'first-segment.mp4');
    fs.writeFileSync(joined, Buffer.concat([fs.readFileSync(init.path), fs.readFileSync(first.path)]));
    expect(probeJson(joined).streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 854, height: 480 });
    await services.call('playback.stop', { sessionId });
  });
});
