import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { assertHealthy, isCorruptionError, markClosedCleanly, markInUse, wasLeftInUse } from './health.js';
import { assertKnownVersion, migrate, type DatabaseSpec } from './migrate.js';

/**
 * The one way Glasswing opens a SQLite file (the library index, the telemetry queue and ledgers, the local
 * history): the same version check, health check, pragmas, numbered migrations and recovery for all of them.
 */

export interface OpenedDatabase {
  db: SqliteDatabase;
  /** The damaged file moved aside before a fresh one was created, or null when the file opened healthy. */
  quarantined: string | null;
}

/**
 * Opens (creating if needed) the database at `file`: version and health checked, WAL, foreign keys on,
 * migrated. A damaged file throws an error `isCorruptionError` recognises; `thorough` adds `PRAGMA
 * quick_check`, which also runs whenever a -wal file was left by a session that did not close.
 */
export function openCheckedDatabase(file: string, spec: DatabaseSpec, opts: { thorough?: boolean } = {}): SqliteDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const walBeforeOpen = fs.existsSync(`${file}-wal`);
  const db = new Database(file);
  try {
    // Checked before anything else so a newer file is not even switched to WAL.
    assertKnownVersion(db, spec);
    assertHealthy(db, file, { thorough: (opts.thorough ?? false) || walBeforeOpen, walBeforeOpen });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`synchronous = ${spec.synchronous}`);
    db.pragma('busy_timeout = 5000');
    migrate(db, spec);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Another connection to a database this process has already opened through `openDatabase`: a worker
 * thread's own, so it can write while the main thread's connection keeps reading (WAL). The same pragmas
 * and version check, but no health check, migration or in-use marker: the first connection did those and
 * owns the marker. The file must exist.
 */
export function openSecondConnection(file: string, spec: DatabaseSpec): SqliteDatabase {
  const db = new Database(file, { fileMustExist: true });
  try {
    assertKnownVersion(db, spec);
    db.pragma('foreign_keys = ON');
    db.pragma(`synchronous = ${spec.synchronous}`);
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** `20261123T024455Z`: sortable, and legal in file names everywhere. */
function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Moves `file` and its -wal/-shm to `<file>.corrupt-<time>` (+ the same suffixes), never deleting. Returns the new main path. */
export function quarantine(file: string, now: number): string {
  let target = `${file}.corrupt-${stamp(now)}`;
  for (let n = 2; fs.existsSync(target); n++) target = `${file}.corrupt-${stamp(now)}-${n}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

/**
 * Opens the database at `file`, and when it is damaged moves it aside (`quarantine`) and creates a fresh one:
 * the caller salvages what it can from `quarantined`. The file is marked in use until `closeDatabase`; the
 * full check runs only after a session that did not close cleanly. `now` only names the quarantined copy.
 */
export function openDatabase(file: string, spec: DatabaseSpec, now: number = Date.now()): OpenedDatabase {
  let opened: OpenedDatabase;
  try {
    opened = { db: openCheckedDatabase(file, spec, { thorough: wasLeftInUse(file) }), quarantined: null };
  } catch (error) {
    if (!isCorruptionError(error)) throw error;
    const quarantined = quarantine(file, now);
    opened = { db: openCheckedDatabase(file, spec), quarantined };
  }
  markInUse(file);
  return opened;
}

/**
 * Closes a database opened by `openDatabase`. `damageSeen`: a query met a damaged page while it was open, so
 * the in-use marker stays and the next start checks the file in full (and rebuilds it if needed).
 */
export function closeDatabase(db: SqliteDatabase, opts: { damageSeen?: boolean } = {}): void {
  const file = db.name;
  db.close();
  if (!opts.damageSeen && file !== '' && file !== ':memory:') markClosedCleanly(file);
}
