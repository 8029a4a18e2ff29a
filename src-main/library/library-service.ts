import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/index.js';
import type { Clock } from '../ports.js';
import type { DetailRequest, Folder, FolderKind, HomeShelves, LibraryCounts, LibraryDetail, LibraryPage, LibraryPageRequest, LibrarySnapshot, LibraryStatus } from '../contract/index.js';
import type { ScanSummary, SearchHit, SetWatchedRequest, UnparseablePage, UnparseableRequest } from '../contract/index.js';
import { assertNoOverlap, resolveFolderPath } from './folder-paths.js';
import { EngineClient, EngineJobError, type EngineClientOptions } from './engine/engine-client.js';
import type { EngineScanResult } from './engine/library-engine.js';
import { deleteFolder, getFolderRow, insertFolder, listFolderRows } from './index/folder-rows.js';
import type { WritableDB } from './index/db.js';
import type { IndexRecovery } from './index/index-recovery.js';
import { IndexSession } from './index/index-session.js';
import { resolveItem } from './index/resolve-item.js';
import type { ResolvedItem } from './index/resolve-item.js';
import { homeShelves } from './index/home-shelves.js';
import { libraryDetail } from './index/library-detail.js';
import { libraryCounts, libraryPage } from './index/library-pages.js';
import { searchIndex } from './index/search.js';
import { buildSnapshot, listFolders, type PictureLinks } from './index/snapshot.js';
import { unparseableCount, unparseablePage } from './index/unparseable-pages.js';
import { saveProgress, type ProgressChange } from './index/user-state.js';
import { setWatched, type WatchedChange } from './index/watched-marks.js';
import { thumbResponse, type ArtResponse } from './metadata/art-response.js';
import { artworkDir, gridArt } from './metadata/artwork-cache.js';
import { Thumbnails } from './metadata/thumbnails.js';
import { defaultParseWorkers } from './scan/parse-pool.js';
import type { ProgressReporter } from './scan/progress.js';
import { ScanQueue } from './scan/scan-queue.js';
import type { ScanOptions } from './scan/scan-queue.js';
import { newScanTotals, scanSummary } from './scan/scan-totals.js';
import type { LibraryTools } from './tools.js';
import type { IndexChange } from './watch/apply-changes.js';
import { LibraryWatch } from './watch/library-watch.js';

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
  /**
   * The whole library at once, for main-side tools only (`glasswing scan --json`, tests): no call sends it
   * to a window, which reads bounded pages instead.
   */
  snapshot(): LibrarySnapshot;
  /** The folders, how many files could not be read, and the notice of a rebuilt index: bounded by folders. */
  status(): LibraryStatus;
  /** Home's shelves, each at most `SHELF_LIMIT` long. */
  home(): HomeShelves;
  /** Unreadable files a page at a time; AppError 'bad-request' for a foreign cursor, 'not-found' for an unknown folder. */
  unparseable(request: UnparseableRequest): UnparseablePage;
  /** Marks an item, or every episode of a show, watched or not (resume points cleared); AppError 'not-found'. */
  setWatched(request: SetWatchedRequest): WatchedChange;
  /** One page of a section by keyset; AppError 'bad-request' for a cursor that is not this request's. */
  page(request: LibraryPageRequest): LibraryPage;
  /** Items per section and per movie filter. */
  counts(): LibraryCounts;
  /** An item, show, album or artist with what its page shows; AppError 'not-found'. */
  detail(request: DetailRequest): LibraryDetail;
  /** Set when this session found the index damaged and rebuilt it; the host then rescans every folder. */
  readonly recovery: IndexRecovery | null;
  /**
   * Ranked search across movies, shows, episodes, artists, albums and tracks as the user types: every
   * word is a prefix ("nig tr" finds "Night Train"), case and accents do not matter. Any text is safe.
   */
  search(query: string, limit?: number): SearchHit[];
  /** Saves an item's playback position (resume point; watched at ≥ 90 %); null for an unknown id. See `ProgressChange`. */
  saveProgress(itemId: string, positionSec: number): ProgressChange | null;
  /** Looks an item up in the index only (no file system access); null for an unknown id. */
  resolveItem(itemId: string): ResolvedItem | null;
  /**
   * Answers a request for a cached picture's thumbnail (`/thumb/<id>`), making it on the first request:
   * 404 for an unknown id, 422 for a picture ffmpeg cannot read. Never rejects.
   */
  thumbnail(artId: string, method: string, ifNoneMatch?: string | string[]): Promise<ArtResponse>;
  /**
   * Watches the library folders: additions, deletions, renames and moves on disk reach the index within
   * seconds, without a full rescan; a moved or renamed file keeps its id and watched state. `onChange`
   * runs after each change to the index, with the kinds of items it touched. Returns a function that
   * stops this subscription.
   */
  watch(onChange: (change: IndexChange) => void): () => void;
  /** Cancels any scan, stops watching and closes the index. */
  close(): void;
}

