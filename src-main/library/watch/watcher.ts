import fs from 'node:fs';
import path from 'node:path';
import type { Clock, TimerHandle } from '../../ports.js';
import type { WritableDB } from '../index/db.js';
import { forgetPath, getFolderRow, indexedUnder, moveItem, pruneOrphanGroups, recordUnparseable, setFolderOnline, upsertItem } from '../index/index-store.js';
import type { FolderRow, IndexedFile, NameFields } from '../index/index-store.js';
import { extensionOf, isIndexedExtension } from '../names/media-types.js';
import { partGroupOf } from '../names/movie-names.js';
import { parseMediaName } from '../names/media-name.js';
import type { ParsedName } from '../names/media-name.js';
import { ProbeFailure, toProbeFailure } from '../scan/probe-errors.js';
import { forEachConcurrently } from '../scan/for-each-concurrently.js';
import { readItem } from '../scan/read-item.js';
import { isOnline } from '../scan/scan-folder.js';
import type { FileToRead, ReadOptions } from '../scan/read-item.js';
import { sidecarsChangedFor } from '../metadata/sidecar-dirs.js';
import { isSidecarName, listDir, sidecarsOf } from '../metadata/sidecars.js';
import type { DirListing } from '../metadata/sidecars.js';
import { walkMediaFiles } from '../scan/walk.js';

/** Quiet time after the last event before a batch is applied: a copy or `mv` of a folder sends many. */
const DEBOUNCE_MS = 400;
/** A steady stream of events still gets applied this often. */
const MAX_WAIT_MS = 3_000;
/** Files being read at once; the parse pool bounds the real reads. */
const READS_IN_FLIGHT = 8;

export interface WatchContext {
  db: WritableDB;
  clock: Clock;
  read: ReadOptions;
  /** The folders to watch now (online ones); called again on `refresh`. */
  folders: () => FolderRow[];
  /** Applies a batch once any running scan is done, so a scan and the watcher never write the same folder at once. */
  serialize: (work: () => Promise<void>) => Promise<void>;
  /** Called after a batch changed the index. */
  onChange: () => void;
  debounceMs?: number;
}

interface SeenFile {
  folder: FolderRow;
  relPath: string;
  absPath: string;
  ext: string;
  size: number;
  mtimeMs: number;
  inode: number;
}

interface GoneFile extends IndexedFile {
  folderId: string;
}

/** Folder id → relative paths that changed (files or folders, added, removed or renamed). */
export type ChangeSet = Map<string, Set<string>>;

/** Drops paths that lie under another changed path: walking the outer one covers them. */
function outermost(paths: Iterable<string>): string[] {
  const sorted = [...new Set(paths)].sort();
  const out: string[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && (last === '' || p === last || p.startsWith(`${last}/`))) continue;
    out.push(p);
  }
  return out;
}

function isHiddenPath(relPath: string): boolean {
  return relPath.split('/').some((part) => part.startsWith('.'));
}

/** What is on disk now at (or under) one changed path. */
function seenAt(folder: FolderRow, relPath: string): SeenFile[] {
  if (isHiddenPath(relPath)) return [];
  const absPath = relPath === '' ? folder.path : path.join(folder.path, ...relPath.split('/'));
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(absPath);
  } catch {
    return []; // gone
  }
  if (stat.isFile()) {
    const ext = extensionOf(relPath);
    if (!isIndexedExtension(ext, folder.kind)) return [];
    return [{ folder, relPath, absPath, ext, size: stat.size, mtimeMs: stat.mtimeMs, inode: stat.ino }];
  }
  if (!stat.isDirectory()) return [];
  const out: SeenFile[] = [];
  for (const entry of walkMediaFiles(folder.path, folder.kind, relPath)) {
    if (entry.type === 'file') out.push({ folder, ...entry });
  }
  return out;
}

function nameFields(name: ParsedName, relPath: string): NameFields | null {
  switch (name.kind) {
    case 'movie':
      return { kind: 'movie', title: name.title, year: name.year, part: name.part !== null ? { number: name.part, group: partGroupOf(relPath, name) } : null };
    case 'episode':
      return name;
    case 'track':
      return { kind: 'track' };
    default:
      return null;
  }
}

