import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../contract/index.js';
import type { Folder, FolderKind, LibrarySnapshot, ScanProgress, ScanSummary, SearchHit } from '../contract/index.js';
import { systemClock } from '../ports.js';
import type { Clock } from '../ports.js';
import { isCorruptionError, markClosedCleanly } from './index/index-health.js';
import { openIndex } from './index/index-recovery.js';
import type { IndexRecovery } from './index/index-recovery.js';
import { salvagedStateCounts } from './index/salvaged-state.js';
import type { WritableDB } from './index/db.js';
import { assertNoOverlap, resolveFolderPath } from './folder-paths.js';
import { countItemsByFolder, deleteFolder, getFolderRow, insertFolder, listFolderRows } from './index/index-store.js';
import { ProbeToolMissing } from './scan/probe-errors.js';
import { ParsePool } from './scan/parse-pool.js';
import { ProgressReporter } from './scan/progress.js';
import { scanFolder } from './scan/scan-folder.js';
import type { ScanTotals } from './scan/scan-folder.js';
import { searchIndex } from './index/search.js';
import { watchLibrary } from './watch/watcher.js';
import { buildSnapshot, toFolderDto } from './index/snapshot.js';
import { artworkDir, recoverDeletedArtwork, sweepArtwork } from './metadata/artwork-cache.js';
import { resolveItem } from './index/resolve-item.js';
import type { ResolvedItem } from './index/resolve-item.js';
export type { ResolvedItem } from './index/resolve-item.js';
import { saveProgress, type ProgressChange } from './index/user-state.js';

export interface ScanOptions {
  folderId?: string;
  onProgress?: (p: ScanProgress) => void;
  signal?: AbortSignal;
}

export interface LibraryService {
  listFolders(): Folder[];
  /** Adds a folder by its realpath. AppError 'not-found' if missing or not a directory; 'conflict' if it overlaps one. */
  addFolder(path: string, kind: FolderKind): Folder;
  /** The realpath of a folder, for main-side tools such as the CLI; never sent to the renderer. */
  folderPath(folderId: string): string | null;
  /** Removes a folder and its items (nothing on disk is touched). AppError 'not-found'. */
  removeFolder(folderId: string): { removedItems: number };
  /**
   * Scans one folder, or all. One scan runs at a time: a call while a scan covering the same folders is
   * running or queued joins it (same promise; its `onProgress` is added, its `signal` ignored); any
   * other call is queued behind it. A cancelled scan resolves with what it did so far and reports
   * phase 'cancelled'. Rejects with AppError if ffprobe is missing.
   */
  scan(opts?: ScanOptions): Promise<ScanSummary>;
  snapshot(): LibrarySnapshot;
  /** Set when this session found the index damaged and rebuilt it; the host then rescans every folder. */
  readonly recovery: IndexRecovery | null;
  /**
   * Ranked search across movies, shows, episodes, artists, albums and tracks as the user types: every
   * word is a prefix ("nig tr" finds "Night Train"), case and accents do not matter. Any text is safe.
   */
  search(query: string, limit?: number): SearchHit[];
  /** Saves an item's playback position (resume point; watched at ≥ 90 %); see `ProgressChange`. */
  saveProgress(itemId: string, positionSec: number): ProgressChange;
  /** Looks an item up in the index only (no file system access); null for an unknown id. */
  resolveItem(itemId: string): ResolvedItem | null;
  /**
   * Watches the library folders: additions, deletions, renames and moves on disk reach the index within
   * seconds, without a full rescan; a moved or renamed file keeps its id and watched state. `onChange`
   * runs after each change to the index. Returns a function that stops this subscription.
   */
  watch(onChange: () => void): () => void;
  /** Cancels any scan, stops watching and closes the index. */
  close(): void;
}

export interface OpenLibraryOptions {
  dataDir: string;
  /** ffprobe binary; default `ffprobe` on PATH. */
  ffprobePath?: string;
  /** Time source for progress throttling and timestamps; default the system clock. */
  clock?: Clock;
  /** Per-file read limit (ffprobe or tag parsing); default 15 s. */
  probeTimeoutMs?: number;
  /** Files read at once (worker threads and ffprobe spawns together); default: cores, from 2 to 4. */
  parseWorkers?: number;
  /** The parse worker's module; tests substitute one that hangs. */
  parseWorkerModule?: URL;
  /** How the host addresses a cached picture (`/art/<id>`); the snapshot carries these URLs. */
  artUrl?: (artId: string) => string;
}