export interface OpenLibraryOptions {
  dataDir: string;
  /** ffprobe, process spawning, and the time source for timeouts, progress throttling and timestamps. */
  tools: LibraryTools;
  /** How the host addresses a cached picture (`/art/<id>`); the snapshot carries these URLs. */
  artUrl: (artId: string) => string;
  /** How the host addresses a picture's thumbnail (`/thumb/<id>`); grid pages carry these URLs. */
  thumbUrl: (artId: string) => string;
  /** Whether a scan that stored pictures then makes their thumbnails in the background; default true. */
  warmThumbnails?: boolean;
  /** Per-file read limit (ffprobe or tag parsing); default 15 s. */
  probeTimeoutMs?: number;
  /** Files read at once (worker threads and ffprobe spawns together); default: cores, from 2 to 4. */
  parseWorkers?: number;
  /** The parse worker's module; tests substitute one that hangs. */
  parseWorkerModule?: URL;
  /** The engine thread's module (`engine/engine-worker.ts`); the scan bench substitutes its compiled bundle. */
  engineWorkerModule?: URL;
}

/**
 * Opens the library index at `<dataDir>/library.db` (created and migrated as needed; a damaged one is
 * quarantined and rebuilt, see index-recovery.ts). Reads run on the caller's thread; scans and the
 * watcher's batches run in the library engine thread (`engine/`), with a connection of their own.
 *
 * Note: the engine thread spawns ffprobe with node's `spawn` and stamps its writes with main's clock
 * shifted onto its system clock (`jobClock`): functions cannot cross to a thread, only `tools.ffprobe` does.
 */
export function openLibrary(opts: OpenLibraryOptions): LibraryService {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const { tools } = opts;
  const indexFile = path.join(opts.dataDir, 'library.db');
  const index = new IndexSession(indexFile, tools.clock.now());
  const artDir = artworkDir(opts.dataDir);
  const config = {
    indexFile,
    artDir,
    ffprobe: tools.ffprobe,
    ffmpeg: tools.ffmpeg,
    timeoutMs: opts.probeTimeoutMs ?? 15_000,
    parseWorkers: opts.parseWorkers ?? defaultParseWorkers(),
    parseWorkerModule: opts.parseWorkerModule?.href ?? null,
  };
  const engine = { config, clock: tools.clock, ...(opts.engineWorkerModule ? { workerModule: opts.engineWorkerModule } : {}) };
  const link = (url: (artId: string) => string) => (artId: string | null) => (artId === null ? null : url(artId));
  return new Library(index, engine, tools.clock, {
    artUrl: opts.artUrl,
    links: { art: link(opts.artUrl), thumb: link(opts.thumbUrl) },
    thumbs: new Thumbnails({ artDir, tools }),
    warmThumbnails: opts.warmThumbnails ?? true,
  });
}

/** How the library names pictures, and makes their thumbnails. */
interface LibraryPictures {
  artUrl: (artId: string) => string;
  links: PictureLinks;
  thumbs: Thumbnails;
  warmThumbnails: boolean;
}

const folderNotFound = (): AppError => new AppError('not-found', 'That folder is not in the library.');

class Library implements LibraryService {
  readonly recovery: IndexRecovery | null;
  private closed = false;
  /** Removed folders left pictures that the next scan sweeps (a scan may be storing some now). */
  private sweepDue = false;
  // After a rebuild, until a scan of every folder has finished, salvaged state is still finding its items.
  private restoring: boolean;
  private readonly lifetime = new AbortController();
  private readonly scans: ScanQueue;
  private readonly engine: EngineClient;
  private readonly watching: LibraryWatch;

  constructor(
    private readonly index: IndexSession,
    engine: Omit<EngineClientOptions, 'onChanged'>,
    private readonly clock: Clock,
    private readonly pictures: LibraryPictures,
  ) {
    this.recovery = index.recovery;
    this.restoring = index.recovery !== null;
    this.engine = new EngineClient({ ...engine, onChanged: (change) => this.watching.changed(change) });
    this.watching = new LibraryWatch(this.engine);
    // The engine thread lets a scan and the watcher's batch being applied take turns.
    this.scans = new ScanQueue(clock, (scope, progress, opts) => this.runScan(scope, progress, opts));
  }

  private get db(): WritableDB {
    return this.index.db;
  }

  listFolders(): Folder[] {
    this.assertOpen();
    return listFolders(this.db);
  }

  addFolder(input: string, kind: FolderKind): Folder {
    this.assertOpen();
    const real = resolveFolderPath(input);
    const insert = this.db.transaction(() => {
      assertNoOverlap(
        real,
        listFolderRows(this.db).map((f) => f.path),
      );
      return insertFolder(this.db, real, kind, this.clock.now());
    });
    // Immediate: the engine thread writes through its own connection (see scan/write-batch.ts).
    const { id } = insert.immediate();
    this.watching.refresh();
    // Its place depends on the other folders: a second "Movies" shows more of where it is.
    return listFolders(this.db).find((f) => f.id === id)!;
  }

  folderPath(folderId: string): string | null {
    this.assertOpen();
    return getFolderRow(this.db, folderId)?.path ?? null;
  }

