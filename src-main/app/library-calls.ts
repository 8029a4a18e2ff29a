import { AppError, LibraryPageRequest, UnparseableRequest, type Folder, type FolderKind, type ScanSummary } from '../contract/index.js';
import type { RecordTelemetry } from '../event-catalog/index.js';
import type { HistoryService } from '../history/index.js';
import type { LibraryService } from '../library/index.js';
import type { CallsOf } from './calls.js';
import type { EventHub } from './event-hub.js';
import type { LibraryChanges } from './library-changes.js';
import type { Jobs } from './jobs.js';

export interface LibraryCallsDeps {
  library: LibraryService;
  history: HistoryService;
  events: EventHub;
  changes: LibraryChanges;
  jobs: Jobs;
  record: RecordTelemetry;
  /** A native folder picker, where the host has one. */
  pickFolder?: () => Promise<string | null>;
}

/**
 * Scans, each with the abort signal of its generation: "cancel" aborts the scans running now, and later
 * scans start with a fresh signal. Each is a tracked job, reporting included, so quitting waits for it.
 */
export class Scans {
  private generation = new AbortController();

  constructor(private readonly deps: LibraryCallsDeps) {}

  run(folderId?: string): Promise<ScanSummary> {
    return this.deps.jobs.track(this.scanAndReport(folderId));
  }

  /**
   * Starts a scan nobody waits for (a folder just added). Its progress reaches every window as it runs; a
   * failure is told there too (phase 'failed'), so the rejection is not the caller's to handle.
   */
  startInBackground(folderId: string): void {
    void this.run(folderId).catch(() => undefined);
  }

  cancel(): void {
    this.generation.abort();
    this.generation = new AbortController();
  }

  private async scanAndReport(folderId?: string): Promise<ScanSummary> {
    const { library, events, history, record } = this.deps;
    const summary = await library.scan({
      ...(folderId ? { folderId } : {}),
      signal: this.generation.signal,
      onProgress: (p) => events.emit('onDidChangeScanProgress', p),
    });
    this.deps.changes.everything();
    const itemCount = summary.added + summary.updated + summary.unchanged;
    // Only a scan of every folder counts the whole library; one folder's count is not the library's size.
    if (folderId === undefined) history.noteLibrarySize(itemCount);
    record('library.scan_completed', { itemCount, durationSec: summary.durationMs / 1000, failureCount: summary.failed.length });
    return summary;
  }
}

export function libraryCalls(deps: LibraryCallsDeps, scans: Scans): CallsOf<'library'> {
  const { library, changes } = deps;
  /** Runs a change to the folder list and tells every window the library changed. */
  const changing = <T>(change: () => T): T => {
    const out = change();
    changes.everything();
    return out;
  };
  /** Adds a folder and starts indexing it: someone who adds a folder expects to see its files. */
  const adding = (path: string, kind: FolderKind): Folder => {
    const folder = changing(() => library.addFolder(path, kind));
    scans.startInBackground(folder.id);
    return folder;
  };
  return {
    // Dispatch has parsed the input already; parsing again types it with its defaults filled in.
    'library.page': async (request) => library.page(LibraryPageRequest.parse(request)),
    'library.counts': async () => library.counts(),
    'library.status': async () => library.status(),
    'library.home': async () => library.home(),
    'library.unparseable': async (request) => library.unparseable(UnparseableRequest.parse(request)),
    'library.setWatched': async (request) => {
      const change = library.setWatched(request);
      changes.watched(change);
      return { changed: change.ids.length };
    },
    'library.detail': async (request) => library.detail(request),
    'library.addFolder': async ({ path, kind }) => adding(path, kind),
    'library.pickFolder': async ({ kind }) => {
      if (!deps.pickFolder) throw new AppError('bad-request', 'This host has no folder picker: type the folder path instead.');
      const picked = await deps.pickFolder();
      return picked ? adding(picked, kind) : null;
    },
    'library.removeFolder': async ({ folderId }) => changing(() => library.removeFolder(folderId)),
    'library.scan': async ({ folderId }) => scans.run(folderId),
    'library.cancelScan': async () => (scans.cancel(), {}),
    'library.search': async ({ query, limit }) => ({ hits: library.search(query, limit) }),
  };
}
