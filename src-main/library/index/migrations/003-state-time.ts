import type { Database } from 'better-sqlite3';

/**
 * When an item's user state (resume position, watched) last changed, so "Continue watching" lists the most
 * recent first. Milliseconds since the epoch, local only.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE items ADD COLUMN state_at INTEGER;
    CREATE INDEX items_resume ON items(state_at) WHERE resume_sec IS NOT NULL;
  `);
}
