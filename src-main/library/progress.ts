import type { ScanProgress } from '../contract/index.js';
import type { Clock, TimerHandle } from '../ports.js';

/** Emits at most one update per `intervalMs`: a suppressed update is delivered by a trailing timer. */
export class ProgressReporter {
  private state: ScanProgress = { phase: 'idle', seen: 0, parsed: 0, failed: 0, currentFolder: null };
  private lastEmit = -Infinity;
  private trailing: TimerHandle | null = null;
  private readonly listeners = new Set<(p: ScanProgress) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs = 100,
  ) {}

  /** Adds a listener; a second caller joining a running scan sees its progress too. */
  listen(fn: ((p: ScanProgress) => void) | undefined): void {
    if (fn) this.listeners.add(fn);
  }

  get current(): ScanProgress {
    return { ...this.state };
  }

  update(change: Partial<ScanProgress>): void {
    // A new phase or folder is news the user should see even inside the throttle window (a fast folder
    // would otherwise never show up); counters alone are throttled.
    const milestone =
      (change.phase !== undefined && change.phase !== this.state.phase) ||
      (change.currentFolder !== undefined && change.currentFolder !== this.state.currentFolder);
    Object.assign(this.state, change);
    const now = this.clock.now();
    if (milestone || now - this.lastEmit >= this.intervalMs) {
      this.trailing?.cancel();
      this.trailing = null;
      this.emit();
    } else if (!this.trailing) {
      this.trailing = this.clock.setTimeout(() => {
        this.trailing = null;
        this.emit();
      }, this.intervalMs - (now - this.lastEmit));
    }
  }

  /** The last update, delivered regardless of throttling; later updates are dropped. */
  finish(phase: ScanProgress['phase']): void {
    this.trailing?.cancel();
    this.trailing = null;
    this.state.phase = phase;
    this.emit();
    this.listeners.clear();
  }

  private emit(): void {
    this.lastEmit = this.clock.now();
    const snapshot = { ...this.state };
    for (const listener of this.listeners) {
      try {
        listener(snapshot);
      } catch {
        // A listener's bug must not stop the scan.
      }
    }
  }
}
