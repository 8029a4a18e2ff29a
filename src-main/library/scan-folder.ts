import fs from 'node:fs';
import path from 'node:path';
import type { UnparseableFile } from '../contract/index.js';
import type { Clock } from '../ports.js';
import type { WritableDB } from './db.js';
import {
  countItemsInFolder,
  forgetPath,
  getFolderRow,
  loadKnownFiles,
  markFolderScanned,
  pruneOrphanGroups,
  recordUnparseable,
  setFolderOnline,
  upsertItem,
} from './index-store.js';
import type { FolderRow, ItemRecord } from './index-store.js';
import { isAudioExtension } from './media-types.js';
import { cleanText } from './name-text.js';
import { parseMediaName } from './names.js';
import { runPool } from './pool.js';
import { ProbeFailure, toProbeFailure } from './probe-errors.js';
import type { ProgressReporter } from './progress.js';
import { readItem } from './read-item.js';
import type { FileToRead, ReadOptions } from './read-item.js';
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

export interface FolderScanContext {
  db: WritableDB;
  clock: Clock;
  read: ReadOptions;
  signal: AbortSignal;
  progress: ProgressReporter;
  totals: ScanTotals;
}

/** At most this many ffprobe processes at once: each can use a core and a disk head. */
const VIDEO_CONCURRENCY = 2;
const AUDIO_CONCURRENCY = 4;
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

function isOnline(folder: FolderRow, db: WritableDB): boolean {
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
  const seen = new Set<string>();
  const unreadableDirs: string[] = [];
  const toRead: FileToRead[] = [];

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
  for (const entry of walkMediaFiles(folder.path, folder.kind)) {
    if (++walked % YIELD_EVERY === 0) {
      await yieldToLoop();
      if (signal.aborted) break;
    }
    if (entry.type === 'dir-error') {
      unreadableDirs.push(entry.relPath);
      continue;
    }
    const size = entry.type === 'file' ? entry.size : 0;
    const name = parseMediaName(entry.relPath, folder.kind, entry.type === 'file' ? entry.size : undefined);
    if (name.kind === 'ignored') continue;
    seen.add(entry.relPath);
    progress.update({ seen: progress.current.seen + 1 });
    if (entry.type === 'file-error') {
      fail({ relPath: entry.relPath, size: 0, mtimeMs: 0 }, toProbeFailure(entry.error));
      continue;
    }
    const before = known.get(entry.relPath);
    if (before && before.size === size && before.mtimeMs === entry.mtimeMs && !before.transient) {
      totals.unchanged++;
      if (before.state === 'failed') totals.failed.push({ name: displayName(entry.relPath), reason: before.reason ?? 'unreadable' });
      continue;
    }
    if (name.kind === 'unknown') {
      fail(entry, new ProbeFailure(name.reason));
      continue;
    }
    toRead.push({ relPath: entry.relPath, absPath: entry.absPath, ext: entry.ext, size, mtimeMs: entry.mtimeMs, name });
  }

  if (!signal.aborted && toRead.length > 0) {
    progress.update({ phase: 'parsing' });
    const readOne = async (file: FileToRead): Promise<void> => {
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
      if (known.get(file.relPath)?.state === 'item') totals.updated++;
      else totals.added++;
      progress.update({ parsed: progress.current.parsed + 1 });
      queue(() => upsertItem(db, folder.id, record, ctx.clock.now()));
    };
    const audio = toRead.filter((f) => isAudioExtension(f.ext));
    const video = toRead.filter((f) => !isAudioExtension(f.ext));
    try {
      await Promise.all([runPool(video, VIDEO_CONCURRENCY, readOne, signal), runPool(audio, AUDIO_CONCURRENCY, readOne, signal)]);
    } finally {
      flush();
    }
  }
  flush();
  if (signal.aborted || !folderStillIndexed()) return;

  progress.update({ phase: 'indexing' });
  db.transaction(() => {
    for (const [relPath] of known) {
      if (seen.has(relPath) || unreadableDirs.some((dir) => isUnder(relPath, dir))) continue;
      if (forgetPath(db, folder.id, relPath)) totals.removed++;
    }
    pruneOrphanGroups(db);
    markFolderScanned(db, folder.id, ctx.clock.now());
  })();
}
