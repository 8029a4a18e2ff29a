import type { ReadableDB } from './db.js';

/**
 * What the index remembers of a folder's files, to skip those whose size, mtime and inode are unchanged:
 * the one structure an unchanged rescan is made of, so it is kept compact. Each path maps to a slot in
 * typed arrays (no object per file); `seen` marks the slots the walk found, so the files left unmarked are
 * the ones gone from disk.
 */
export class KnownFiles {
  private readonly slots = new Map<string, number>();
  private size = new Float64Array(0);
  private mtimeMs = new Float64Array(0);
  /** The inode, or NaN when the index does not know it (a failed file, or an index from before migration 002). */
  private inode = new Float64Array(0);
  /** Bit 0: indexed item (else unparseable); bit 1: transient failure; bit 2: seen by this scan's walk. */
  private flags = new Uint8Array(0);
  /** Reasons of unparseable files, by slot (few). */
  private readonly reasons = new Map<number, string>();

  get count(): number {
    return this.slots.size;
  }

  /** The slot of a path, or -1. */
  slot(relPath: string): number {
    return this.slots.get(relPath) ?? -1;
  }

  /** Whether the file at `slot` is unchanged: same size and mtime, the same inode when both are known, and not due for a retry. */
  unchanged(slot: number, size: number, mtimeMs: number, inode: number | null): boolean {
    if (this.size[slot] !== size || this.mtimeMs[slot] !== mtimeMs || (this.flags[slot]! & 2) !== 0) return false;
    const before = this.inode[slot]!;
    // An inode the index does not know yet (an index from before migration 002) is not a change.
    return Number.isNaN(before) || inode === null || before === inode;
  }

  isItem(slot: number): boolean {
    return (this.flags[slot]! & 1) !== 0;
  }

  /** Why the file at `slot` could not be read, when it is an unparseable one. */
  reason(slot: number): string | null {
    return this.reasons.get(slot) ?? null;
  }

  markSeen(slot: number): void {
    this.flags[slot]! |= 4;
  }

  /** Forgets what a previous walk marked as seen, so the structure can serve the next scan. */
  clearSeen(): void {
    for (let i = 0; i < this.slots.size; i++) this.flags[i]! &= ~4;
  }

  /** Paths the walk did not mark as seen. */
  *unseen(): Generator<string> {
    for (const [relPath, slot] of this.slots) if ((this.flags[slot]! & 4) === 0) yield relPath;
  }

  add(relPath: string, size: number, mtimeMs: number, inode: number | null, flags: number): number {
    let slot = this.slots.get(relPath);
    if (slot === undefined) {
      slot = this.slots.size;
      if (slot === this.flags.length) this.grow(Math.max(64, slot * 2));
      this.slots.set(relPath, slot);
    }
    this.size[slot] = size;
    this.mtimeMs[slot] = mtimeMs;
    this.inode[slot] = inode ?? Number.NaN;
    this.flags[slot] = flags;
    return slot;
  }

  setReason(slot: number, reason: string): void {
    this.reasons.set(slot, reason);
  }

  /** Sizes the arrays for `capacity` files up front (the count is known before loading). */
  reserve(capacity: number): void {
    if (capacity > this.flags.length) this.grow(capacity);
  }

  private grow(capacity: number): void {
    const copy = <A extends Float64Array | Uint8Array>(from: A, to: A): A => (to.set(from), to);
    this.size = copy(this.size, new Float64Array(capacity));
    this.mtimeMs = copy(this.mtimeMs, new Float64Array(capacity));
    this.inode = copy(this.inode, new Float64Array(capacity));
    this.flags = copy(this.flags, new Uint8Array(capacity));
  }
}

/**
 * Per connection, the known files of each folder whose files nothing has written since they were loaded.
 * Loading them back from SQLite costs a third of the walk itself, and a rescan in a running app usually
 * follows another rescan or the watcher's own updates; keeping them saves that for as long as it is
 * exactly what the index holds. Every write of a path, size, mtime, inode or failure (item-writes.ts,
 * folder-rows.ts, artwork-cache.ts) calls `filesChanged`, so a stale entry can never be used: the worst
 * case is a reload.
 *
 * Important: `filesChanged` reaches only its own connection's entries. Scans and the watcher write paths
 * through the engine thread's connection, whose entries are the ones used; the main thread's connection
 * only adds and removes whole folders, and a folder id is never reused. A path written through any other
 * connection would have to reach the engine first.
 */
const cache = new WeakMap<ReadableDB, Map<string, KnownFiles>>();

/** Drops the remembered files of `folderId`, or of every folder (null), because the index is changing them. */
export function filesChanged(db: ReadableDB, folderId: string | null): void {
  if (folderId === null) cache.delete(db);
  else cache.get(db)?.delete(folderId);
}

/**
 * Rows per page when loading. Pages of `all()` cost a third less than stepping rows one by one with
 * `iterate()`, and unlike one `all()` of a 100,000-file folder they never hold more than a page of row
 * arrays at once.
 */
const PAGE = 4096;

/** Rows of a keyset-paged query whose first column is the (unique, ordered) key. */
function* pages<Row extends [string, ...unknown[]]>(page: (after: string) => unknown[]): Generator<Row> {
  let after = '';
  for (;;) {
    const rows = page(after) as Row[];
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]![0];
  }
}

/**
 * Every file of a folder the index knows, indexed or unparseable, by relative path, with nothing marked
 * seen, loaded into the compact `KnownFiles`, which is then remembered (see `cache`).
 */
export function loadKnownFiles(db: ReadableDB, folderId: string): KnownFiles {
  let folders = cache.get(db);
  const remembered = folders?.get(folderId);
  if (remembered) {
    remembered.clearSeen();
    return remembered;
  }
  const known = new KnownFiles();
  const { n } = db.prepare('SELECT (SELECT count(*) FROM items WHERE folder_id = ?) + (SELECT count(*) FROM unparseable WHERE folder_id = ?) AS n').get(folderId, folderId) as { n: number };
  known.reserve(n);
  const items = db.prepare(`SELECT rel_path, size, mtime_ms, inode FROM items WHERE folder_id = ? AND rel_path > ? ORDER BY rel_path LIMIT ${PAGE}`).raw(true);
  for (const row of pages<[string, number, number, number | null]>((after) => items.all(folderId, after))) known.add(row[0], row[1], row[2], row[3], 1);
  const failed = db.prepare(`SELECT rel_path, size, mtime_ms, transient, reason FROM unparseable WHERE folder_id = ? AND rel_path > ? ORDER BY rel_path LIMIT ${PAGE}`).raw(true);
  for (const row of pages<[string, number, number, number, string]>((after) => failed.all(folderId, after))) {
    known.setReason(known.add(row[0], row[1], row[2], null, row[3] === 1 ? 2 : 0), row[4]);
  }
  if (!folders) cache.set(db, (folders = new Map()));
  folders.set(folderId, known);
  return known;
}