/**
 * Brings the index in line with the disk at the changed paths only, without a full rescan. A file that
 * appeared where another disappeared in the same batch, with the same size and sampled-block hash, is
 * the same file moved or renamed: its item keeps its id, media facts and watched state. Returns whether
 * anything in the index changed.
 */
export async function applyChanges(ctx: Omit<WatchContext, 'folders' | 'serialize' | 'onChange'>, changes: ChangeSet): Promise<boolean> {
  const { db } = ctx;
  const seen: SeenFile[] = []; // paths the index does not know: new, or the far end of a move
  const gone: GoneFile[] = [];
  const changedPaths: SeenFile[] = []; // known paths whose file changed: re-read in place, same id
  let wentOffline = false;
  for (const [folderId, paths] of changes) {
    const folder = getFolderRow(db, folderId);
    if (!folder || !folder.online) continue;
    // Important: an unplugged drive looks like every file was deleted. Its items stay (offline), exactly
    // as a full scan treats it; the next scan brings the folder back.
    if (!isOnline(folder, db)) {
      setFolderOnline(db, folder.id, false);
      wentOffline = true;
      continue;
    }
    // A new or edited poster, nfo or subtitle file: the media files it describes are read again.
    const sidecarDirs = new Set<string>();
    const targets = [...paths].map((p) => {
      if (!isSidecarName(p.slice(p.lastIndexOf('/') + 1))) return p;
      const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
      sidecarDirs.add(dir);
      return dir;
    });
    for (const relPath of outermost(targets)) {
      const onDisk = seenAt(folder, relPath);
      const known = new Map(indexedUnder(db, folderId, relPath).map((f) => [f.relPath, f]));
      for (const file of onDisk) {
        const before = known.get(file.relPath);
        known.delete(file.relPath);
        const same = before && before.size === file.size && before.mtimeMs === file.mtimeMs && (before.inode === null || before.inode === file.inode);
        if (same && !sidecarsChangedFor(sidecarDirs, file.relPath)) continue;
        if (before) changedPaths.push(file);
        else seen.push(file);
      }
      for (const file of known.values()) gone.push({ ...file, folderId });
    }
  }
  if (seen.length === 0 && gone.length === 0 && changedPaths.length === 0) return wentOffline;

  const writes: (() => void)[] = [];
  const now = ctx.clock.now();
  const unmatched = new Set(gone.filter((g) => g.itemId !== null));
  const isNew = new Set(seen);
  // Files are read in parallel (a folder copied in brings many); matching a move is synchronous between
  // awaits, so two new files can never claim the same vanished item.
  const listings = new Map<string, DirListing | null>(); // folder listings for sidecars, once per batch
  const handle = async (file: SeenFile): Promise<void> => {
    const name = parseMediaName(file.relPath, file.folder.kind, file.size);
    if (name.kind === 'ignored') return;
    const record = { relPath: file.relPath, size: file.size, mtimeMs: file.mtimeMs };
    if (name.kind === 'unknown') {
      writes.push(() => recordUnparseable(db, file.folder.id, record, name.reason, false));
      return;
    }
    const sameSize = isNew.has(file) ? [...unmatched].filter((g) => g.size === file.size && g.sampleHash !== null) : [];
    if (sameSize.length > 0 && file.size > 0) {
      try {
        const { sampleHash } = await ctx.read.pool.parse('hash', file.absPath, file.ext, file.size, ctx.read.signal);
        const match = sameSize.find((g) => g.sampleHash === sampleHash && unmatched.has(g));
        const fields = nameFields(name, file.relPath);
        if (match && fields) {
          unmatched.delete(match);
          const target = { folderId: file.folder.id, relPath: file.relPath, mtimeMs: file.mtimeMs, inode: file.inode };
          writes.push(() => {
            if (!moveItem(db, match.itemId!, target, fields)) forgetPath(db, match.folderId, match.relPath);
          });
          return;
        }
      } catch {
        // Could not hash it: read it as a new file below, which records why if it fails again.
      }
    }
    const listing = (relDir: string): DirListing | null => {
      const key = `${file.folder.id}\u0000${relDir}`;
      if (!listings.has(key)) listings.set(key, listDir(relDir === '' ? file.folder.path : path.join(file.folder.path, ...relDir.split('/')), file.folder.kind));
      return listings.get(key) ?? null;
    };
    const toRead: FileToRead = { ...record, absPath: file.absPath, ext: file.ext, inode: file.inode, name, ...(name.kind === 'extra' ? {} : sidecarsOf(file.relPath, name.kind, listing, file.folder.path)) };
    try {
      const item = await readItem(toRead, ctx.read);
      writes.push(() => upsertItem(db, file.folder.id, item, now));
    } catch (error) {
      if (!(error instanceof ProbeFailure)) throw error;
      const failure = toProbeFailure(error);
      writes.push(() => recordUnparseable(db, file.folder.id, record, failure.reason, failure.transient));
    }
  };
  await forEachConcurrently([...seen, ...changedPaths], READS_IN_FLIGHT, handle, ctx.read.signal);
  if (!db.open) return false;
  db.transaction(() => {
    for (const write of writes) write();
    // Whatever disappeared and was not found again elsewhere is gone (unparseable entries included).
    for (const file of gone) if (file.itemId === null || unmatched.has(file)) forgetPath(db, file.folderId, file.relPath);
    pruneOrphanGroups(db);
  })();
  return true;
}