  removeFolder(folderId: string): { removedItems: number } {
    this.assertOpen();
    if (!getFolderRow(this.db, folderId)) throw folderNotFound();
    const removedItems = this.db.transaction(() => deleteFolder(this.db, folderId)).immediate();
    this.sweepDue = removedItems > 0 || this.sweepDue;
    this.watching.refresh();
    return { removedItems };
  }

  scan(opts: ScanOptions = {}): Promise<ScanSummary> {
    try {
      this.assertOpen();
      if (opts.folderId !== undefined && !getFolderRow(this.db, opts.folderId)) throw folderNotFound();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.scans.enqueue(opts);
  }

  snapshot(): LibrarySnapshot {
    this.assertOpen();
    try {
      return { ...buildSnapshot(this.db, this.pictures.artUrl), recovery: this.index.recoveryNotice(this.restoring) };
    } catch (error) {
      return this.index.noteDamage(error);
    }
  }

  status(): LibraryStatus {
    return this.withIndex((db) => ({ folders: listFolders(db), unparseableCount: unparseableCount(db), recovery: this.index.recoveryNotice(this.restoring) }));
  }

  home(): HomeShelves {
    return this.withIndex((db) => homeShelves(db, this.pictures.links));
  }

  unparseable(request: UnparseableRequest): UnparseablePage {
    return this.withIndex((db) => unparseablePage(db, request));
  }

  setWatched(request: SetWatchedRequest): WatchedChange {
    return this.withIndex((db) => setWatched(db, request, this.clock.now()));
  }

  page(request: LibraryPageRequest): LibraryPage {
    return this.withIndex((db) => libraryPage(db, request, this.pictures.links));
  }

  counts(): LibraryCounts {
    return this.withIndex(libraryCounts);
  }

  detail(request: DetailRequest): LibraryDetail {
    return this.withIndex((db) => libraryDetail(db, request, this.pictures.links));
  }

  /** Runs a query (a read, or a small write) on the index; a damaged index is noted (and rebuilt next start) as the snapshot does. */
  private withIndex<T>(use: (db: WritableDB) => T): T {
    this.assertOpen();
    try {
      return use(this.db);
    } catch (error) {
      if (error instanceof AppError) throw error;
      return this.index.noteDamage(error);
    }
  }

  watch(onChange: (change: IndexChange) => void): () => void {
    this.assertOpen();
    return this.watching.subscribe(onChange);
  }

  search(query: string, limit = 50): SearchHit[] {
    this.assertOpen();
    return searchIndex(this.db, query, limit);
  }

  saveProgress(itemId: string, positionSec: number): ProgressChange | null {
    this.assertOpen();
    return saveProgress(this.db, itemId, positionSec, this.clock.now());
  }

  resolveItem(itemId: string): ResolvedItem | null {
    this.assertOpen();
    return resolveItem(this.db, itemId);
  }

  thumbnail(artId: string, method: string, ifNoneMatch?: string | string[]): Promise<ArtResponse> {
    // After close the thumbnails made are still served; nothing new is started (see Thumbnails.close).
    return thumbResponse(this.pictures.thumbs, artId, method, ifNoneMatch);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pictures.thumbs.close();
    this.watching.close();
    this.lifetime.abort();
    this.engine.close();
    this.index.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('conflict', 'The library is closed.');
  }

  private async runScan(scope: string | null, progress: ProgressReporter, opts: ScanOptions): Promise<ScanSummary> {
    const started = this.clock.now();
    const signal = opts.signal ? AbortSignal.any([this.lifetime.signal, opts.signal]) : this.lifetime.signal;
    if (this.closed || signal.aborted) {
      progress.finish('cancelled');
      return scanSummary(newScanTotals(), this.clock.now() - started);
    }
    // Taken now: a folder removed while this scan runs leaves pictures for the next one to sweep.
    const sweepDue = this.sweepDue;
    this.sweepDue = false;
    let result: EngineScanResult;
    try {
      result = await this.engine.scan({ scope, sweepDue }, progress, signal);
    } catch (error) {
      this.sweepDue ||= sweepDue;
      progress.finish('failed');
      throw this.scanError(error);
    }
    if (!result.swept) this.sweepDue ||= sweepDue;
    const { added, updated } = result.totals;
    // Made now rather than when a grid first shows them, one at a time behind any grid's requests.
    if (this.pictures.warmThumbnails && !this.closed && added + updated > 0) this.pictures.thumbs.warm(gridArt(this.db));
    progress.update({ currentFolder: null });
    progress.finish(signal.aborted ? 'cancelled' : 'done');
    if (scope === null && !signal.aborted) this.restoring = false;
    return scanSummary(result.totals, this.clock.now() - started);
  }

  /** What a failed scan rejects with: ffprobe missing and an unknown folder as AppErrors; damage is noted. */
  private scanError(error: unknown): unknown {
    if (!(error instanceof EngineJobError)) return error;
    const { kind, message, code } = error.failure;
    if (kind === 'probe-missing') return new AppError('internal', message);
    if (kind === 'not-found') return new AppError('not-found', message);
    // The index is damaged: noted, so the next start checks it in full and rebuilds it.
    if (kind === 'corrupt') this.index.noteDamage(Object.assign(new Error(message), { code }));
    return error;
  }
}
