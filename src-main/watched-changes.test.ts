import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryChange, LibraryChangeScope } from './contract/index.js';
import { CHROMIUM_CAPS } from './playback/test-support/fixtures.js';
import { ManualClock } from './ports.js';
import { createServices, type Services } from './services.js';
import { makeMp4 } from './test-support/media.js';

// A real library (a movie, a show of two episodes, an album of one track) behind the calls both hosts serve:
// what each watched mark and each saved playback position tells the windows.
const SECONDS = 20;
let tmp: string;
let services: Services;
const ids: Record<'movie' | 'e1' | 'e2' | 'track' | 'show', string> = { movie: '', e1: '', e2: '', track: '', show: '' };

function mp3(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=440:duration=${SECONDS}`, '-c:a', 'libmp3lame', '-id3v2_version', '3'],
    ...['-metadata', 'title=Low Tide', '-metadata', 'artist=The Glass Wings', '-metadata', 'album=Coastal', '-metadata', 'album_artist=The Glass Wings', '-f', 'mp3', file],
  ]);
}

/** A call as a host makes it: through dispatch, which checks the input against the contract. */
async function call<T>(method: string, input: unknown): Promise<T> {
  const reply = await services.call(method, input);
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
  return reply.value as T;
}

/** The ids of the movie, the show and its episodes, and the track, as the grids and pages name them. */
async function findIds(): Promise<void> {
  const first = async (section: 'movies' | 'shows' | 'albums') => (await services.api['library.page']({ section })).items[0]!.id;
  [ids.movie, ids.show] = [await first('movies'), await first('shows')];
  const show = await services.api['library.detail']({ kind: 'show', id: ids.show });
  if (show.kind !== 'show') throw new Error(show.kind);
  const [e1, e2] = show.show.seasons.flatMap((s) => s.episodes.map((e) => e.id));
  [ids.e1, ids.e2] = [e1!, e2!];
  const album = await services.api['library.detail']({ kind: 'album', id: await first('albums') });
  if (album.kind !== 'album') throw new Error(album.kind);
  ids.track = album.album.discs[0]!.tracks[0]!.id;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-watched-changes-'));
  const media = path.join(tmp, 'media');
  makeMp4(path.join(media, 'Movies', 'Night Train (1998).mp4'), SECONDS);
  makeMp4(path.join(media, 'Shows', 'Harbour Lights', 'Season 01', 'Harbour Lights - S01E01.mp4'), SECONDS);
  makeMp4(path.join(media, 'Shows', 'Harbour Lights', 'Season 01', 'Harbour Lights - S01E02.mp4'), SECONDS);
  mp3(path.join(media, 'Music', 'The Glass Wings', 'Coastal', '01 - Low Tide.mp3'));
  services = createServices({
    dataDir: path.join(tmp, 'data'),
    host: 'web',
    appVersion: '0.1.0',
    telemetry: { endpoint: null, cliOff: false, env: {}, policyPath: null, clock: new ManualClock(), fetch: async () => Promise.reject(new Error('no network in tests')) },
  });
  for (const [folder, kind] of [['Movies', 'movies'], ['Shows', 'shows'], ['Music', 'music']] as const) {
    await call('library.addFolder', { path: path.join(media, folder), kind });
  }
  await call('library.scan', {});
  await findIds();
}, 120_000);

afterAll(async () => {
  await services?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** What the windows were told while `act` ran, each change's scopes and items in a fixed order. */
async function told(act: () => Promise<unknown>): Promise<{ scopes: LibraryChangeScope[]; items: string[] }[]> {
  const heard: LibraryChange[] = [];
  const stop = services.events.subscribe((event, payload) => event === 'onDidChangeLibrary' && heard.push(payload as LibraryChange));
  try {
    await act();
  } finally {
    stop();
  }
  return heard.map((c) => ({ scopes: [...c.scopes].sort(), items: [...c.items].sort() }));
}

const sorted = (...list: string[]): string[] => [...list].sort();

/** Plays an item to `positionSec` in a real playback session (direct play), as the player reports it. */
async function playTo(itemId: string, positionSec: number): Promise<void> {
  const { sessionId } = await call<{ sessionId: string }>('playback.open', { itemId, capabilities: CHROMIUM_CAPS });
  try {
    await call('playback.reportProgress', { sessionId, positionSec, playedSec: 1 });
  } finally {
    await call('playback.stop', { sessionId });
  }
}

describe('a watched mark set by hand', () => {
  it("on an episode, or on every episode of a show, names the episodes with the show lists (unwatched counts) and Home (Up next)", async () => {
    expect(await told(() => call('library.setWatched', { kind: 'item', id: ids.e1, watched: true }))).toEqual([{ scopes: ['home', 'shows'], items: [ids.e1] }]);
    expect(await told(() => call('library.setWatched', { kind: 'show', id: ids.show, watched: true }))).toEqual([{ scopes: ['home', 'shows'], items: [ids.e2] }]);
    expect(await told(() => call('library.setWatched', { kind: 'show', id: ids.show, watched: false }))).toEqual([{ scopes: ['home', 'shows'], items: sorted(ids.e1, ids.e2) }]);
    expect(await told(() => call('library.setWatched', { kind: 'item', id: ids.e1, watched: false }))).toEqual([]);
  });

  it('on a movie names the movie lists and Home; on a track, no list', async () => {
    expect(await told(() => call('library.setWatched', { kind: 'item', id: ids.movie, watched: true }))).toEqual([{ scopes: ['home', 'movies'], items: [ids.movie] }]);
    expect(await told(() => call('library.setWatched', { kind: 'item', id: ids.movie, watched: false }))).toEqual([{ scopes: ['home', 'movies'], items: [ids.movie] }]);
    expect(await told(() => call('library.setWatched', { kind: 'item', id: ids.track, watched: true }))).toEqual([{ scopes: [], items: [ids.track] }]);
    expect(await told(() => call('library.setWatched', { kind: 'item', id: ids.track, watched: false }))).toEqual([{ scopes: [], items: [ids.track] }]);
  });
});

describe('a playback position saved', () => {
  it('of an episode names Home when it enters Continue watching, and the show lists with Home once played to 90 %', async () => {
    expect(await told(() => playTo(ids.e2, 12))).toEqual([{ scopes: ['home'], items: [ids.e2] }]);
    expect(await told(() => playTo(ids.e2, 13))).toEqual([{ scopes: [], items: [ids.e2] }]);
    expect(await told(() => playTo(ids.e2, 19))).toEqual([{ scopes: ['home', 'shows'], items: [ids.e2] }]);
  });

  it('of a movie names the movie lists, never the show lists; of a track, only the track', async () => {
    expect(await told(() => playTo(ids.movie, 12))).toEqual([{ scopes: ['home'], items: [ids.movie] }]);
    expect(await told(() => playTo(ids.movie, 19))).toEqual([{ scopes: ['home', 'movies'], items: [ids.movie] }]);
    expect(await told(() => playTo(ids.track, 19))).toEqual([{ scopes: [], items: [ids.track] }]);
  });
});