/** As many readers as cores, but at least two (reads wait on the disk) and at most four. */
export function defaultParseWorkers(): number {
  return Math.min(4, Math.max(2, os.availableParallelism()));
}

interface ScanJob {
  scope: string | null;
  progress: ProgressReporter;
  promise: Promise<ScanSummary>;
  settled: boolean;
}

/** The snapshot's notice of a rebuild: how much of the salvaged user state found its items again so far. */
function recoveryNotice(db: WritableDB, recovery: IndexRecovery, restoring: boolean): NonNullable<LibrarySnapshot['recovery']> {
  const { kept, total } = salvagedStateCounts(db);
  return { damagedCopy: recovery.quarantineName, folders: recovery.foldersRestored, kept, salvaged: total, restoring };
}

/**
 * Opens the library index at `<dataDir>/library.db` (created and migrated as needed; a damaged one is
 * quarantined and rebuilt, see index-recovery.ts).
 */
export function openLibrary(opts: OpenLibraryOptions): LibraryService {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const clock = opts.clock ?? systemClock;
  const indexFile = path.join(opts.dataDir, 'library.db');
  const { db, recovery }: { db: WritableDB; recovery: IndexRecovery | null } = openIndex(indexFile, clock.now());
  // Set when a query met a damaged page: the in-use marker then stays, so the next start checks the index
  // thoroughly and rebuilds it (see index-health.ts).
  let damageSeen = false;
  // After a rebuild, until a scan of every folder has finished, salvaged state is still finding its items.
  let restoring = recovery !== null;
  const noteDamage = (error: unknown): never => {
    if (isCorruptionError(error)) damageSeen = true;
    throw error;
  };
  const timeoutMs = opts.probeTimeoutMs ?? 15_000;
  const pool = new ParsePool({
    size: opts.parseWorkers ?? defaultParseWorkers(),
    timeoutMs,
    ...(opts.parseWorkerModule ? { workerModule: opts.parseWorkerModule } : {}),
  });
  const artDir = artworkDir(opts.dataDir);
  const readOptions = { ffprobePath: opts.ffprobePath ?? 'ffprobe', timeoutMs, pool, artDir };
  const artUrl = opts.artUrl ?? ((id: string) => `/art/${id}`);
  let sweepDue = false;
  const lifetime = new AbortController();
  let latest: ScanJob | null = null;
  let closed = false;
  const watchListeners = new Set<() => void>();
  let watcher: ReturnType<typeof watchLibrary> | null = null;
  // The watcher's batch being applied, if any: a scan waits for it so the two never write one folder at once.
  let watcherBatch: Promise<void> = Promise.resolve();

  const assertOpen = (): void => {
    if (closed) throw new AppError('conflict', 'The library is closed.');
  };

  async function runScan(job: ScanJob, opts: ScanOptions): Promise<ScanSummary> {
    const started = clock.now();
    const signal = opts.signal ? AbortSignal.any([lifetime.signal, opts.signal]) : lifetime.signal;
    const totals: ScanTotals = { added: 0, updated: 0, removed: 0, unchanged: 0, failed: [], read: 0 };
    const summary = (): ScanSummary => ({
      added: totals.added,
      updated: totals.updated,
      removed: totals.removed,
      unchanged: totals.unchanged,
      failed: totals.failed,
      durationMs: Math.max(0, clock.now() - started),
    });
    if (closed || signal.aborted) {
      job.progress.finish('cancelled');
      return summary();
    }
    try {
      recoverDeletedArtwork(db, artDir);
      let folders = listFolderRows(db);
      if (job.scope !== null) {
        folders = folders.filter((f) => f.id === job.scope);
        if (folders.length === 0) throw new AppError('not-found', 'That folder is not in the library.');
      }
      for (const folder of folders) {
        if (signal.aborted) break;
        await scanFolder({ db, clock, read: readOptions, signal, progress: job.progress, totals }, folder);
      }
    } catch (error) {
      job.progress.finish('failed');
      if (error instanceof ProbeToolMissing) throw new AppError('internal', error.message);
      noteDamage(error);
    }
    // Pictures of removed or re-read items; after the writes, so nothing just stored waits for its row.
    if (!signal.aborted && (sweepDue || totals.added + totals.updated + totals.removed > 0)) {
      sweepArtwork(db, artDir);
      sweepDue = false;
    }
    job.progress.update({ currentFolder: null });
    job.progress.finish(signal.aborted ? 'cancelled' : 'done');
    if (job.scope === null && !signal.aborted) restoring = false;
    watcher?.refresh(); // a folder that came back online is watched again
    return summary();
  }

  function startWatching(): void {
    watcher = watchLibrary({
      db,
      clock,
      read: { ...readOptions, signal: lifetime.signal },
      folders: () => listFolderRows(db),
      serialize: async (work) => {
        while (latest && !latest.settled) await latest.promise.catch(() => undefined);
        if (closed) return;
        watcherBatch = work();
        await watcherBatch;
      },
      onChange: () => {
        for (const listener of watchListeners) {
          try {
            listener();
          } catch {
            // A listener's bug must not stop the watcher.
          }
        }
      },
    });
  }

  return {
    listFolders() {
      assertOpen();
      const counts = countItemsByFolder(db);
      return listFolderRows(db).map((row) => toFolderDto(row, counts.get(row.id) ?? 0));
    },

    addFolder(input, kind) {
      assertOpen();
      const real = resolveFolderPath(input);
      const insert = db.transaction(() => {
        assertNoOverlap(
          real,
          listFolderRows(db).map((f) => f.path),
        );
        return insertFolder(db, real, kind, clock.now());
      });
      const folder = toFolderDto(insert(), 0);
      watcher?.refresh();
      return folder;
    },

    folderPath(folderId) {
      assertOpen();
      return getFolderRow(db, folderId)?.path ?? null;
    },

    removeFolder(folderId) {
      assertOpen();
      if (!getFolderRow(db, folderId)) throw new AppError('not-found', 'That folder is not in the library.');
      const removedItems = db.transaction(() => deleteFolder(db, folderId))();
      sweepDue = removedItems > 0 || sweepDue; // its pictures go with the next scan (a scan may be storing some now)
      watcher?.refresh();
      return { removedItems };
    },

    scan(opts = {}) {
      try {
        assertOpen();
        if (opts.folderId !== undefined && !getFolderRow(db, opts.folderId)) {
          throw new AppError('not-found', 'That folder is not in the library.');
        }
      } catch (error) {
        return Promise.reject(error);
      }
      const scope = opts.folderId ?? null;
      if (latest && !latest.settled && (latest.scope === null || latest.scope === scope)) {
        latest.progress.listen(opts.onProgress);
        return latest.promise;
      }
      const previous = latest?.promise;
      const job: ScanJob = { scope, progress: new ProgressReporter(clock), promise: Promise.resolve(null as never), settled: false };
      job.progress.listen(opts.onProgress);
      const start = (): Promise<ScanSummary> => watcherBatch.catch(() => undefined).then(() => runScan(job, opts));
      job.promise = (previous ? previous.then(start, start) : start()).finally(() => {
        job.settled = true;
      });
      latest = job;
      return job.promise;
    },

    snapshot() {
      assertOpen();
      try {
        return { ...buildSnapshot(db, artUrl), recovery: recovery && recoveryNotice(db, recovery, restoring) };
      } catch (error) {
        return noteDamage(error);
      }
    },

    recovery,

    watch(onChange) {
      assertOpen();
      watchListeners.add(onChange);
      if (!watcher) startWatching();
      return () => {
        watchListeners.delete(onChange);
        if (watchListeners.size === 0 && watcher) {
          watcher.close();
          watcher = null;
        }
      };
    },

    search(query, limit = 50) {
      assertOpen();
      return searchIndex(db, query, limit);
    },

    saveProgress(itemId, positionSec) {
      assertOpen();
      return saveProgress(db, itemId, positionSec, clock.now());
    },

    resolveItem(itemId) {
      assertOpen();
      return resolveItem(db, itemId);
    },

    close() {
      if (closed) return;
      closed = true;
      watcher?.close();
      watcher = null;
      lifetime.abort();
      void pool.close();
      db.close();
      if (!damageSeen) markClosedCleanly(indexFile);
    },
  };
}
