import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { FolderKind } from '../../contract/index.js';
import { FolderKind as FolderKindSchema } from '../../contract/index.js';

/**
 * Reading what can still be read from a damaged index (or an old backup): its folders and the user state of
 * its items. SQLite usually reads most rows of a damaged file; a read that hits a bad page throws, so rows
 * are read in rowid ranges, and a range that fails is retried row by row, keeping every row that reads.
 */

interface SalvagedFolder {
  id: string;
  path: string;
  kind: FolderKind;
}

/** One item's identity and user state, keyed by its folder's path and its relative path. */
interface SalvagedItem {
  folderPath: string;
  relPath: string;
  size: number | null;
  sampleHash: string | null;
  itemId: string;
  watched: boolean;
  resumeSec: number | null;
  stateAt: number | null;
}

export interface Salvage {
  folders: SalvagedFolder[];
  items: SalvagedItem[];
}

const CHUNK = 512;
/** When the table's last rowid cannot be read, ranges are tried this far past the last row that read. */
const BLIND_SPAN = 100_000;

const ITEM_COLUMNS = ['id', 'folder_id', 'rel_path', 'size', 'sample_hash', 'watched', 'resume_sec', 'state_at'] as const;
type RawItem = Partial<Record<(typeof ITEM_COLUMNS)[number], unknown>> & { rowid: number };

function attempt<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** Every row of `table` that can be read, as objects with the listed columns (those the table has). */
function readableRows(db: SqliteDatabase, table: string, wanted: readonly string[]): Record<string, unknown>[] {
  const present = attempt(() => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  if (present === null || present.length === 0) return [];
  const columns = wanted.filter((c) => present.includes(c));
  const select = `SELECT rowid, ${columns.join(', ')} FROM ${table}`;
  const range = attempt(() => db.prepare(`${select} WHERE rowid >= ? AND rowid < ?`));
  const one = attempt(() => db.prepare(`${select} WHERE rowid = ?`));
  if (range === null || one === null) return [];
  const rows: Record<string, unknown>[] = [];
  // null: the last rowid could not be read (a damaged page on the table's right edge); ranges then go on
  // until BLIND_SPAN rowids past the last row that read.
  const max = attempt(() => (db.prepare(`SELECT max(rowid) AS m FROM ${table}`).get() as { m: number | null }).m ?? 0);
  let lastRead = 0;
  for (let from = 1; from <= (max ?? lastRead + BLIND_SPAN); from += CHUNK) {
    let chunk = attempt(() => range.all(from, from + CHUNK) as Record<string, unknown>[]);
    if (chunk === null) {
      chunk = [];
      for (let rowid = from; rowid < from + CHUNK; rowid++) {
        const row = attempt(() => one.get(rowid) as Record<string, unknown> | undefined);
        if (row) chunk.push(row);
      }
    }
    for (const row of chunk) {
      rows.push(row);
      lastRead = Math.max(lastRead, row.rowid as number);
    }
  }
  return rows;
}

/** Folders and item state readable from the index file at `file`; never throws, never writes to it. */
export function salvageIndex(file: string): Salvage {
  const db = attempt(() => new Database(file, { readonly: true, fileMustExist: true }));
  if (db === null) return { folders: [], items: [] };
  try {
    const folders: SalvagedFolder[] = [];
    for (const row of readableRows(db, 'folders', ['id', 'path', 'kind'])) {
      const kind = FolderKindSchema.safeParse(row.kind);
      if (typeof row.id === 'string' && typeof row.path === 'string' && kind.success) folders.push({ id: row.id, path: row.path, kind: kind.data });
    }
    const folderPaths = new Map(folders.map((f) => [f.id, f.path]));
    const items: SalvagedItem[] = [];
    for (const row of readableRows(db, 'items', ITEM_COLUMNS) as RawItem[]) {
      if (typeof row.id !== 'string' || typeof row.rel_path !== 'string') continue;
      items.push({
        // An item whose folder row is lost can still be matched by size and sampled hash.
        folderPath: folderPaths.get(row.folder_id as string) ?? '',
        relPath: row.rel_path,
        size: typeof row.size === 'number' ? row.size : null,
        sampleHash: typeof row.sample_hash === 'string' ? row.sample_hash : null,
        itemId: row.id,
        watched: row.watched === 1,
        resumeSec: typeof row.resume_sec === 'number' ? row.resume_sec : null,
        stateAt: typeof row.state_at === 'number' ? row.state_at : null,
      });
    }
    return { folders, items };
  } finally {
    db.close();
  }
}

/** Merges salvages, the first one winning: a folder by id or path, an item by folder path and relative path. */
export function mergeSalvages(...salvages: Salvage[]): Salvage {
  const folders = new Map<string, SalvagedFolder>();
  const paths = new Set<string>();
  const items = new Map<string, SalvagedItem>();
  for (const salvage of salvages) {
    for (const folder of salvage.folders) {
      if (folders.has(folder.id) || paths.has(folder.path)) continue;
      folders.set(folder.id, folder);
      paths.add(folder.path);
    }
    for (const item of salvage.items) {
      const key = `${item.folderPath}\u0000${item.relPath}`;
      if (!items.has(key)) items.set(key, item);
    }
  }
  return { folders: [...folders.values()], items: [...items.values()] };
}
