import type { ChildProcess } from 'node:child_process';
import { ffmpegArgs, type RunnerPlan } from './hls-plan.js';
import { ProgressParser, type ProgressReport } from './progress.js';
import { RawSegments } from './raw-segments.js';
import { ffmpegMessage, type Tools } from './tools.js';

/** What a runner tells its stream. Only `segment` can come after `stop`. */
export interface RunnerEvents {
  /** A report from ffmpeg's `-progress`. */
  progress(report: ProgressReport): void;
  /**
   * Copied video: segment `n` was split into place. Also from a stopped runner, since the file is whole and
   * may be wanted; also when the segment was there already (fmp4-split.ts), so no file event comes.
   */
  segment(n: number): void;
  /** ffmpeg wrote every segment it was asked for and exited; copied video: every file is split. */
  finished(): void;
  /** The runner cannot go on; `message` says why in words a user can act on. Comes once at the most. */
  failed(message: string): void;
}

/** Enough of ffmpeg's stderr to say why it stopped. */
const STDERR_LIMIT = 32 * 1024;
const CAN_PAUSE = process.platform !== 'win32';

/**
 * One ffmpeg process filling segments `start` to `end - 1` of an HLS stream (hls-plan.ts `ffmpegArgs`): its
 * progress, how it ended and, for copied video, the whole-MP4 files it writes, split as they complete.
 * Which runner runs when is the stream's business (hls-session.ts).
 */
export class HlsRunner {
  readonly seq: number;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  /** The first segment of this runner not yet complete. */
  position: number;
  /** Paused (SIGSTOP) because it ran far ahead of the player. */
  paused = false;
  /** Stopped by its stream (superseded, idle, or the stream ended): it reports nothing more. */
  stopped = false;
  /** Settles once ffmpeg has exited and, for copied video, every file it left is split or deleted. */
  readonly settled: Promise<void>;
  private readonly child: ChildProcess;
  private readonly raws: RawSegments | null;
  private stderr = '';
  /** Copied video: stopped on purpose after its last segment (the next runner's first file appeared). */
  private ended = false;
  private reported = false;

  constructor(
    private readonly plan: RunnerPlan,
    private readonly o: { tools: Tools; fileName: string; events: RunnerEvents },
  ) {
    this.seq = plan.seq;
    this.start = plan.start;
    this.end = plan.end;
    this.position = plan.start;
    this.child = o.tools.spawn(o.tools.ffmpeg, ffmpegArgs(plan), { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    this.raws = plan.video === 'copy' ? this.rawSegments() : null;
    const parser = new ProgressParser((report) => {
      if (!this.stopped) o.events.progress(report);
    });
    this.child.stdout?.setEncoding('utf8');
    this.child.stdout?.on('data', (chunk: string) => parser.push(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => {
      if (this.stderr.length < STDERR_LIMIT) this.stderr += chunk.toString('utf8');
    });
    this.settled = new Promise<void>((resolve) => {
      this.child.on('error', (err: NodeJS.ErrnoException) => {
        this.fail(err.code === 'ENOENT' ? 'ffmpeg is not installed, so this item cannot be converted for playback.' : 'ffmpeg could not be started.');
        resolve();
      });
      this.child.on('close', (code) => resolve(this.onClose(code)));
    });
  }

  /** Its ffmpeg is running now. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  covers(n: number): boolean {
    return n >= this.start && n < this.end;
  }

  /** Kills ffmpeg; the runner reports nothing more (but `segment`, for files already whole). */
  stop(): void {
    this.stopped = true;
    if (this.running) this.child.kill('SIGKILL');
  }

  /** Pauses ffmpeg where the platform can; true when it is paused now. */
  pause(): boolean {
    if (CAN_PAUSE && !this.paused) this.paused = this.child.kill('SIGSTOP');
    return this.paused;
  }

  resume(): void {
    if (!this.paused) return;
    this.child.kill('SIGCONT');
    this.paused = false;
  }

  /** Copied video: file `n` of the segment muxer appeared, so every earlier one is closed and whole. */
  rawWritten(n: number): void {
    if (!this.raws || this.stopped || this.ended) return;
    this.raws.completeBefore(n);
    if (n >= this.end) {
      // Its last segment is done; the next runner starts there (`-t` cannot end copied video on a keyframe).
      this.ended = true;
      this.resume();
      this.child.kill('SIGKILL');
    }
  }

  private rawSegments(): RawSegments {
    return new RawSegments(this.plan.dir, this.seq, this.start, this.end, {
      segment: (n) => this.o.events.segment(n),
      error: (err) => {
        this.fail(`The stream of “${this.o.fileName}” could not be prepared: ${err instanceof Error ? err.message : 'unknown error'}`);
        this.stop();
      },
    });
  }

  private async onClose(code: number | null): Promise<void> {
    const raws = this.raws;
    if (!raws) return this.onExit(code);
    // After a kill the last file is cut short: only a clean exit leaves every file whole.
    if (code === 0 && !this.stopped) raws.completeAll();
    const leftovers = raws.removeLeftovers();
    await raws.done;
    this.onExit(code);
    await leftovers;
  }

  private onExit(code: number | null): void {
    if (this.stopped || this.reported) return;
    if (code !== 0 && !this.ended) {
      this.fail(ffmpegMessage(this.stderr, this.plan.input, this.o.fileName));
      return;
    }
    this.position = this.end;
    this.o.events.finished();
  }

  /** Reports a failure once, unless stopped: a process that could not start still closes, and says nothing new then. */
  private fail(message: string): void {
    if (this.reported || this.stopped) return;
    this.reported = true;
    this.o.events.failed(message);
  }
}
