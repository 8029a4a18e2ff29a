/**
 * A counting semaphore whose urgent waiters go before the others: thumbnails a grid is waiting for start
 * before the ones made ahead of time in the background, and together they never run more than `size`
 * processes on a machine that is also scanning and playing.
 */
export class Slots {
  private busy = 0;
  private readonly urgent: (() => void)[] = [];
  private readonly background: (() => void)[] = [];

  constructor(private readonly size: number) {}

  /** Waits for a free slot; the returned function gives it back (calling it twice gives back one). */
  async acquire(urgent: boolean): Promise<() => void> {
    if (this.busy < this.size && this.urgent.length === 0 && (urgent || this.background.length === 0)) {
      this.busy++;
    } else {
      // The slot is handed over by `release` (busy stays counted), so nothing can jump in between.
      await new Promise<void>((resolve) => (urgent ? this.urgent : this.background).push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release();
    };
  }

  private release(): void {
    const next = this.urgent.shift() ?? this.background.shift();
    if (next) next();
    else this.busy--;
  }
}
