import fs from 'node:fs';
import type { Database } from 'better-sqlite3';

/**
 * Telling a damaged index from a healthy one, cheaply enough for every start.
 *
 * Measured here: `PRAGMA quick_check` over a 100,000-item index (80 MB) takes 1–2 s on two cores, too slow
 * for every start. So every start does only what costs microseconds (the header, the schema, and the file's
 * size against the page count the header declares: a truncated file fails that), and the full quick_check
 * runs only when the last session did not close the index cleanly (its "in use" marker is still there) or
 * saw a corruption error while running. A page damaged on a clean shutdown shows at run time as
 * SQLITE_CORRUPT; the session then leaves the marker, and the next start checks and rebuilds.
 */

/** Thrown when the index is damaged; `openIndex` answers it by quarantining and rebuilding. */
export class CorruptIndexError extends Error {
  override readonly name = 'CorruptIndexError';
}

/** Whether an error says the database file is damaged or not a database at all (SQLITE_CORRUPT*, SQLITE_NOTADB). */
export function isCorruptionError(error: unknown): boolean {
  if (error instanceof CorruptIndexError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** The marker that says a session has the index open; left behind by a crash or a session that saw damage. */
export function inUseMarkerPath(file: string): string {
  return `${file}.in-use`;
}

export function wasLeftInUse(file: string): boolean {
  return fs.existsSync(inUseMarkerPath(file));
}

export function markInUse(file: string): void {
  fs.writeFileSync(inUseMarkerPath(file), '');
}

export function markClosedCleanly(file: string): void {
  fs.rmSync(inUseMarkerPath(file), { force: true });
}

/**
 * Throws CorruptIndexError when the index at `file` (already open as `db`) is damaged. `walBeforeOpen`: a
 * -wal file existed before `db` was opened. `thorough` adds `PRAGMA quick_check` (seconds at 100k items, see above). SQLite's own errors from reading a damaged
 * header or schema propagate as they are; `isCorruptionError` recognises both.
 */
export function assertIndexHealthy(db: Database, file: string, opts: { thorough: boolean; walBeforeOpen: boolean }): void {
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  if (!opts.walBeforeOpen && !db.memory && db.name !== '') {
    // With no WAL left from before (opening creates one), every page lives in the main file, so its size
    // is exactly page_count × page_size.
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const size = fs.statSync(file).size;
    if (size !== pages * pageSize) {
      throw new CorruptIndexError(`the index file is ${size} bytes but declares ${pages} pages of ${pageSize} bytes`);
    }
  }
  if (!opts.thorough) return;
  const problems = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
  if (problems.length !== 1 || problems[0]!.quick_check !== 'ok') {
    throw new CorruptIndexError(`quick_check: ${problems.map((p) => p.quick_check).join('; ')}`);
  }
}
