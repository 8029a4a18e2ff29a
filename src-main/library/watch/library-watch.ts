import type { WritableDB } from '../index/db.js';
import { listFolderRows } from '../index/folder-rows.js';
import type { ReadOptions } from '../scan/read-item.js';
import { applyChanges, type IndexChange } from './apply-changes.js';
import { FolderWatcher } from './folder-watcher.js';

interface LibraryWatchOptions {
  db: WritableDB;
  read: ReadOptions;
  /** Resolves once no scan is running or queued: a batch waits for it. */
  scansIdle: () => Promise<void>;
}

/**
 * The library's subscriptions to changes on disk: one folder watcher while anyone listens, none
 * otherwise. Its batches and the scans take turns writing: a batch waits for the scans, and a scan waits
 * for the batch being applied (`batchDone`).
 */
export class LibraryWatch {
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private watcher: FolderWatcher | null = null;
  private closed = false;
  // The watcher's batch being applied, if any: a scan waits for it so the two never write one folder at once.
  private batch: Promise<void> = Promise.resolve();

  constructor(private readonly opts: LibraryWatchOptions) {}

  /** Adds a listener (starting the watcher for the first); the returned function removes it again. */
  subscribe(onChange: (change: IndexChange) => void): () => void {
    this.listeners.add(onChange);
    this.watcher ??= this.startWatcher();
    return () => {
      this.listeners.delete(onChange);
      if (this.listeners.size === 0 && this.watcher) {
        this.watcher.close();
        this.watcher = null;
      }
    };
  }

  /** Re-reads the folder list: after folders were added or removed, or came back online. */
  refresh(): void {
    this.watcher?.refresh();
  }

  /** Settles when the batch being applied, if any, is done (failed or not). */
  batchDone(): Promise<void> {
    return this.batch.catch(() => undefined);
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    this.watcher = null;
  }

  private startWatcher(): FolderWatcher {
    const { db, read } = this.opts;
    return new FolderWatcher({
      clock: read.tools.clock,
      folders: () => listFolderRows(db),
      serialize: (work) => this.takeTurn(work),
      apply: (changes) => applyChanges({ db, read }, changes),
      onChange: (change) => this.notify(change),
    });
  }

  private async takeTurn(work: () => Promise<void>): Promise<void> {
    await this.opts.scansIdle();
    if (this.closed) return;
    this.batch = work();
    await this.batch;
  }

  private notify(change: IndexChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A listener's bug must not stop the watcher.
      }
    }
  }
}
