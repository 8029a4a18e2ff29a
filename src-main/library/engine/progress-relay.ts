import type { Clock, TimerHandle } from '../../ports.js';
import type { ProgressCounts, ProgressSink } from '../scan/progress.js';

/**
 * Counts are relayed at most this often. The main thread's reporter emits at most every 100 ms anyway;
 * relaying every file (measured: a zod-checked message per file read) was most of what a scan still cost
 * the main thread once it ran in the engine.
 */
const RELAY_MS = 50;

/**
 * A scan's counts in the engine thread, relayed to the main thread's reporter (which throttles them for
 * the UI and adds the rate). A new phase or folder is relayed at once; counters at most every `RELAY_MS`,
 * a suppressed update by a trailing timer, and whatever is left by `flush` before the scan answers.
 */
export class ProgressRelay implements ProgressSink {
  private counts: ProgressCounts = { phase: 'idle', seen: 0, parsed: 0, failed: 0, unchanged: 0, currentFolder: null };
  private lastRelay = -Infinity;
  private trailing: TimerHandle | null = null;
  private dirty = false;

  constructor(
    private readonly clock: Clock,
    private readonly relay: (counts: ProgressCounts) => void,
  ) {}

  get current(): ProgressCounts {
    return { ...this.counts };
  }

  update(change: Partial<ProgressCounts>): void {
    const milestone =
      (change.phase !== undefined && change.phase !== this.counts.phase) ||
      (change.currentFolder !== undefined && change.currentFolder !== this.counts.currentFolder);
    this.counts = { ...this.counts, ...change };
    this.dirty = true;
    const since = this.clock.now() - this.lastRelay;
    if (milestone || since >= RELAY_MS) this.flush();
    else this.trailing ??= this.clock.setTimeout(() => this.flush(), RELAY_MS - since);
  }

  /** Relays the counts now if any changed since the last relay. */
  flush(): void {
    this.trailing?.cancel();
    this.trailing = null;
    if (!this.dirty) return;
    this.dirty = false;
    this.lastRelay = this.clock.now();
    this.relay({ ...this.counts });
  }
}
