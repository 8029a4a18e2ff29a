import type { ItemKind } from '../../contract/index.js';
import type { ReadableDB, WritableDB } from './db.js';

/** Below this, a position is not worth resuming from (the user barely started). */
const MIN_RESUME_SEC = 10;
/** Played this far, an item counts as watched and starts from the beginning next time. */
const WATCHED_FRACTION = 0.9;

/**
 * What saving a position changed beyond the position, and the item's kind (which lists show it), so callers
 * tell the lists that moved only when one did, not every few seconds of playback.
 */
export interface ProgressChange {
  kind: ItemKind;
  /** The watched mark flipped (played past 90 %): unwatched counts and filters move. */
  watched: boolean;
  /** The resume point appeared or went: the item entered or left "Continue watching". */
  resume: boolean;
}

/**
 * Saves where playback of an item stands: the resume position, and watched once past 90 %. Tracks keep no
 * resume point: music starts from the top. Null for an id that is not in the index.
 */
export function saveProgress(db: WritableDB, itemId: string, positionSec: number, now: number): ProgressChange | null {
  // A movie in parts plays as one stream: its length is the sum of its parts (migration 005).
  const row = db
    .prepare(
      `SELECT kind, watched, resume_sec, CASE WHEN part_group IS NULL THEN duration_sec
         ELSE (SELECT sum(p.duration_sec) FROM items p WHERE p.folder_id = i.folder_id AND p.part_group = i.part_group) END AS duration_sec
       FROM items i WHERE id = ?`,
    )
    .get(itemId) as
    | { kind: ItemKind; duration_sec: number | null; watched: number; resume_sec: number | null }
    | undefined;
  if (!row) return null;
  const duration = row.duration_sec ?? 0;
  const done = duration > 0 && positionSec >= duration * WATCHED_FRACTION;
  const resume = row.kind === 'track' || done || positionSec < MIN_RESUME_SEC ? null : positionSec;
  const watched = done || row.watched === 1 ? 1 : 0;
  db.prepare('UPDATE items SET resume_sec = ?, watched = ?, state_at = ? WHERE id = ?').run(resume, watched, now, itemId);
  return { kind: row.kind, watched: watched !== row.watched, resume: (resume === null) !== (row.resume_sec === null) };
}

/** Movies and episodes with a resume position, most recently played first; extras are not listed (migration 005). */
export function continueWatching(db: ReadableDB, limit = 20): string[] {
  return (
    db.prepare(`SELECT id FROM items WHERE resume_sec IS NOT NULL AND kind != 'track' AND extra_type IS NULL ORDER BY state_at DESC LIMIT ?`).all(limit) as { id: string }[]
  ).map((r) => r.id);
}
