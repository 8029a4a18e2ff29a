import Database from 'better-sqlite3';
import { MIGRATIONS } from '../index/migrations/index.js';

/**
 * Writes the index at `file` as the release at schema `version` left it (migrations 1…version), holding
 * `rows` (SQL): what a migration test opens to prove the next migration keeps data.
 */
export function writeIndexAtVersion(file: string, version: number, rows: string): void {
  const db = new Database(file);
  try {
    for (const step of MIGRATIONS.slice(0, version)) step(db);
    db.pragma(`user_version = ${version}`);
    db.exec(rows);
  } finally {
    db.close();
  }
}
