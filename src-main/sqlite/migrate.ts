import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { AppError } from '../contract/index.js';

/** One schema step. Migrations are numbered by their place in the list: append only, never edited once shipped. */
export type Migration = (db: Database) => void;

/** What a database file is, for the one opener all of Glasswing's SQLite files go through. */
export interface DatabaseSpec {
  /** What the user calls this file, for messages: "the library index". */
  label: string;
  migrations: readonly Migration[];
  /**
   * FULL where an acknowledged write must survive a power cut (the telemetry queue and consent); NORMAL, which
   * in WAL mode is durable across app crashes and may lose only the last transaction on power loss, elsewhere.
   */
  synchronous: 'NORMAL' | 'FULL';
  /** Whether the database holds data worth a copy before a migration touches it. Default: never copied. */
  worthBackingUp?: (db: Database) => boolean;
}

/** Where `migrate` puts the copy of a database at schema `version`. */
export function backupPath(file: string, version: number): string {
  return `${file}.v${version}.bak`;
}

/** Returns the database's schema version, or throws when it is newer than this build knows. */
export function assertKnownVersion(db: Database, spec: DatabaseSpec): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const known = spec.migrations.length;
  if (current > known) {
    const label = spec.label.charAt(0).toUpperCase() + spec.label.slice(1);
    throw new AppError(
      'conflict',
      `${label} was made by a newer version of Glasswing (schema ${current}; this version knows up to ${known}). ` +
        'Update Glasswing, or use another data directory. The file was left untouched.',
    );
  }
  return current;
}

/**
 * Copies a database that holds data to `<file>.v<version>.bak` (VACUUM INTO: a consistent, compact copy)
 * before a migration touches it, so a migration bug can never cost the user their data. Returns the copy's
 * path, or null when there was nothing worth copying.
 */
function backupBeforeMigrating(db: Database, version: number, spec: DatabaseSpec): string | null {
  if (version === 0 || db.memory || db.name === '' || !spec.worthBackingUp?.(db)) return null;
  const target = backupPath(db.name, version);
  fs.rmSync(target, { force: true }); // VACUUM INTO refuses an existing file
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

/** Brings a database up to the spec's last migration, one transaction per step; refuses a newer database. */
export function migrate(db: Database, spec: DatabaseSpec): void {
  const current = assertKnownVersion(db, spec);
  if (current < spec.migrations.length) backupBeforeMigrating(db, current, spec);
  for (let version = current; version < spec.migrations.length; version++) {
    const step = spec.migrations[version]!;
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
