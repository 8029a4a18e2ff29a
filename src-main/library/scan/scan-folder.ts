import fs from 'node:fs';
import path from 'node:path';
import type { UnparseableFile } from '../../contract/index.js';
import type { Clock } from '../../ports.js';
import type { WritableDB } from '../index/db.js';
import {
  countItemsInFolder,
  forgetPath,
  getFolderRow,
  markFolderScanned,
  pruneOrphanGroups,
  recordUnparseable,
  setFolderOnline,
  upsertItem,
} from '../index/index-store.js';
import type { FolderRow, ItemRecord } from '../index/index-store.js';
import { loadKnownFiles } from '../index/known-files.js';
import { cleanText } from '../names/name-text.js';
import { parseMediaName } from '../names/media-name.js';
import { forEachConcurrently } from './for-each-concurrently.js';
import { ProbeFailure, toProbeFailure } from './probe-errors.js';
import type { ProgressReporter } from './progress.js';
import { readItem } from './read-item.js';
import type { FileToRead, ReadOptions } from './read-item.js';
import { SidecarDirs } from '../metadata/sidecar-dirs.js';
import { sidecarsOf } from '../metadata/sidecars.js';
import { isUnder, walkMediaFiles } from './walk.js';

export interface ScanTotals {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  failed: UnparseableFile[];
  /** Files actually opened and read (tags or ffprobe) in this scan; an unchanged rescan reads none. */
  read: number;
}

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
  clock: Clock;
  read: ReadOptions;
  signal: AbortSignal;
  progress: ProgressReporter;
  totals: ScanTotals;
}

/**
 * Files in flight at once. The parse pool bounds how many are actually being read (workers and ffprobe
 * spawns together); this only keeps its queue fed while finished reads are written.
 */
const IN_FLIGHT = 8;
/** Writes are committed in transactions of this many files. */
const BATCH_SIZE = 100;
/** The synchronous walk lets the event loop breathe (progress, abort, IPC) every this many entries. */
const YIELD_EVERY = 256;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The name the UI shows for a folder: its last segment (never the full path). */
export function folderDisplayName(folderPath: string): string {
  return cleanText(path.basename(folderPath) || folderPath);
}

