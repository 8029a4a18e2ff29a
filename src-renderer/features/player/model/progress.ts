/**
 * The longest stretch one `timeupdate` may add to "seconds played". Browsers fire it every 15–250 ms
 * while playing; a longer gap is a stall, a suspended tab or a jump, not listening.
 */
export const MAX_STEP_SEC = 2;

/** What `playback.reportProgress` sends besides the session. */
interface ProgressReport {
  positionSec: number;
  playedSec: number;
}

/**
 * Position and seconds actually played since the last report, from media events. Seeks move the position
 * without counting the jump as played.
 */
export class ProgressTracker {
  private last: number | null = null;
  private played = 0;
  private seeking = false;
  private position: number;

  constructor(startSec = 0) {
    this.position = startSec;
  }

  /** A `timeupdate` (or any moment the current time is read while playing). */
  time(t: number): void {
    if (!Number.isFinite(t) || t < 0 || this.seeking) return;
    if (this.last !== null) {
      const step = t - this.last;
      if (step > 0) this.played += Math.min(step, MAX_STEP_SEC);
    }
    this.last = t;
    this.position = t;
  }

  seekStarted(): void {
    this.seeking = true;
    this.last = null;
  }

  seeked(t: number): void {
    this.seeking = false;
    if (!Number.isFinite(t) || t < 0) return;
    this.last = t;
    this.position = t;
  }

  /** The report to send now; the played seconds start again from zero. */
  take(): ProgressReport {
    const playedSec = Math.min(3600, Math.round(this.played * 1000) / 1000);
    this.played = 0;
    return { positionSec: Math.min(1_000_000, Math.max(0, this.position)), playedSec };
  }
}
