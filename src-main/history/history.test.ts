import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalStats } from '../contract/index.js';
import { ManualClock } from '../ports.js';
import { describeMigrations } from '../sqlite/test-support/migrations.js';
import { HISTORY_DB, openHistory } from './history.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function setup(start = Date.UTC(2026, 10, 23, 12)) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-history-'));
  dirs.push(dir);
  const clock = new ManualClock(start);
  return { dir, clock, history: openHistory({ dataDir: dir, clock }) };
}

describe('local history for "Your stats"', () => {
  it('sums hours watched per week, oldest first, over the last eight weeks', () => {
    const { history } = setup();
    const a = history.startPlay('movie', 'direct');
    history.addWatched(a, 3600);
    history.addWatched(a, 1800);
    const b = history.startPlay('episode', 'transcode');
    history.addWatched(b, 900);
    const stats = LocalStats.parse(history.stats());
    expect(stats.weeks).toHaveLength(8);
    expect(stats.weeks.at(-1)).toEqual({ weekStart: '2026-11-23', hours: 1.75 });
    expect(stats.weeks.slice(0, -1).every((w) => w.hours === 0)).toBe(true);
    expect(stats.modes).toEqual({ direct: 1, remux: 0, transcode: 1 });
  });

  it('keeps a few minutes of playback: a week with playback is never 0 h', () => {
    const { history } = setup();
    history.addWatched(history.startPlay('movie', 'direct'), 120);
    expect(history.stats().weeks.at(-1)!.hours * 60).toBeCloseTo(2);
  });

  it('moves last week into its own bucket as time passes', () => {
    const { clock, history } = setup();
    history.addWatched(history.startPlay('track', 'direct'), 7200);
    clock.advance(7 * 86_400_000);
    const stats = history.stats();
    expect(stats.weeks.at(-1)!.hours).toBe(0);
    expect(stats.weeks.at(-2)).toEqual({ weekStart: '2026-11-23', hours: 2 });
  });

  it('ignores nonsense durations', () => {
    const { history } = setup();
    const id = history.startPlay('movie', 'direct');
    for (const s of [-5, Number.NaN, Number.POSITIVE_INFINITY, 10 * 86_400]) history.addWatched(id, s);
    expect(history.stats().weeks.at(-1)!.hours).toBe(0);
  });

  it('keeps one library size per day, latest wins', () => {
    const { clock, history } = setup();
    history.noteLibrarySize(10);
    history.noteLibrarySize(12);
    clock.advance(86_400_000);
    history.noteLibrarySize(20);
    expect(history.stats().growth).toEqual([
      { date: '2026-11-23', items: 12 },
      { date: '2026-11-24', items: 20 },
    ]);
  });

  it('stores no item id, title or path, and survives a reopen', () => {
    const { dir, history } = setup();
    history.addWatched(history.startPlay('movie', 'remux'), 60);
    history.close();
    const columns = fs.readFileSync(path.join(dir, 'history.db')).toString('latin1');
    expect(columns).not.toMatch(/item_id|title|path/);
    const again = openHistory({ dataDir: dir, clock: new ManualClock(Date.UTC(2026, 10, 23, 13)) });
    expect(again.stats().modes.remux).toBe(1);
    again.close();
  });

  it('moves a damaged history.db aside and starts afresh, so "Your stats" still opens', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-history-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'history.db'), 'not a database '.repeat(100));
    const history = openHistory({ dataDir: dir, clock: new ManualClock(Date.UTC(2026, 10, 23, 12)) });
    expect(history.stats().modes).toEqual({ direct: 0, remux: 0, transcode: 0 });
    history.close();
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('history.db.corrupt-'))).toHaveLength(1);
  });
});

describeMigrations('history.db', HISTORY_DB);