function displayName(relPath: string): string {
  return cleanText(relPath.slice(relPath.lastIndexOf('/') + 1));
}

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
  const { db, progress, totals, signal } = ctx;
  progress.update({ phase: 'walking', currentFolder: folderDisplayName(folder.path) });

  if (!isOnline(folder, db)) {
    if (folder.online) setFolderOnline(db, folder.id, false);
    return;
  }
  if (!folder.online) setFolderOnline(db, folder.id, true);

  const known = loadKnownFiles(db, folder.id);
  const sidecars = SidecarDirs.load(db, folder.id);
  const unreadableDirs: string[] = [];
  // Compact on purpose: at 100k new files a full FileToRead each (absolute path, parsed name) would be
  // tens of MB held until the last read; the name is parsed again (microseconds) when the file is read.
  const toRead: PendingRead[] = [];

  // The folder may be removed (or the library closed) while files are being read; writes for it then
  // have nowhere to go and are dropped.
  const folderStillIndexed = (): boolean => db.open && getFolderRow(db, folder.id) !== null;
  const pending: (() => void)[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const ops = pending.splice(0);
    if (folderStillIndexed()) db.transaction(() => ops.forEach((op) => op()))();
  };
  const queue = (op: () => void): void => {
    pending.push(op);
    if (pending.length >= BATCH_SIZE) flush();
  };
  const fail = (file: { relPath: string; size: number; mtimeMs: number }, failure: ProbeFailure): void => {
    totals.failed.push({ name: displayName(file.relPath), reason: failure.reason });
    progress.update({ failed: progress.current.failed + 1 });
    queue(() => recordUnparseable(db, folder.id, file, failure.reason, failure.transient));
  };

  let walked = 0;
  let seenCount = 0;
  let unchangedCount = 0;
  const reportSeen = (): void => {
    if (seenCount === 0) return;
    progress.update({ seen: progress.current.seen + seenCount, unchanged: progress.current.unchanged + unchangedCount });
    seenCount = 0;
    unchangedCount = 0;
  };
  for (const entry of walkMediaFiles(folder.path, folder.kind, '', { sidecars: true })) {
    if (++walked % YIELD_EVERY === 0) {
      reportSeen();
      await yieldToLoop();
      if (signal.aborted) break;
    }
    if (entry.type === 'dir-error') {
      unreadableDirs.push(entry.relPath);
      continue;
    }
    if (entry.type === 'dir') {
      sidecars.note(entry.relPath, entry, entry.signature);
      continue;
    }
    const size = entry.type === 'file' ? entry.size : 0;
    const inode = entry.type === 'file' ? entry.inode : null;
    const slot = known.slot(entry.relPath);
    // A file whose poster or nfo changed is read again although it did not change itself.
    if (entry.type === 'file' && slot >= 0 && known.unchanged(slot, size, entry.mtimeMs, inode) && !sidecars.touches(entry.relPath)) {
      // Known and unchanged: the index already holds what its name says, so not even the name is parsed.
      known.markSeen(slot);
      seenCount++;
      unchangedCount++;
      totals.unchanged++;
      if (!known.isItem(slot)) totals.failed.push({ name: displayName(entry.relPath), reason: known.reason(slot) ?? 'unreadable' });
      continue;
    }
    const name = parseMediaName(entry.relPath, folder.kind, entry.type === 'file' ? entry.size : undefined);
    // Samples and disc-folder parts are never items; extras are, listed under their owner (migration 005).
    if (name.kind === 'ignored') continue;
    if (slot >= 0) known.markSeen(slot);
    seenCount++;
    if (entry.type === 'file-error') {
      fail({ relPath: entry.relPath, size: 0, mtimeMs: 0 }, toProbeFailure(entry.error));
      continue;
    }
    if (name.kind === 'unknown') {
      fail(entry, new ProbeFailure(name.reason));
      continue;
    }
    toRead.push({ relPath: entry.relPath, ext: entry.ext, size, mtimeMs: entry.mtimeMs, inode });
  }

  reportSeen();
  if (!signal.aborted && toRead.length > 0) {
    progress.update({ phase: 'parsing' });
    const readOne = async (pendingRead: PendingRead): Promise<void> => {
      const name = parseMediaName(pendingRead.relPath, folder.kind, pendingRead.size);
      if (name.kind === 'ignored' || name.kind === 'unknown') return; // filtered in the walk
      const absPath = path.join(folder.path, ...pendingRead.relPath.split('/'));
      const file: FileToRead = { ...pendingRead, absPath, name, ...(name.kind === 'extra' ? {} : sidecarsOf(pendingRead.relPath, name.kind, sidecars.listing, folder.path)) };
      let record: ItemRecord;
      try {
        totals.read++;
        record = await readItem(file, { ...ctx.read, signal });
      } catch (error) {
        if (!(error instanceof ProbeFailure)) throw error; // ffprobe missing: stop the whole scan
        if (signal.aborted) return; // cancelled mid-read: not the file's fault, try again next scan
        fail(file, error);
        return;
      }
      const slot = known.slot(file.relPath);
      if (slot >= 0 && known.isItem(slot)) totals.updated++;
      else totals.added++;
      progress.update({ parsed: progress.current.parsed + 1 });
      queue(() => upsertItem(db, folder.id, record, ctx.clock.now()));
    };
    try {
      await forEachConcurrently(toRead, IN_FLIGHT, readOne, signal);
    } finally {
      flush();
    }
  }
  flush();
  if (signal.aborted || !folderStillIndexed()) return;

  progress.update({ phase: 'indexing' });
  const wrote = toRead.length > 0;
  db.transaction(() => {
    let forgot = false;
    for (const relPath of known.unseen()) {
      if (unreadableDirs.some((dir) => isUnder(relPath, dir))) continue;
      forgot = true;
      if (forgetPath(db, folder.id, relPath)) totals.removed++;
    }
    // Pruning scans the items table; an unchanged rescan has nothing to prune.
    if (forgot || wrote) pruneOrphanGroups(db);
    sidecars.save(db, folder.id, unreadableDirs);
    markFolderScanned(db, folder.id, ctx.clock.now());
  })();
}
