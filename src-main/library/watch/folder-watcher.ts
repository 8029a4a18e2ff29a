import fs from 'node:fs';
import path from 'node:path';
import type { Clock, TimerHandle } from '../../ports.js';
import type { FolderRow } from '../index/folder-rows.js';
import type { IndexChange } from './apply-changes.js';
import type { ChangeSet } from './disk-changes.js';

/** Quiet time after the last event before a batch is applied: a copy or `mv` of a folder sends many. */
const DEBOUNCE_MS = 400;
/** A steady stream of events still gets applied this often. */
const MAX_WAIT_MS = 3_000;

interface FolderWatcherOptions {
  clock: Clock;
  /** The folders to watch now (online ones); called again on `refresh`. */
  folders: () => FolderRow[];
  /** Runs a batch's work once any running scan is done, so a scan and the watcher never write the same folder at once. */
  serialize: (work: () => Promise<void>) => Promise<void>;
  /** Brings the index in line with a batch of changed paths; says what changed in the index, null for nothing. */
  apply: (changes: ChangeSet) => Promise<IndexChange | null>;
  /** Called after a batch changed the index, with what it changed. */
  onChange: (change: IndexChange) => void;
  debounceMs?: number;
}

/**
 * Watches the library folders (recursive `fs.watch`) and applies changes in debounced batches, one at a
 * time. `refresh` re-reads the folder list (after folders are added or removed); `close` stops watching.
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, { path: string; watcher: fs.FSWatcher }>();
  private pending: ChangeSet = new Map();
  private timer: TimerHandle | null = null;
  private firstEventAt: number | null = null;
  private closed = false;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly opts: FolderWatcherOptions) {
    this.refresh();
  }

  refresh(): void {
    if (this.closed) return;
    const folders = this.opts.folders().filter((f) => f.online);
    const wanted = new Map(folders.map((f) => [f.id, f]));
    for (const [id, entry] of this.watchers) {
      if (wanted.get(id)?.path !== entry.path) {
        entry.watcher.close();
        this.watchers.delete(id);
      }
    }
    for (const folder of folders) if (!this.watchers.has(folder.id)) this.watch(folder);
  }

  close(): void {
    this.closed = true;
    this.timer?.cancel();
    for (const { watcher } of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private watch(folder: FolderRow): void {
    try {
      const watcher = fs.watch(folder.path, { recursive: true, persistent: false }, (_event, filename) => {
        if (filename === null) return this.note(folder.id, ''); // the OS lost track: look at the whole folder
        this.note(folder.id, String(filename).split(path.sep).join('/'));
      });
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(folder.id);
      });
      this.watchers.set(folder.id, { path: folder.path, watcher });
    } catch {
      // The folder vanished or cannot be watched: the next scan marks it offline.
    }
  }

  private note(folderId: string, relPath: string): void {
    let set = this.pending.get(folderId);
    if (!set) this.pending.set(folderId, (set = new Set()));
    set.add(relPath);
    const now = this.opts.clock.now();
    this.firstEventAt ??= now;
    this.timer?.cancel();
    const wait = Math.min(this.opts.debounceMs ?? DEBOUNCE_MS, Math.max(0, this.firstEventAt + MAX_WAIT_MS - now));
    this.timer = this.opts.clock.setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    this.firstEventAt = null;
    const batch = this.pending;
    this.pending = new Map();
    if (batch.size === 0 || this.closed) return;
    this.running = this.running
      .then(() => this.opts.serialize(() => this.apply(batch)))
      .catch(() => undefined); // a failed batch is retried by the next full scan
  }

  private async apply(batch: ChangeSet): Promise<void> {
    if (this.closed) return;
    const change = await this.opts.apply(batch);
    if (change) this.opts.onChange(change);
  }
}
