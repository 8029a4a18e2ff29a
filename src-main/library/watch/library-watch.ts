import type { IndexChange } from './apply-changes.js';
/** Starts and stops the folder watcher, which runs in the library engine thread (see `engine/`). */
export interface WatchControl {
  /** Starts (true) or stops (false) watching the library folders. */
  setWatching(on: boolean): void;
  /** Re-reads the folder list: after folders were added or removed, or came back online. */
  refreshWatch(): void;
}

/**
 * The library's subscriptions to changes on disk: the engine thread watches the folders while anyone
 * listens, and not otherwise. The watcher itself (fs.watch, debouncing, applying batches, taking turns
 * with scans) runs in that thread: starting a recursive watch walks the whole tree on Linux, and a batch
 * reads files and writes the index, none of which belongs on the host's event loop.
 */
export class LibraryWatch {
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private closed = false;

  constructor(private readonly control: WatchControl) {}

  /** Adds a listener (starting the watcher for the first); the returned function removes it again. */
  subscribe(onChange: (change: IndexChange) => void): () => void {
    this.listeners.add(onChange);
    if (this.listeners.size === 1 && !this.closed) this.control.setWatching(true);
    return () => {
      if (!this.listeners.delete(onChange) || this.listeners.size > 0 || this.closed) return;
      this.control.setWatching(false);
    };
  }

  /** Re-reads the folder list: after folders were added or removed, or came back online. */
  refresh(): void {
    if (this.listeners.size > 0 && !this.closed) this.control.refreshWatch();
  }

  /** A batch of changes on disk reached the index: every listener hears it. */
  changed(change: IndexChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A listener's bug must not stop the watcher.
      }
    }
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
  }
}
