import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { openCheckedDatabase, openSecondConnection, type DatabaseSpec } from '../../sqlite/index.js';
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

/** The library index as the one SQLite opener sees it (`sqlite/`): numbered migrations, a backup before each. */
export const LIBRARY_INDEX: DatabaseSpec = {
  label: 'the library index',
  migrations: MIGRATIONS,
  // WAL with NORMAL sync is durable across app crashes; only a power cut may lose the last transaction.
  synchronous: 'NORMAL',
  // A migration bug must never cost a library: an index that holds folders is copied first.
  worthBackingUp: (db) => (db.prepare('SELECT EXISTS (SELECT 1 FROM folders) AS n').get() as { n: number }).n === 1,
};

/** The schema version this build understands. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Opens (creating if needed) the index at `file`: WAL, foreign keys on, migrated. A damaged file throws an
 * error `isCorruptionError` recognises; `thoroughCheck` adds `PRAGMA quick_check` (see sqlite/health.ts).
 */
export function openIndexDatabase(file: string, opts: { thoroughCheck?: boolean } = {}): WritableDB {
  return openCheckedDatabase(file, LIBRARY_INDEX, { thorough: opts.thoroughCheck ?? false }) as WritableDB;
}

/**
 * The library engine's own connection to an index the main thread has opened (and checked, migrated or
 * rebuilt) through `openIndex`: scans and the watcher write through it from their worker thread.
 */
export function openIndexConnection(file: string): WritableDB {
  return openSecondConnection(file, LIBRARY_INDEX) as WritableDB;
}
