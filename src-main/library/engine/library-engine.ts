import { spawn } from 'node:child_process';
import { AppError } from '../../contract/index.js';
import { systemClock, type Clock } from '../../ports.js';
import { isCorruptionError } from '../../sqlite/index.js';
import { openIndexConnection, type WritableDB } from '../index/db.js';
import { listFolderRows } from '../index/folder-rows.js';
import { recoverDeletedArtwork, sweepArtwork } from '../metadata/artwork-cache.js';
import { ParsePool } from '../scan/parse-pool.js';
import { ProbeToolMissing } from '../scan/probe-errors.js';
import type { ProgressSink } from '../scan/progress.js';
import type { ReadOptions } from '../scan/read-item.js';
import { scanFolder } from '../scan/scan-folder.js';
import { newScanTotals, type ScanTotals } from '../scan/scan-totals.js';
import { applyChanges, type IndexChange } from '../watch/apply-changes.js';
import { FolderWatcher } from '../watch/folder-watcher.js';
import type { EngineConfig, EngineFailure } from './engine-protocol.js';

/**
 * Main's clock as the engine thread sees it: the system clock, shifted by how far main's clock was from it
 * when the job was sent. Timestamps written by a scan (scanned_at, last_scan_at) thus follow the clock the
 * composition root chose (a test's manual clock included), while the wall-clock read timeouts stay real.
 */
function jobClock(mainNow: number): Clock {
  const offset = mainNow - systemClock.now();
  return { now: () => systemClock.now() + offset, setTimeout: (fn, ms) => systemClock.setTimeout(fn, ms) };
}

/** What a scan job answers: what it did, and whether it swept the artwork cache. */
export interface EngineScanResult {
  totals: ScanTotals;
  swept: boolean;
}

/**
 * The library's writing half, run in the engine thread (see `engine-worker.ts`): the walk, the diff
 * against the known files, the reads (through its own parse pool) and every index write of scans, and the
 * folder watcher with its batches, through its own connection to the index. The main thread keeps reading
 * through its connection meanwhile (WAL), so no part of a scan or of watching runs on the host's event loop.
 * Scans and the watcher's batches take turns (`inTurn`), so the two never write one folder at once.
 */
export class LibraryEngine {
  private readonly db: WritableDB;
  private readonly pool: ParsePool;
  private readonly lifetime = new AbortController();
  private watcher: FolderWatcher | null = null;
  /** The scan or batch writing now (or last), settled either way: the next one waits for it. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly config: EngineConfig) {
    this.db = openIndexConnection(config.indexFile);
    this.pool = new ParsePool({
      size: config.parseWorkers,
      timeoutMs: config.timeoutMs,
      clock: systemClock,
      ...(config.parseWorkerModule ? { workerModule: new URL(config.parseWorkerModule) } : {}),
    });
  }

  /** Scans the folder `scope`, or every folder (null), reporting to `progress`; a cancelled scan returns what it did. */
  scan(request: { scope: string | null; sweepDue: boolean; now: number }, progress: ProgressSink, signal: AbortSignal): Promise<EngineScanResult> {
    return this.inTurn(() => this.scanFolders(request, progress, signal));
  }

  /** Starts (`onChange` given) or stops watching the library folders; `now` is main's clock. */
  watch(onChange: ((change: IndexChange) => void) | null, now: number): void {
    if (!onChange) {
      this.watcher?.close();
      this.watcher = null;
      return;
    }
    this.watcher ??= new FolderWatcher({
      clock: systemClock,
      folders: () => (this.db.open ? listFolderRows(this.db) : []),
      serialize: (work) => this.inTurn(work),
      apply: (changes) => applyChanges({ db: this.db, read: this.readOptions(now, this.lifetime.signal) }, changes),
      onChange,
    });
  }

  /** The folder list changed, or a folder came back online: the watcher re-reads it. */
  refreshWatch(): void {
    this.watcher?.refresh();
  }

  /** Stops watching and every read in flight (jobs still running see them fail as cancelled). */
  stop(): Promise<void> {
    this.lifetime.abort();
    this.watch(null, 0);
    return this.pool.close();
  }

  closeIndex(): void {
    if (this.db.open) this.db.close();
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const next = this.turn.then(() => work());
    this.turn = next.catch(() => undefined);
    return next;
  }

  private async scanFolders(request: { scope: string | null; sweepDue: boolean; now: number }, progress: ProgressSink, signal: AbortSignal): Promise<EngineScanResult> {
    const totals = newScanTotals();
    const ctx = { db: this.db, read: this.readOptions(request.now, signal), signal, progress, totals };
    recoverDeletedArtwork(this.db, this.config.artDir);
    const folders = listFolderRows(this.db).filter((f) => request.scope === null || f.id === request.scope);
    if (request.scope !== null && folders.length === 0) throw new AppError('not-found', 'That folder is not in the library.');
    for (const folder of folders) {
      if (signal.aborted) break;
      await scanFolder(ctx, folder);
    }
    // Pictures of removed or re-read items; after the writes, so nothing just stored waits for its row.
    const swept = !signal.aborted && (request.sweepDue || totals.added + totals.updated + totals.removed > 0);
    if (swept) sweepArtwork(this.db, this.config.artDir);
    // A folder that came back online is watched again.
    this.watcher?.refresh();
    return { totals, swept };
  }

  private readOptions(now: number, signal: AbortSignal): ReadOptions {
    const tools = { ffprobe: this.config.ffprobe, ffmpeg: this.config.ffmpeg, spawn, clock: jobClock(now) };
    return { tools, timeoutMs: this.config.timeoutMs, pool: this.pool, artDir: this.config.artDir, signal };
  }
}

/** A job's error in the terms the main thread answers with; never a stack or a path beyond the message. */
export function describeFailure(error: unknown): EngineFailure {
  const message = error instanceof Error ? error.message : String(error);
  const raw = (error as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' ? raw : null;
  if (error instanceof ProbeToolMissing) return { kind: 'probe-missing', message, code };
  if (error instanceof AppError && error.code === 'not-found') return { kind: 'not-found', message, code: null };
  return { kind: isCorruptionError(error) ? 'corrupt' : 'other', message, code };
}
