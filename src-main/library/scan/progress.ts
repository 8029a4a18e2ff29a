import type { ScanProgress } from '../../contract/index.js';
import type { Clock, TimerHandle } from '../../ports.js';

/** The rate is measured over about this much recent time, so it follows a scan that speeds up or slows down. */
const RATE_WINDOW_MS = 10_000;
/** Below this much history the rate says more about noise than about the scan. */
const RATE_MIN_SPAN_MS = 1_000;

/** What the scanner itself counts; the rate and ETA are derived here. */
export type ProgressCounts = Omit<ScanProgress, 'ratePerSec' | 'etaSec'>;

/** Where a scan tells its counts: the reporter itself, or (in the engine thread) a relay to it. */
export interface ProgressSink {
  readonly current: ProgressCounts;
  update(change: Partial<ProgressCounts>): void;
}

/**
 * Emits at most one update per `intervalMs`: a suppressed update is delivered by a trailing timer. Each
 * update carries the reading rate over the last few seconds and, while files are read, the time left.
 */
export class ProgressReporter implements ProgressSink {
  private state: ScanProgress = { phase: 'idle', seen: 0, parsed: 0, failed: 0, unchanged: 0, currentFolder: null, ratePerSec: null, etaSec: null };
  /** (time, files read) at recent emits, oldest first. */
  private samples: { at: number; read: number }[] = [];
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

  update(change: Partial<ProgressCounts>): void {
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
    this.measureRate(this.lastEmit);
    const snapshot = { ...this.state };
    for (const listener of this.listeners) {
      try {
        listener(snapshot);
      } catch {
        // A listener's bug must not stop the scan.
      }
    }
  }

  private measureRate(now: number): void {
    const read = this.state.parsed + this.state.failed;
    this.samples.push({ at: now, read });
    while (this.samples.length > 2 && now - this.samples[1]!.at >= RATE_WINDOW_MS) this.samples.shift();
    const oldest = this.samples[0]!;
    const span = now - oldest.at;
    const rate = span >= RATE_MIN_SPAN_MS ? ((read - oldest.read) * 1000) / span : null;
    this.state.ratePerSec = rate === null ? null : Math.round(rate * 10) / 10;
    const left = this.state.seen - read - this.state.unchanged;
    this.state.etaSec = this.state.phase === 'parsing' && rate !== null && rate > 0 ? Math.max(0, Math.round(left / rate)) : null;
  }
}
