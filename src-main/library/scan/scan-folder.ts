import fs from 'node:fs';
import path from 'node:path';
import type { WritableDB } from '../index/db.js';
import { countItemsInFolder, markFolderScanned, setFolderOnline } from '../index/folder-rows.js';
import type { FolderRow } from '../index/folder-rows.js';
import type { ItemRecord } from '../index/item-record.js';
import { forgetPath, pruneOrphanGroups, recordUnparseable, upsertItem } from '../index/item-writes.js';
import { loadKnownFiles } from '../index/known-files.js';
import type { KnownFiles } from '../index/known-files.js';
import { folderDisplayName } from '../folder-paths.js';
import { SidecarDirs } from '../metadata/sidecar-dirs.js';
import { parseMediaName } from '../names/media-name.js';
import { fileDisplayName } from '../names/name-text.js';
import { forEachConcurrently } from './for-each-concurrently.js';
import { ProbeFailure, toProbeFailure } from './probe-errors.js';
import type { ProgressSink } from './progress.js';
import { fileToRead, readItem } from './read-item.js';
import type { ReadOptions } from './read-item.js';
import { noteFailed, type ScanTotals } from './scan-totals.js';
import { isUnder, walkMediaFiles } from './walk.js';
import type { WalkEntry } from './walk.js';
import { WriteBatch } from './write-batch.js';

/** A file the walk found new or changed, waiting to be read. */
interface PendingRead {
  relPath: string;
  ext: string;
  size: number;
  mtimeMs: number;
  inode: number | null;
}

export interface FolderScanContext {
  db: WritableDB;
  read: ReadOptions;
  signal: AbortSignal;
  progress: ProgressSink;
  totals: ScanTotals;
}

/**
 * Files in flight at once. The parse pool bounds how many are actually being read (workers and ffprobe
 * spawns together); this only keeps its queue fed while finished reads are written.
 */
const IN_FLIGHT = 8;
/** The synchronous walk lets the event loop breathe (progress, abort, IPC) every this many entries. */
const YIELD_EVERY = 256;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Whether a folder's root is there: a missing root, or an empty one while the index holds items, is offline. */
export function isOnline(folder: FolderRow, db: WritableDB): boolean {
  try {
    if (!fs.statSync(folder.path).isDirectory()) return false;
    // An unplugged drive often leaves its empty mount point behind. An empty root while the index holds
    // items there is treated as offline, so a missing disk never wipes the library.
    const visible = fs.readdirSync(folder.path).filter((name) => !name.startsWith('.'));
    return visible.length > 0 || countItemsInFolder(db, folder.id) === 0;
  } catch {
    return false;
  }
}

/**
 * Scans one folder incrementally: files whose size and mtime are unchanged are not read again, new and
 * changed ones are read and written in batched transactions, and files gone from disk are removed.
 * A missing folder is marked offline and keeps its items. On abort, what was read so far is kept and
 * nothing is removed (the walk may be incomplete).
 */
export async function scanFolder(ctx: FolderScanContext, folder: FolderRow): Promise<void> {
  ctx.progress.update({ phase: 'walking', currentFolder: folderDisplayName(folder.path) });
  const online = isOnline(folder, ctx.db);
  if (online !== folder.online) setFolderOnline(ctx.db, folder.id, online);
  if (online) await new FolderScan(ctx, folder).run();
}

/** One scan of one online folder: walk, read what is new or changed, then forget what is gone. */
class FolderScan {
  private readonly known: KnownFiles;
  private readonly sidecars: SidecarDirs;
  private readonly writes: WriteBatch;
  private readonly unreadableDirs: string[] = [];
  // Compact on purpose: at 100k new files a full FileToRead each (absolute path, parsed name) would be
  // tens of MB held until the last read; the name is parsed again (microseconds) when the file is read.
  private readonly toRead: PendingRead[] = [];
  /** Walked files not yet counted in the progress (it is told every YIELD_EVERY entries, not per file). */
  private unreported = { seen: 0, unchanged: 0 };

  constructor(
    private readonly ctx: FolderScanContext,
    private readonly folder: FolderRow,
  ) {
    this.known = loadKnownFiles(ctx.db, folder.id);
    this.sidecars = SidecarDirs.load(ctx.db, folder.id);
    this.writes = new WriteBatch(ctx.db, folder.id);
  }

  async run(): Promise<void> {
    const { signal } = this.ctx;
    await this.walk();
    if (!signal.aborted && this.toRead.length > 0) {
      this.ctx.progress.update({ phase: 'parsing' });
      try {
        await forEachConcurrently(this.toRead, IN_FLIGHT, (pending) => this.read(pending), signal);
      } finally {
        this.writes.flush();
      }
    }
    this.writes.flush();
    if (signal.aborted) return;
    this.ctx.progress.update({ phase: 'indexing' });
    this.forgetUnseen();
  }

  private async walk(): Promise<void> {
    let walked = 0;
    for (const entry of walkMediaFiles(this.folder.path, this.folder.kind, '', { sidecars: true })) {
      if (++walked % YIELD_EVERY === 0) {
        this.reportSeen();
        await yieldToLoop();
        if (this.ctx.signal.aborted) break;
      }
      this.note(entry);
    }
    this.reportSeen();
  }

