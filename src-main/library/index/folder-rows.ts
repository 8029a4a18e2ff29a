import type { FolderKind } from '../../contract/index.js';
import { prepared, type ReadableDB, type WritableDB } from './db.js';
import { newId } from './ids.js';
import { pruneOrphanGroups } from './item-writes.js';
import { filesChanged } from './known-files.js';

/** The folders table: the library folders the user added. */

export interface FolderRow {
  id: string;
  path: string;
  kind: FolderKind;
  online: boolean;
}

interface RawFolder {
  id: string;
  path: string;
  kind: FolderKind;
  online: number;
}

const toFolder = (r: RawFolder): FolderRow => ({ id: r.id, path: r.path, kind: r.kind, online: r.online === 1 });

export function listFolderRows(db: ReadableDB): FolderRow[] {
  return (prepared(db, 'SELECT id, path, kind, online FROM folders ORDER BY added_at, rowid').all() as RawFolder[]).map(toFolder);
}

export function getFolderRow(db: ReadableDB, folderId: string): FolderRow | null {
  const row = prepared(db, 'SELECT id, path, kind, online FROM folders WHERE id = ?').get(folderId) as RawFolder | undefined;
  return row ? toFolder(row) : null;
}

export function insertFolder(db: WritableDB, path: string, kind: FolderKind, now: number): FolderRow {
  const id = newId();
  prepared(db, 'INSERT INTO folders (id, path, kind, online, added_at) VALUES (?, ?, ?, 1, ?)').run(id, path, kind, now);
  return { id, path, kind, online: true };
}

/** Deletes the folder; its items and unparseable rows go with it (ON DELETE CASCADE). Returns the item count. */
export function deleteFolder(db: WritableDB, folderId: string): number {
  filesChanged(db, folderId);
  const { n } = prepared(db, 'SELECT count(*) AS n FROM items WHERE folder_id = ?').get(folderId) as { n: number };
  prepared(db, 'DELETE FROM folders WHERE id = ?').run(folderId);
  pruneOrphanGroups(db);
  return n;
}

export function setFolderOnline(db: WritableDB, folderId: string, online: boolean): void {
  prepared(db, 'UPDATE folders SET online = ? WHERE id = ?').run(online ? 1 : 0, folderId);
}

export function markFolderScanned(db: WritableDB, folderId: string, now: number): void {
  prepared(db, 'UPDATE folders SET last_scan_at = ? WHERE id = ?').run(now, folderId);
}

/** Items per folder, as the triggers of migration 008 keep them: counting them took ~16 ms at 100,000 items. */
export function countItemsByFolder(db: ReadableDB): Map<string, number> {
  const rows = prepared(db, 'SELECT id, item_count AS n FROM folders').all() as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function countItemsInFolder(db: ReadableDB, folderId: string): number {
  return (prepared(db, 'SELECT count(*) AS n FROM items WHERE folder_id = ?').get(folderId) as { n: number }).n;
}

