import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { AppError } from '../../contract/index.js';
import { assertIndexHealthy } from './index-health.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * Handles branded by capability (Signal's habit): code that only reads takes a `ReadableDB`, so a read
 * path cannot write by accident. Both are the same connection at run time.
 */
export type ReadableDB = SqliteDatabase & { readonly __readable: true };
export type WritableDB = ReadableDB & { readonly __writable: true };

// Statements run once per file in a scan, or once per media request: each SQL string is prepared once
// per connection (preparing costs more than most of these queries).
const statementCache = new WeakMap<ReadableDB, Map<string, Statement>>();
export function prepared(db: ReadableDB, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** The schema version this build understands. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Where `backupBeforeMigrating` puts the copy of an index at schema `version`. */
export function backupPath(file: string, version: number): string {
  return `${file}.v${version}.bak`;
}

/**
 * Copies an index that holds data to `<file>.v<version>.bak` (VACUUM INTO: a consistent, compact copy)
 * before a migration touches it, so a migration bug can never cost a library. An empty or in-memory
 * database has nothing to lose and is not copied. Returns the backup's path, or null.
 */
function backupBeforeMigrating(db: SqliteDatabase, version: number): string | null {
  if (version === 0 || db.memory || db.name === '') return null;
  const hasData = db.prepare('SELECT EXISTS (SELECT 1 FROM folders) AS n').get() as { n: number };
  if (hasData.n === 0) return null;
  const target = backupPath(db.name, version);
  fs.rmSync(target, { force: true }); // VACUUM INTO refuses an existing file
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

/**
 * Brings a database up to `SCHEMA_VERSION`, one transaction per migration; refuses a newer database.
 * An index with data is backed up first (see `backupBeforeMigrating`).
 */
export function migrate(db: SqliteDatabase): void {
  const current = assertKnownVersion(db);
  if (current < SCHEMA_VERSION) backupBeforeMigrating(db, current);
  for (let version = current; version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version]!;
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/** Returns the database's schema version, or throws when it is newer than this build. */
function assertKnownVersion(db: SqliteDatabase): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new AppError(
      'conflict',
      `The library index was made by a newer version of Glasswing (schema ${current}; this version knows up to ${SCHEMA_VERSION}). ` +
        'Update Glasswing, or use another data directory. The index was left untouched.',
    );
  }
  return current;
}

/**
 * Opens (creating if needed) the index at `file`: WAL, foreign keys on, migrated. A damaged file throws an
 * error `isCorruptionError` recognises; `thoroughCheck` adds `PRAGMA quick_check` (see index-health.ts).
 */
export function openIndexDatabase(file: string, opts: { thoroughCheck?: boolean } = {}): WritableDB {
  const walBeforeOpen = fs.existsSync(`${file}-wal`);
  const db = new Database(file);
  try {
    // Checked before anything else so a newer index is not even switched to WAL.
    assertKnownVersion(db);
    // A WAL left over means the last session did not close: check in full then.
    assertIndexHealthy(db, file, { thorough: (opts.thoroughCheck ?? false) || walBeforeOpen, walBeforeOpen });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // WAL with NORMAL sync is durable across app crashes; only a power cut may lose the last transaction.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db as WritableDB;
}