  private reportSeen(): void {
    const { seen, unchanged } = this.unreported;
    if (seen === 0) return;
    const { progress } = this.ctx;
    progress.update({ seen: progress.current.seen + seen, unchanged: progress.current.unchanged + unchanged });
    this.unreported = { seen: 0, unchanged: 0 };
  }

  /** What one walk entry means: an unreadable or listed folder, an unchanged file, or one to read. */
  private note(entry: WalkEntry): void {
    if (entry.type === 'dir-error') this.unreadableDirs.push(entry.relPath);
    else if (entry.type === 'dir') this.sidecars.note(entry.relPath, entry, entry.signature);
    else if (!this.skipUnchanged(entry)) this.noteNewOrChanged(entry);
  }

  /** Marks a known, unchanged file seen; false for any other. */
  private skipUnchanged(entry: Extract<WalkEntry, { type: 'file' | 'file-error' }>): boolean {
    const { known } = this;
    if (entry.type !== 'file') return false;
    const slot = known.slot(entry.relPath);
    // A file whose poster or nfo changed is read again although it did not change itself.
    if (slot < 0 || !known.unchanged(slot, entry.size, entry.mtimeMs, entry.inode) || this.sidecars.touches(entry.relPath)) return false;
    // Known and unchanged: the index already holds what its name says, so not even the name is parsed.
    known.markSeen(slot);
    this.unreported.seen++;
    this.unreported.unchanged++;
    this.ctx.totals.unchanged++;
    if (!known.isItem(slot)) noteFailed(this.ctx.totals, { name: fileDisplayName(entry.relPath), reason: known.reason(slot) ?? 'unreadable' });
    return true;
  }

  private noteNewOrChanged(entry: Extract<WalkEntry, { type: 'file' | 'file-error' }>): void {
    const name = parseMediaName(entry.relPath, this.folder.kind, entry.type === 'file' ? entry.size : undefined);
    // Samples and disc-folder parts are never items; extras are, listed under their owner (migration 005).
    if (name.kind === 'ignored') return;
    const slot = this.known.slot(entry.relPath);
    if (slot >= 0) this.known.markSeen(slot);
    this.unreported.seen++;
    if (entry.type === 'file-error') return this.fail({ relPath: entry.relPath, size: 0, mtimeMs: 0 }, toProbeFailure(entry.error));
    if (name.kind === 'unknown') return this.fail(entry, new ProbeFailure(name.reason));
    this.toRead.push({ relPath: entry.relPath, ext: entry.ext, size: entry.size, mtimeMs: entry.mtimeMs, inode: entry.inode });
  }

  private fail(file: { relPath: string; size: number; mtimeMs: number }, failure: ProbeFailure): void {
    const { db, totals, progress } = this.ctx;
    noteFailed(totals, { name: fileDisplayName(file.relPath), reason: failure.reason });
    progress.update({ failed: progress.current.failed + 1 });
    this.writes.queue(() => recordUnparseable(db, this.folder.id, file, failure.reason, failure.transient));
  }

  private async read(pending: PendingRead): Promise<void> {
    const { db, totals, progress, signal } = this.ctx;
    const name = parseMediaName(pending.relPath, this.folder.kind, pending.size);
    if (name.kind === 'ignored' || name.kind === 'unknown') return; // filtered in the walk
    const absPath = path.join(this.folder.path, ...pending.relPath.split('/'));
    const file = fileToRead({ ...pending, absPath }, name, this.sidecars.listing, this.folder.path);
    let record: ItemRecord;
    try {
      totals.read++;
      record = await readItem(file, { ...this.ctx.read, signal });
    } catch (error) {
      if (!(error instanceof ProbeFailure)) throw error; // ffprobe missing: stop the whole scan
      if (signal.aborted) return; // cancelled mid-read: not the file's fault, try again next scan
      return this.fail(file, error);
    }
    const slot = this.known.slot(file.relPath);
    if (slot >= 0 && this.known.isItem(slot)) totals.updated++;
    else totals.added++;
    progress.update({ parsed: progress.current.parsed + 1 });
    this.writes.queue(() => upsertItem(db, this.folder.id, record, this.ctx.read.tools.clock.now()));
  }

  /** Removes what the walk did not find (except under folders it could not list) and stores what it learnt. */
  private forgetUnseen(): void {
    const { db, totals } = this.ctx;
    const { folder, unreadableDirs } = this;
    const wrote = this.toRead.length > 0;
    // Immediate: the check that the folder is still there and the writes see the same index (the main
    // thread may remove the folder at any time; see write-batch.ts).
    db.transaction(() => {
      if (!this.writes.folderStillIndexed()) return;
      let forgot = false;
      for (const relPath of this.known.unseen()) {
        if (unreadableDirs.some((dir) => isUnder(relPath, dir))) continue;
        forgot = true;
        if (forgetPath(db, folder.id, relPath)) totals.removed++;
      }
      // Pruning scans the items table; an unchanged rescan has nothing to prune.
      if (forgot || wrote) pruneOrphanGroups(db);
      this.sidecars.save(db, folder.id, unreadableDirs);
      markFolderScanned(db, folder.id, this.ctx.read.tools.clock.now());
    }).immediate();
  }
}
