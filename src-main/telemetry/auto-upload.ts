import type { SendResult } from '../contract/index.js';
import type { Clock, TimerHandle } from '../ports.js';
import { HOUR_MS, type EventQueue } from './event-queue.js';

const MINUTE_MS = 60_000;
/** The most random delay added to every wake, so wakes do not line up with app use. */
const JITTER_MS = 30 * MINUTE_MS;

interface AutoUploadOptions {
  clock: Clock;
  random: () => number;
  queue: EventQueue;
  /** Sends ready events only, respecting hold (Sender.send(true)). */
  send: (auto: true) => Promise<SendResult>;
  /** Aborted when the pipeline closes: no further wake is scheduled. */
  closed: AbortSignal;
}

/**
 * Auto upload (opt-in per distributor): wakes at a jittered time, never at startup, so the moment a batch
 * leaves says little about when the app was used. It sends only ready events and respects hold.
 */
export class AutoUpload {
  private timer: TimerHandle | null = null;

  constructor(private readonly o: AutoUploadOptions) {}

  /** Schedules the first wake, a minute or more after now. */
  start(): void {
    this.schedule(0);
  }

  cancel(): void {
    this.timer?.cancel();
  }

  /** The next wake: `waitMs`, then a minute, then up to JITTER_MS more. */
  private schedule(waitMs: number): void {
    this.timer?.cancel();
    if (this.o.closed.aborted) return;
    const delay = waitMs + MINUTE_MS + Math.round(this.o.random() * JITTER_MS);
    this.timer = this.o.clock.setTimeout(() => void this.wake(), delay);
  }

  private async wake(): Promise<void> {
    const res = await this.o.send(true);
    if (this.o.closed.aborted) return;
    this.schedule(this.waitAfter(res));
  }

  /** After a batch left, soon again; otherwise until the next event is ready, or an hour when none is waiting. */
  private waitAfter(res: SendResult): number {
    if (res.sent) return MINUTE_MS;
    const now = this.o.clock.now();
    const nextReady = this.o.queue.list().reduce((m, e) => Math.min(m, e.reviewUntilMs), Infinity);
    return Number.isFinite(nextReady) && nextReady > now ? nextReady - now : HOUR_MS;
  }
}
