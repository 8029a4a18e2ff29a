import { AppError, type ItemKind, type SetWatchedRequest } from '../../contract/index.js';
import { prepared, type WritableDB } from './db.js';

/**
 * `library.setWatched`: marks one item, or every episode of a show, watched or unwatched. The resume point
 * goes either way (watched starts from the top next time; unwatched is "I have not seen it"), and the time
 * of the change is kept (`state_at`), so a show marked lately counts as played lately for Up next.
 */

/** The items whose watched mark or resume point changed, and their kinds (which lists show them). */
export interface WatchedChange {
  ids: string[];
  kinds: ItemKind[];
}

const TARGET = {
  item: { where: 'id = @id', exists: 'SELECT 1 FROM items WHERE id = ?', missing: 'That item is not in the library any more.' },
  show: { where: "show_id = @id AND kind = 'episode'", exists: "SELECT 1 FROM items WHERE show_id = ? AND kind = 'episode' LIMIT 1", missing: 'That show is not in the library any more.' },
} as const;

/** Sets the mark in one transaction; AppError 'not-found' for an id that is not an item (or a show with episodes). */
export function setWatched(db: WritableDB, request: SetWatchedRequest, now: number): WatchedChange {
  const target = TARGET[request.kind];
  const watched = request.watched ? 1 : 0;
  return db.transaction((): WatchedChange => {
    if (!prepared(db, target.exists).get(request.id)) throw new AppError('not-found', target.missing);
    // Only rows that change: an item already so marked, with no resume point, keeps its time.
    const rows = prepared(db, `SELECT id, kind FROM items WHERE ${target.where} AND (watched IS NOT @watched OR resume_sec IS NOT NULL)`).all({
      id: request.id,
      watched,
    }) as { id: string; kind: ItemKind }[];
    const ids = rows.map((r) => r.id);
    prepared(db, 'UPDATE items SET watched = ?, resume_sec = NULL, state_at = ? WHERE id IN (SELECT value FROM json_each(?))').run(watched, now, JSON.stringify(ids));
    return { ids, kinds: [...new Set(rows.map((r) => r.kind))] };
    // Immediate: it reads then writes, and the engine thread writes through its own connection (a deferred
    // transaction whose snapshot went stale meanwhile would fail with SQLITE_BUSY_SNAPSHOT).
  }).immediate();
}
