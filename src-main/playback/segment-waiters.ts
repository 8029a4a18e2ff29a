import type { Clock, TimerHandle } from '../ports.js';
import type { StreamFile } from './stream-file.js';

/** A media segment by number, or the init segment. */
export type Wanted = number | 'init';

interface Waiter {
  wanted: Wanted;
  resolve: (f: StreamFile) => void;
  timer: TimerHandle;
}

/**
 * Requests for files the encoder has not written yet. Each is answered once `find` returns its file (the
 * session calls `check` whenever a file appears or the session fails), with 504 after `limitMs`, or with
 * 404 when the session ends: a request never hangs.
 */
export class SegmentWaiters {
  private waiters = new Set<Waiter>();

  constructor(
    private readonly clock: Clock,
    private readonly limitMs: number,
    private readonly find: (wanted: Wanted) => StreamFile | null,
  ) {}

  wait(wanted: Wanted): Promise<StreamFile> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        wanted,
        resolve,
        timer: this.clock.setTimeout(() => {
          this.waiters.delete(waiter);
          resolve({ status: 504, message: 'The transcoder did not produce this part of the video in time.' });
        }, this.limitMs),
      };
      this.waiters.add(waiter);
      this.check();
    });
  }

  /** Answers every waiter whose file is there now (or whose session failed: `find` says so). */
  check(): void {
    for (const w of [...this.waiters]) {
      const out = this.find(w.wanted);
      if (out) this.answer(w, out);
    }
  }

  /** Answers every waiter with `out` (the session ended). */
  endAll(out: StreamFile): void {
    for (const w of [...this.waiters]) this.answer(w, out);
  }

  private answer(w: Waiter, out: StreamFile): void {
    w.timer.cancel();
    this.waiters.delete(w);
    w.resolve(out);
  }
}
