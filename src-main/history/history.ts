import path from 'node:path';
import { closeDatabase, openDatabase, type DatabaseSpec } from '../sqlite/index.js';
import type { LocalStats } from '../contract/index.js';
import type { Clock } from '../ports.js';

/**
 * The user's own history, for "Your stats": never sent, never read by telemetry. It keeps only what the
 * stats need — the day, the kind of item, how it played and for how long — and no item id, title or path,
 * so even this local file says nothing about what is in the library.
 */
export interface HistoryService {
  /** A playback began; returns the play's handle for the time watched. */
  startPlay(kind: 'movie' | 'episode' | 'track', mode: 'direct' | 'remux' | 'transcode'): number;
  /** Adds seconds actually played to a play. Negative or absurd values are ignored. */
  addWatched(playId: number, seconds: number): void;
  /** Notes the library's size today (after a scan). */
  noteLibrarySize(items: number): void;
  stats(): LocalStats;
  close(): void;
}

const WEEKS = 8;
const GROWTH_POINTS = 30;
const MAX_SECONDS_PER_REPORT = 6 * 3600;

/** Numbered by place: append only. A damaged file is moved aside and a fresh one starts (stats are a convenience). */
export const HISTORY_DB: DatabaseSpec = {
  label: 'the local history (history.db)',
  migrations: [
    (db) =>
      db.exec(`CREATE TABLE plays (id INTEGER PRIMARY KEY, day TEXT NOT NULL, kind TEXT NOT NULL, mode TEXT NOT NULL, seconds REAL NOT NULL DEFAULT 0) STRICT;
        CREATE INDEX plays_day ON plays(day);
        CREATE TABLE library_size (day TEXT PRIMARY KEY, items INTEGER NOT NULL) STRICT;`),
  ],
  synchronous: 'NORMAL',
};

export function openHistory(opts: { dataDir: string; clock: Clock }): HistoryService {
  const { db } = openDatabase(path.join(opts.dataDir, 'history.db'), HISTORY_DB, opts.clock.now());

  const insertPlay = db.prepare('INSERT INTO plays (day, kind, mode) VALUES (?, ?, ?)');
  const addSeconds = db.prepare('UPDATE plays SET seconds = seconds + ? WHERE id = ?');
  const upsertSize = db.prepare('INSERT INTO library_size (day, items) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET items = excluded.items');
  const today = () => dayOf(opts.clock.now());

  return {
    startPlay: (kind, mode) => Number(insertPlay.run(today(), kind, mode).lastInsertRowid),
    addWatched(playId, seconds) {
      if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_SECONDS_PER_REPORT) return;
      addSeconds.run(seconds, playId);
    },
    noteLibrarySize(items) {
      if (Number.isInteger(items) && items >= 0) upsertSize.run(today(), items);
    },
    stats() {
      const now = opts.clock.now();
      const firstWeek = startOfWeek(now) - (WEEKS - 1) * 7 * 86_400_000;
      const weeks = Array.from({ length: WEEKS }, (_, i) => ({ weekStart: dayOf(firstWeek + i * 7 * 86_400_000), hours: 0 }));
      const rows = db.prepare('SELECT day, SUM(seconds) AS s FROM plays WHERE day >= ? GROUP BY day').all(dayOf(firstWeek)) as { day: string; s: number }[];
      for (const r of rows) {
        const index = Math.floor((Date.parse(`${r.day}T00:00:00Z`) - firstWeek) / (7 * 86_400_000));
        const week = weeks[index];
        if (week) week.hours += r.s / 3600;
      }
      const modes = { direct: 0, remux: 0, transcode: 0 };
      for (const r of db.prepare('SELECT mode, COUNT(*) AS n FROM plays GROUP BY mode').all() as { mode: keyof typeof modes; n: number }[]) {
        if (r.mode in modes) modes[r.mode] = r.n;
      }
      const growth = (db.prepare('SELECT day, items FROM library_size ORDER BY day DESC LIMIT ?').all(GROWTH_POINTS) as { day: string; items: number }[])
        .reverse()
        .map((r) => ({ date: r.day, items: r.items }));
      // Not rounded here: a week of a few minutes would round to 0 h; the screen words small amounts itself.
      return { weeks, modes, growth };
    },
    close: () => closeDatabase(db),
  };
}

/** The UTC day, "2026-11-23": history is kept by day, never by the second. */
function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Monday 00:00 UTC of the week holding `ms`. */
function startOfWeek(ms: number): number {
  const d = new Date(dayOf(ms) + 'T00:00:00Z');
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return d.getTime() - sinceMonday * 86_400_000;
}
