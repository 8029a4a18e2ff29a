import type { Statement } from 'better-sqlite3';
import type { ReadableDB, WritableDB } from './db.js';

/**
 * User state salvaged from a damaged index (see index-recovery.ts), handed back to each file as the rescan
 * indexes it again. Only a new item asks (never the unchanged rescan path), and the lookups hit an index
 * of a table that is empty except after a rebuild.
 */

interface SalvagedState {
  /** The item's id in the damaged index; null when another item already holds it. */
  itemId: string | null;
  watched: number;
  resumeSec: number | null;
  stateAt: number | null;
}

const SELECT = 'SELECT rowid, item_id AS itemId, watched, resume_sec AS resumeSec, state_at AS stateAt FROM salvaged_state';
const statements = new WeakMap<ReadableDB, Record<'byPath' | 'byHash' | 'idTaken' | 'consume' | 'apply', Statement>>();

function prepare(db: WritableDB) {
  let s = statements.get(db);
  if (!s) {
    s = {
      byPath: db.prepare(`${SELECT} WHERE applied = 0 AND folder_path = (SELECT path FROM folders WHERE id = ?) AND rel_path = ?`),
      byHash: db.prepare(`${SELECT} WHERE applied = 0 AND size = ? AND sample_hash = ? LIMIT 1`),
      idTaken: db.prepare('SELECT 1 FROM items WHERE id = ?'),
      consume: db.prepare('UPDATE salvaged_state SET applied = 1 WHERE rowid = ?'),
      apply: db.prepare('UPDATE items SET watched = ?, resume_sec = ?, state_at = ? WHERE id = ?'),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * The salvaged state for a file about to become a new item, by folder and relative path, else by size and
 * sampled hash; marked used so no other file takes it. The id is offered only while no item holds it.
 */
export function takeSalvagedState(
  db: WritableDB,
  folderId: string,
  file: { relPath: string; size: number; sampleHash: string | null },
): SalvagedState | null {
  const s = prepare(db);
  const row = (s.byPath.get(folderId, file.relPath) ?? (file.sampleHash ? s.byHash.get(file.size, file.sampleHash) : undefined)) as
    | (SalvagedState & { rowid: number })
    | undefined;
  if (!row) return null;
  s.consume.run(row.rowid);
  return { itemId: s.idTaken.get(row.itemId) ? null : row.itemId, watched: row.watched, resumeSec: row.resumeSec, stateAt: row.stateAt };
}

/** Writes salvaged user state onto the item it now belongs to. */
export function applySalvagedState(db: WritableDB, itemId: string, state: SalvagedState): void {
  if (state.watched === 0 && state.resumeSec === null) return;
  prepare(db).apply.run(state.watched, state.resumeSec, state.stateAt, itemId);
}

/** How much of the salvaged user state found its item again: "watched marks were kept for N of M items". */
export function salvagedStateCounts(db: ReadableDB): { kept: number; total: number } {
  return db
    .prepare(
      `SELECT count(*) FILTER (WHERE applied = 1) AS kept, count(*) AS total FROM salvaged_state
       WHERE watched = 1 OR resume_sec IS NOT NULL`,
    )
    .get() as { kept: number; total: number };
}
