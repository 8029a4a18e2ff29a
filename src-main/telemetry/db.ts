import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase, type DatabaseSpec, type Migration } from '../sqlite/index.js';

export type TelemetryDb = Database.Database;

/**
 * Migrations, applied in order by `user_version`. Append only: a shipped migration is never edited.
 *
 * Important: there is no column for an install id, user id, hardware id or precise time anywhere.
 * `events.hour` is the hour the event happened; `review_until` is the end of its review window rounded up
 * to the minute (local only, never sent).
 */
const MIGRATIONS: readonly Migration[] = [
  (db) =>
    db.exec(`
      CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        category TEXT NOT NULL,
        fields TEXT NOT NULL,
        hour TEXT NOT NULL,
        review_until INTEGER NOT NULL,
        bytes INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX events_category ON events(category);
      CREATE TABLE ledger (
        seq INTEGER PRIMARY KEY,
        batch_id TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        body TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        entry_hash TEXT NOT NULL,
        status INTEGER,
        reply TEXT NOT NULL,
        event_count INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE network (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        purpose TEXT NOT NULL,
        method TEXT NOT NULL,
        url TEXT NOT NULL,
        at TEXT NOT NULL,
        status INTEGER,
        refused INTEGER NOT NULL
      ) STRICT;
    `),
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export const TELEMETRY_DB: DatabaseSpec = {
  label: 'the telemetry queue (telemetry.db)',
  migrations: MIGRATIONS,
  // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss, and an acknowledged
  // event (or a consent change and its purge) must survive a crash.
  synchronous: 'FULL',
};

/**
 * Opens (creating if needed) `<dataDir>/telemetry.db`: its own file, WAL, synchronous=FULL, migrated. A
 * damaged file is moved aside (`telemetry.db.corrupt-<time>`) and a fresh one starts with every category
 * off, which is what a user who never chose would have: losing queued events is safe, sending them is not.
 */
export function openTelemetryDb(dataDir: string): TelemetryDb {
  return openDatabase(path.join(dataDir, 'telemetry.db'), TELEMETRY_DB).db;
}

/** Small typed key/value access to the `kv` table (consent, hold, counters). */
export class Kv {
  private readonly get$;
  private readonly set$;
  private readonly delete$;
  constructor(db: TelemetryDb) {
    this.delete$ = db.prepare<[string]>('DELETE FROM kv WHERE key = ?');
    this.get$ = db.prepare<[string], { value: string }>('SELECT value FROM kv WHERE key = ?');
    this.set$ = db.prepare<[string, string]>('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }
  get<T>(key: string, fallback: T): T {
    const row = this.get$.get(key);
    return row ? (JSON.parse(row.value) as T) : fallback;
  }
  set(key: string, value: unknown): void {
    this.set$.run(key, JSON.stringify(value));
  }
  delete(key: string): void {
    this.delete$.run(key);
  }
}
