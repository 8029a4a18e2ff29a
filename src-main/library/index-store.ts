import type { Statement } from 'better-sqlite3';
import type { FolderKind, ItemKind } from '../contract/index.js';
import type { ReadableDB, WritableDB } from './db.js';
import { newId } from './ids.js';
import { titleKey } from './name-text.js';

/**
 * Queries on the index. Callers batch writes in `db.transaction`; nothing here commits on its own.
 */

// A scan runs these statements once per file; preparing each SQL string once per connection keeps that cheap.
const statementCache = new WeakMap<ReadableDB, Map<string, Statement>>();
function prepared(db: ReadableDB, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

export interface FolderRow {
  id: string;
  path: string;
  kind: FolderKind;
  online: boolean;
}

export interface MediaFacts {
  durationSec: number | null;
  container: string | null;
  videoCodec: string | null;
  audioCodec: string | null;
  width: number | null;
  height: number | null;
}

/** Everything the scanner knows about one indexed file. */
export interface ItemRecord extends MediaFacts {
  relPath: string;
  kind: ItemKind;
  title: string;
  year: number | null;
  showTitle: string | null;
  season: number | null;
  episode: number | null;
  episodeEnd: number | null;
  episodeTitle: string | null;
  album: string | null;
  albumArtist: string | null;
  artist: string | null;
  trackNo: number | null;
  discNo: number | null;
  compilation: boolean;
  mime: string;
  size: number;
  mtimeMs: number;
  /** The file's inode when known (a rescan re-reads a file whose inode changed: it was replaced). */
  inode: number | null;
  /** Hash of a few sampled blocks (see `sample-hash.ts`): recognises the file after a move. */
  sampleHash: string | null;
}

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

export const UNKNOWN_ALBUM = 'Unknown album';

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

export function countItemsByFolder(db: ReadableDB): Map<string, number> {
  const rows = prepared(db, 'SELECT folder_id AS id, count(*) AS n FROM items GROUP BY folder_id').all() as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function countItemsInFolder(db: ReadableDB, folderId: string): number {
  return (prepared(db, 'SELECT count(*) AS n FROM items WHERE folder_id = ?').get(folderId) as { n: number }).n;
}

/**
 * Every file of a folder the index knows, indexed or unparseable, by relative path. Rows are streamed
 * (raw arrays, each garbage at once) into the compact `KnownFiles`: at 100,000 files this load is most
 * of what an unchanged rescan does besides the walk.
 */
export function loadKnownFiles(db: ReadableDB, folderId: string): KnownFiles {
  const known = new KnownFiles();
  const { n } = prepared(db, 'SELECT (SELECT count(*) FROM items WHERE folder_id = ?) + (SELECT count(*) FROM unparseable WHERE folder_id = ?) AS n').get(folderId, folderId) as { n: number };
  known.reserve(n);
  const items = prepared(db, 'SELECT rel_path, size, mtime_ms, inode FROM items WHERE folder_id = ?').raw(true);
  for (const row of items.iterate(folderId) as IterableIterator<[string, number, number, number | null]>) {
    known.add(row[0], row[1], row[2], row[3], 1);
  }
  const failed = prepared(db, 'SELECT rel_path, size, mtime_ms, transient, reason FROM unparseable WHERE folder_id = ?').raw(true);
  for (const row of failed.iterate(folderId) as IterableIterator<[string, number, number, number, string]>) {
    known.setReason(known.add(row[0], row[1], row[2], null, row[3] === 1 ? 2 : 0), row[4]);
  }
  return known;
}

function ensureShow(db: WritableDB, title: string): string {
  const key = titleKey(title);
  const row = prepared(db, 'SELECT id FROM shows WHERE title_key = ?').get(key) as { id: string } | undefined;
  if (row) return row.id;
  const id = newId();
  prepared(db, 'INSERT INTO shows (id, title_key, title) VALUES (?, ?, ?)').run(id, key, title);
  return id;
}

function ensureAlbum(db: WritableDB, title: string, artist: string | null): string {
  const key = `${titleKey(artist ?? '')}\u0000${titleKey(title)}`;
  const row = prepared(db, 'SELECT id FROM albums WHERE album_key = ?').get(key) as { id: string } | undefined;
  if (row) return row.id;
  const id = newId();
  prepared(db, 'INSERT INTO albums (id, album_key, title, artist) VALUES (?, ?, ?, ?)').run(id, key, title, artist);
  return id;
}

function ensureArtist(db: WritableDB, name: string): string {
  const key = titleKey(name);
  const row = prepared(db, 'SELECT id FROM artists WHERE artist_key = ?').get(key) as { id: string } | undefined;
  if (row) return row.id;
  const id = newId();
  prepared(db, 'INSERT INTO artists (id, artist_key, name) VALUES (?, ?, ?)').run(id, key, name);
  return id;
}

/**
 * Inserts or updates the item at (folder, relPath), keeping its id when it already exists, and clears
 * any unparseable record for that path. Returns the item id.
 */
export function upsertItem(db: WritableDB, folderId: string, item: ItemRecord, now: number): string {
  const showId = item.kind === 'episode' && item.showTitle ? ensureShow(db, item.showTitle) : null;
  // A track with neither an album tag nor an album folder still belongs to an album, so it is never lost
  // from the snapshot: "Unknown album" per album artist.
  const albumId = item.kind === 'track' ? ensureAlbum(db, item.album ?? UNKNOWN_ALBUM, item.albumArtist) : null;
  const artistId = item.kind === 'track' && item.artist ? ensureArtist(db, item.artist) : null;
  const existing = prepared(db, 'SELECT id FROM items WHERE folder_id = ? AND rel_path = ?').get(folderId, item.relPath) as
    | { id: string }
    | undefined;
  const id = existing?.id ?? newId();
  prepared(db, 
    `INSERT INTO items (id, folder_id, rel_path, kind, title, year, show_id, show_title, season, episode, episode_end,
       episode_title, album_id, album, album_artist, artist, track_no, disc_no, compilation, duration_sec, container,
       video_codec, audio_codec, width, height, mime, size, mtime_ms, scanned_at, inode, sample_hash, artist_id)
     VALUES (@id, @folderId, @relPath, @kind, @title, @year, @showId, @showTitle, @season, @episode, @episodeEnd,
       @episodeTitle, @albumId, @album, @albumArtist, @artist, @trackNo, @discNo, @compilation, @durationSec, @container,
       @videoCodec, @audioCodec, @width, @height, @mime, @size, @mtimeMs, @now, @inode, @sampleHash, @artistId)
     ON CONFLICT (folder_id, rel_path) DO UPDATE SET
       kind = excluded.kind, title = excluded.title, year = excluded.year, show_id = excluded.show_id,
       show_title = excluded.show_title, season = excluded.season, episode = excluded.episode,
       episode_end = excluded.episode_end, episode_title = excluded.episode_title, album_id = excluded.album_id,
       album = excluded.album, album_artist = excluded.album_artist, artist = excluded.artist,
       track_no = excluded.track_no, disc_no = excluded.disc_no, compilation = excluded.compilation,
       duration_sec = excluded.duration_sec, container = excluded.container, video_codec = excluded.video_codec,
       audio_codec = excluded.audio_codec, width = excluded.width, height = excluded.height, mime = excluded.mime,
       size = excluded.size, mtime_ms = excluded.mtime_ms, scanned_at = excluded.scanned_at, inode = excluded.inode,
       sample_hash = excluded.sample_hash, artist_id = excluded.artist_id`,
  ).run({ ...item, id, folderId, showId, albumId, artistId, compilation: item.compilation ? 1 : 0, now });
  prepared(db, 'DELETE FROM unparseable WHERE folder_id = ? AND rel_path = ?').run(folderId, item.relPath);
  return id;
}

/** Records a file that could not be read; an indexed item at that path is removed (its file is now broken). */
export function recordUnparseable(
  db: WritableDB,
  folderId: string,
  file: { relPath: string; size: number; mtimeMs: number },
  reason: string,
  transient: boolean,
): void {
  prepared(db, 'DELETE FROM items WHERE folder_id = ? AND rel_path = ?').run(folderId, file.relPath);
  prepared(db, 
    `INSERT INTO unparseable (folder_id, rel_path, reason, size, mtime_ms, transient) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (folder_id, rel_path) DO UPDATE SET reason = excluded.reason, size = excluded.size,
       mtime_ms = excluded.mtime_ms, transient = excluded.transient`,
  ).run(folderId, file.relPath, reason, file.size, file.mtimeMs, transient ? 1 : 0);
}

/** Forgets a path entirely (the file is gone or is now ignored). Returns whether an item was removed. */
export function forgetPath(db: WritableDB, folderId: string, relPath: string): boolean {
  const removed = prepared(db, 'DELETE FROM items WHERE folder_id = ? AND rel_path = ?').run(folderId, relPath).changes > 0;
  prepared(db, 'DELETE FROM unparseable WHERE folder_id = ? AND rel_path = ?').run(folderId, relPath);
  return removed;
}

/** Drops shows, albums and artists no item refers to any more. */
export function pruneOrphanGroups(db: WritableDB): void {
  prepared(db, 'DELETE FROM shows WHERE id NOT IN (SELECT show_id FROM items WHERE show_id IS NOT NULL)').run();
  prepared(db, 'DELETE FROM albums WHERE id NOT IN (SELECT album_id FROM items WHERE album_id IS NOT NULL)').run();
  prepared(db, 'DELETE FROM artists WHERE id NOT IN (SELECT artist_id FROM items WHERE artist_id IS NOT NULL)').run();
}

/** An indexed file under a path, as the watcher compares it with the disk. */
export interface IndexedFile {
  itemId: string | null;
  relPath: string;
  size: number;
  mtimeMs: number;
  inode: number | null;
  sampleHash: string | null;
  kind: ItemKind | null;
}

/** Items and unparseable files of a folder at `relPath` or anywhere under it ('' is the whole folder). */
export function indexedUnder(db: ReadableDB, folderId: string, relPath: string): IndexedFile[] {
  // '/' is 0x2F and '0' is 0x30, so [p + '/', p + '0') is exactly the paths under p, using the unique index.
  const lo = relPath === '' ? '' : `${relPath}/`;
  const hi = relPath === '' ? '\u{10FFFF}' : `${relPath}0`;
  const items = prepared(
    db,
    `SELECT id AS itemId, rel_path AS relPath, size, mtime_ms AS mtimeMs, inode, sample_hash AS sampleHash, kind FROM items
     WHERE folder_id = ? AND (rel_path = ? OR (rel_path >= ? AND rel_path < ?))`,
  ).all(folderId, relPath, lo, hi) as IndexedFile[];
  const failed = prepared(
    db,
    `SELECT NULL AS itemId, rel_path AS relPath, size, mtime_ms AS mtimeMs, NULL AS inode, NULL AS sampleHash, NULL AS kind FROM unparseable
     WHERE folder_id = ? AND (rel_path = ? OR (rel_path >= ? AND rel_path < ?))`,
  ).all(folderId, relPath, lo, hi) as IndexedFile[];
  return [...items, ...failed];
}

/** What a file's new name says, for `moveItem`: movies and episodes take their fields from the name. */
export type NameFields =
  | { kind: 'movie'; title: string; year: number | null }
  | { kind: 'episode'; showTitle: string; season: number; episode: number; episodeEnd: number | null; episodeTitle: string | null }
  | { kind: 'track' };

/**
 * Moves an item to a new path (same or another folder), keeping its id and everything known about it
 * (media facts, tags, watched state, resume position). A movie or episode takes its name-derived fields
 * from the new name: a file renamed from S01E02 to S01E03 is now episode 3. Returns false, changing
 * nothing, if another item already holds the target path.
 */
export function moveItem(
  db: WritableDB,
  itemId: string,
  target: { folderId: string; relPath: string; mtimeMs: number; inode: number | null },
  name: NameFields,
): boolean {
  const taken = prepared(db, 'SELECT id FROM items WHERE folder_id = ? AND rel_path = ?').get(target.folderId, target.relPath) as { id: string } | undefined;
  if (taken && taken.id !== itemId) return false;
  prepared(db, 'DELETE FROM unparseable WHERE folder_id = ? AND rel_path = ?').run(target.folderId, target.relPath);
  prepared(db, 'UPDATE items SET folder_id = ?, rel_path = ?, mtime_ms = ?, inode = ? WHERE id = ?').run(
    target.folderId,
    target.relPath,
    target.mtimeMs,
    target.inode,
    itemId,
  );
  if (name.kind === 'movie') {
    prepared(
      db,
      `UPDATE items SET kind = 'movie', title = ?, year = ?, show_id = NULL, show_title = NULL, season = NULL, episode = NULL,
         episode_end = NULL, episode_title = NULL WHERE id = ?`,
    ).run(name.title, name.year, itemId);
  } else if (name.kind === 'episode') {
    prepared(
      db,
      `UPDATE items SET kind = 'episode', title = ?, year = NULL, show_id = ?, show_title = ?, season = ?, episode = ?,
         episode_end = ?, episode_title = ? WHERE id = ?`,
    ).run(name.episodeTitle ?? name.showTitle, ensureShow(db, name.showTitle), name.showTitle, name.season, name.episode, name.episodeEnd, name.episodeTitle, itemId);
  }
  return true;
}
