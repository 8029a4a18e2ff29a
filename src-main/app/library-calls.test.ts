import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openHistory, type HistoryService } from '../history/index.js';
import { openLibrary, type LibraryService } from '../library/index.js';
import { testLibraryOptions } from '../library/test-support/library-options.js';
import { systemClock } from '../ports.js';
import { makeMp4 } from '../test-support/media.js';
import { tempDir } from '../test-support/temp.js';
import { calls as contract, type Api } from '../contract/index.js';
import { dispatch } from './dispatch.js';
import { EventHub } from './event-hub.js';
import { Jobs } from './jobs.js';
import { LibraryChanges } from './library-changes.js';
import { libraryCalls, Scans } from './library-calls.js';

const temp = tempDir('glasswing-library-calls-');
// Folders are stored by their real path (a temp dir may sit behind a symlink, as on macOS).
const root = fs.realpathSync(temp.dir);
let library: LibraryService;
let history: HistoryService;

beforeAll(() => {
  makeMp4(path.join(temp.dir, 'typed', 'Movies', 'Night Train (1998).mp4'), 1);
  makeMp4(path.join(temp.dir, 'picked', 'Movies', 'Low Tide (2004).mp4'), 1);
  library = openLibrary(testLibraryOptions(path.join(temp.dir, 'data'), { probeTimeoutMs: 10_000 }));
  history = openHistory({ dataDir: path.join(temp.dir, 'data'), clock: systemClock });
});

afterAll(() => {
  library.close();
  history.close();
  temp.cleanup();
});

/** The library's handlers as the hosts compose them, with the scan progress every window would hear. */
function handlers(pickFolder?: () => Promise<string | null>) {
  const events = new EventHub();
  const jobs = new Jobs();
  const phases: string[] = [];
  events.subscribe((name, payload) => name === 'onDidChangeScanProgress' && phases.push((payload as { phase: string }).phase));
  const deps = { library, history, events, changes: new LibraryChanges(events), jobs, record: vi.fn(), ...(pickFolder ? { pickFolder } : {}) };
  return { calls: libraryCalls(deps, new Scans(deps)), jobs, phases };
}

const titles = () => library.snapshot().movies.map((m) => m.title);

describe('adding a library folder', () => {
  it('starts a scan of that folder in the background, which quitting waits for and every window hears', async () => {
    const { calls, jobs, phases } = handlers();
    const folder = await calls['library.addFolder']({ path: path.join(temp.dir, 'typed', 'Movies'), kind: 'movies' });
    expect(folder.name).toBe('Movies');
    await jobs.settle(60_000);
    expect(titles()).toContain('Night Train');
    expect(phases.at(-1)).toBe('done');
  });

  it('does the same for a folder chosen in the picker', async () => {
    const { calls, jobs } = handlers(async () => path.join(temp.dir, 'picked', 'Movies'));
    await calls['library.pickFolder']({ kind: 'movies' });
    await jobs.settle(60_000);
    expect(titles()).toContain('Low Tide');
  });
});

describe('folders named alike', () => {
  it('say where each is by the folders that hold it, never by their whole path', async () => {
    const { calls, jobs } = handlers();
    const [home, nas] = [path.join(root, 'home', 'media', 'you', 'Movies'), path.join(root, 'nas', 'media', 'you', 'Movies')];
    for (const dir of [home, nas]) fs.mkdirSync(dir, { recursive: true });
    const first = await calls['library.addFolder']({ path: home, kind: 'movies' });
    expect(first.place).toBe(`…${path.sep}${path.join('media', 'you')}`);
    // "…/media/you" would not tell the two apart: each now shows one folder more.
    const second = await calls['library.addFolder']({ path: nas, kind: 'movies' });
    expect(second.place).toBe(`…${path.sep}${path.join('nas', 'media', 'you')}`);
    await jobs.settle(60_000);
    const { folders } = await calls['library.status']({});
    expect(folders.find((f) => f.id === first.id)?.place).toBe(`…${path.sep}${path.join('home', 'media', 'you')}`);
    const places = folders.filter((f) => f.name === 'Movies').map((f) => f.place);
    expect(new Set(places).size).toBe(places.length);
    expect(JSON.stringify(folders)).not.toContain(root);
  });

  it("notes the library's size for \"Your stats\" only from a scan of every folder, not from one folder's", async () => {
    const { calls, jobs } = handlers();
    await jobs.settle(60_000);
    expect(history.stats().growth).toEqual([]);
    await calls['library.scan']({});
    expect(history.stats().growth.at(-1)?.items).toBe(library.snapshot().movies.length);
  });
});

describe('the screen calls on the wire', () => {
  it('answer status, Home and unreadable files, and refuse unknown ids and foreign cursors as the contract says', async () => {
    const { calls } = handlers();
    const api = { ...calls } as unknown as Api;
    const status = await dispatch(api, 'library.status', {});
    expect(status).toMatchObject({ ok: true, value: { unparseableCount: 0, recovery: null } });
    const home = await dispatch(api, 'library.home', {});
    expect(home.ok && contract['library.home'].output.parse(home.value).recentlyAdded.movies.length).toBeGreaterThan(0);
    expect(await dispatch(api, 'library.unparseable', {})).toEqual({ ok: true, value: { files: [], next: null } });
    expect(await dispatch(api, 'library.unparseable', { after: 'WzEsMl0' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dispatch(api, 'library.setWatched', { kind: 'item', id: 'AAAAAAAAAAAAAAAAAAAAAA', watched: true })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch(api, 'library.setWatched', { kind: 'item', id: '../../etc/passwd', watched: true })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