/**
 * Watches the library folders (recursive `fs.watch`) and applies changes in debounced batches. Returns
 * a handle that re-reads the folder list (after folders are added or removed) and stops watching.
 */
export function watchLibrary(ctx: WatchContext): { refresh: () => void; close: () => void } {
  const watchers = new Map<string, { path: string; watcher: fs.FSWatcher }>();
  let pending: ChangeSet = new Map();
  let timer: TimerHandle | null = null;
  let firstEventAt: number | null = null;
  let closed = false;
  let running: Promise<void> = Promise.resolve();

  const flush = (): void => {
    timer = null;
    firstEventAt = null;
    const batch = pending;
    pending = new Map();
    if (batch.size === 0 || closed) return;
    running = running
      .then(() => ctx.serialize(async () => {
        if (closed) return;
        if (await applyChanges(ctx, batch)) ctx.onChange();
      }))
      .catch(() => undefined); // a failed batch is retried by the next full scan
  };

  const note = (folderId: string, relPath: string): void => {
    let set = pending.get(folderId);
    if (!set) pending.set(folderId, (set = new Set()));
    set.add(relPath);
    const now = ctx.clock.now();
    firstEventAt ??= now;
    timer?.cancel();
    const wait = Math.min(ctx.debounceMs ?? DEBOUNCE_MS, Math.max(0, firstEventAt + MAX_WAIT_MS - now));
    timer = ctx.clock.setTimeout(flush, wait);
  };

  const refresh = (): void => {
    if (closed) return;
    const folders = ctx.folders().filter((f) => f.online);
    const wanted = new Map(folders.map((f) => [f.id, f]));
    for (const [id, entry] of watchers) {
      if (wanted.get(id)?.path !== entry.path) {
        entry.watcher.close();
        watchers.delete(id);
      }
    }
    for (const folder of folders) {
      if (watchers.has(folder.id)) continue;
      try {
        const watcher = fs.watch(folder.path, { recursive: true, persistent: false }, (_event, filename) => {
          if (filename === null) return note(folder.id, ''); // the OS lost track: look at the whole folder
          note(folder.id, String(filename).split(path.sep).join('/'));
        });
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(folder.id);
        });
        watchers.set(folder.id, { path: folder.path, watcher });
      } catch {
        // The folder vanished or cannot be watched: the next scan marks it offline.
      }
    }
  };

  refresh();
  return {
    refresh,
    close() {
      closed = true;
      timer?.cancel();
      for (const { watcher } of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
