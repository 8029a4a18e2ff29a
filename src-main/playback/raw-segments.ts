import fs from 'node:fs';
import path from 'node:path';
import { splitSegment } from './fmp4-split.js';
import { initName, RAW_NAME, rawName, segmentName } from './hls-plan.js';

/**
 * The whole-MP4 files one copied-video runner writes (hls-plan.ts `remuxOutput`), split into media segments
 * in order as each one completes. The segment muxer closes file `n` before it opens `n + 1`, so the
 * appearance of a file says that every earlier one is whole.
 */
export class RawSegments {
  /** Settles when every file queued so far is split (or has failed). */
  done: Promise<void> = Promise.resolve();
  private next: number;

  constructor(
    private readonly dir: string,
    private readonly seq: number,
    private readonly start: number,
    private readonly end: number,
    private readonly hooks: { segment: (n: number) => void; error: (err: unknown) => void },
  ) {
    // After a seek, the file numbered `start - 1` holds only what precedes the planned keyframe.
    this.next = Math.max(0, start - 1);
  }

  /** Files before `until` are whole; the one numbered `end` and later belong to the next runner. */
  completeBefore(until: number): void {
    for (let n = this.next; n < Math.min(until, this.end); n++) {
      const raw = path.join(this.dir, rawName(this.seq, n));
      this.done = this.done
        .then(async () => {
          if (n < this.start) return fs.promises.rm(raw, { force: true });
          await splitSegment(raw, path.join(this.dir, segmentName(n)), path.join(this.dir, initName(this.seq)));
          this.hooks.segment(n);
        })
        .catch(this.hooks.error);
    }
    this.next = Math.max(this.next, until);
  }

  /** After ffmpeg exited cleanly every file it left is whole. */
  completeAll(): void {
    let n = this.next;
    while (fs.existsSync(path.join(this.dir, rawName(this.seq, n)))) n++;
    this.completeBefore(n);
  }

  /** Once the queue is done: deletes what is left, such as the last file of a killed runner, cut short. */
  async removeLeftovers(): Promise<void> {
    await this.done;
    const names = await fs.promises.readdir(this.dir).catch(() => [] as string[]);
    const mine = names.filter((f) => RAW_NAME.exec(f)?.[1] === String(this.seq));
    await Promise.all(mine.map((f) => fs.promises.rm(path.join(this.dir, f), { force: true })));
  }
}
