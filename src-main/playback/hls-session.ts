import fs from 'node:fs';
import path from 'node:path';
import type { TranscodeState } from '../contract/index.js';
import {
  FAST_START_SEGMENTS,
  INIT_NAME,
  initName,
  MAX_SEGMENTS_PER_RUNNER,
  PLAYLIST_MIME,
  PLAYLIST_NAME,
  playlistText,
  RAW_NAME,
  REMUX_SEGMENTS_PER_RUNNER,
  segmentName,
  segmentNumber,
  segmentStarts,
  type RunnerPlan,
} from './hls-plan.js';
import { HlsRunner } from './hls-runner.js';
import type { ProgressReport } from './progress.js';
import { SegmentWaiters, type Wanted } from './segment-waiters.js';
import { SESSION_ENDED, type StreamFile } from './stream-file.js';
import type { Tools } from './tools.js';

/** The encoding choices are the runner plan's own fields: one place says what each means. */
export interface HlsSessionOptions
  extends Pick<RunnerPlan, 'dir' | 'input' | 'durationSec' | 'video' | 'audio' | 'audioOrder' | 'burnSubtitleOrder' | 'videoCodec' | 'audioChannels' | 'maxHeight'> {
  /** The file's base name, for messages (never its path). */
  fileName: string;
  startSec: number;
  /** Segment starts when video is copied: chosen source keyframes (hls-plan.ts `remuxStarts`); else null. */
  remuxStarts: readonly number[] | null;
  tools: Tools;
  /** How long a request waits for its segment before it is answered 504. */
  waitLimitMs: number;
  onStatus: () => void;
}

/** A request this many segments past the encoder waits for it; farther, ffmpeg restarts there. */
const WAIT_AHEAD_SEGMENTS = 2;
/** The encoder pauses (SIGSTOP) this far ahead of what the player asked for, and resumes when it catches up. */
const THROTTLE_AHEAD_SEGMENTS = 120;
const RESUME_AHEAD_SEGMENTS = 60;

/**
 * One HLS stream of one item. The VOD playlist is complete from the start (fixed segment times), and
 * ffmpeg "runners" (hls-runner.ts) fill in segments: the first after a start or a seek encodes a few 1 s
 * segments with fast settings, then hands over to a steady runner. A request far from the encoder restarts
 * it there; a runner far ahead of the player is paused until the player catches up.
 *
 * Important: segments are complete when they have their final name (`-hls_flags temp_file`, or the rename
 * after a copied-video file is split, fmp4-split.ts), so a file that exists is always whole, whichever runner
 * wrote it.
 */
export class HlsSession {
  private readonly starts: number[];
  state: TranscodeState = 'starting';
  speed: number | null = null;
  message: string | null = null;
  private runner: HlsRunner | null = null;
  private seq = 0;
  private initPath: string | null = null;
  private readonly waiters: SegmentWaiters;
  private readonly watcher: fs.FSWatcher;
  /** The segment the player asked for last: where a restarted runner starts, and what throttling measures from. */
  private lastRequested: number;
  private speedSum = 0;
  private speedCount = 0;
  private closed = false;
  /** What `stop` waits for before it deletes the folder: every runner's exit and file work. */
  private readonly settling = new Set<Promise<void>>();

  constructor(private readonly o: HlsSessionOptions) {
    if (o.video === 'copy' && !o.remuxStarts) throw new Error('Copied video needs segment starts at its keyframes.');
    this.waiters = new SegmentWaiters(o.tools.clock, o.waitLimitMs, (wanted) => this.found(wanted));
    this.starts = o.video === 'copy' && o.remuxStarts ? [...o.remuxStarts] : segmentStarts(o.durationSec, o.video === 'transcode');
    fs.mkdirSync(o.dir, { recursive: true });
    this.watcher = fs.watch(o.dir, (_event, name) => this.onFile(typeof name === 'string' ? name : null));
    this.watcher.on('error', () => undefined);
    this.lastRequested = this.segmentAt(o.startSec);
    this.restartAt(this.lastRequested);
  }

  /** Average ffmpeg speed over this session while it encoded video (telemetry's transcode speed); else null. */
  averageSpeed(): number | null {
    return this.speedCount ? this.speedSum / this.speedCount : null;
  }

  private segmentAt(sec: number): number {
    let n = 0;
    while (n + 1 < this.starts.length && (this.starts[n + 1] ?? Infinity) <= sec) n++;
    return n;
  }

  /** The runner's ffmpeg is running now (tests and the idle timer look at this). */
  get encoding(): boolean {
    return this.runner?.running ?? false;
  }

  /** Serves `index.m3u8`, `init.mp4` or `<n>.m4s`, waiting (bounded) for the encoder, restarting it far away. */
  async file(name: string): Promise<StreamFile> {
    if (this.closed) return SESSION_ENDED;
    if (name === PLAYLIST_NAME) return { status: 200, contentType: PLAYLIST_MIME, text: playlistText(this.starts, this.o.durationSec) };
    if (name === INIT_NAME) return this.init();
    const n = segmentNumber(name);
    if (n === null || n >= this.starts.length) return { status: 404, message: 'No such segment.' };
    return this.segment(n);
  }

  /** Stops ffmpeg (the session can restart it on the next request). */
  idle(): void {
    if (!this.runner) return;
    this.runner.stop();
    this.runner = null;
    if (this.state !== 'failed' && this.state !== 'done') this.setState('stopped');
  }

  /** Ends the session: ffmpeg killed, waiters answered, temporary files deleted. */
  async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.runner?.stop();
    this.runner = null;
    this.watcher.close();
    this.waiters.endAll(SESSION_ENDED);
    if (this.state !== 'failed') this.state = 'stopped';
    await Promise.allSettled([...this.settling]);
    await fs.promises.rm(this.o.dir, { recursive: true, force: true, maxRetries: 3 });
  }

  private init(): StreamFile | Promise<StreamFile> {
    if (this.initPath) return segmentFile(this.initPath);
    if (this.state === 'failed') return this.failure();
    if (!this.runner) this.restartAt(this.lastRequested);
    return this.waiters.wait('init');
  }

  private segment(n: number): StreamFile | Promise<StreamFile> {
    this.lastRequested = n;
    const file = this.segmentPath(n);
    if (fs.existsSync(file)) {
      this.resumeIfNeeded();
      return segmentFile(file);
    }
    if (this.state === 'failed') return this.failure();
    const r = this.runner;
    const covered = r && !r.stopped && n >= r.start && n <= r.position + WAIT_AHEAD_SEGMENTS;
    if (!covered) this.restartAt(n);
    else this.resumeIfNeeded();
    return this.waiters.wait(n);
  }

  /** A new runner from segment `start` (a start or a seek), replacing the one there was. */
  private restartAt(start: number): void {
    this.runner?.stop();
    // Fast settings only make sense when video is encoded; a remux is fast anyway.
    const fast = this.o.video === 'transcode';
    this.launch(start, Math.min(this.starts.length, start + (fast ? FAST_START_SEGMENTS : this.steadySpan)), fast);
  }

  private get steadySpan(): number {
    return this.o.video === 'copy' ? REMUX_SEGMENTS_PER_RUNNER : MAX_SEGMENTS_PER_RUNNER;
  }

  private launch(start: number, end: number, fast: boolean): void {
    const { input, dir, durationSec, video, audio, audioOrder, burnSubtitleOrder, videoCodec, audioChannels, maxHeight } = this.o;
    const plan: RunnerPlan = { input, dir, seq: ++this.seq, starts: this.starts, durationSec, start, end, video, audio, audioOrder, burnSubtitleOrder, videoCodec, audioChannels, fast, maxHeight };
    const runner: HlsRunner = new HlsRunner(plan, {
      tools: this.o.tools,
      fileName: this.o.fileName,
      events: {
        progress: (report) => this.onProgress(report),
        segment: (n) => this.onFile(segmentName(n)),
        finished: () => this.onFinished(runner),
        failed: (message) => this.fail(message),
      },
    });
    this.runner = runner;
    if (this.state !== 'failed') this.setState(this.state === 'running' ? 'running' : 'starting');
    this.settling.add(runner.settled);
    void runner.settled.then(() => this.settling.delete(runner.settled));
  }

  private onProgress(report: ProgressReport): void {
    if (report.speed === null) return;
    if (this.o.video === 'transcode' && report.speed > 0) {
      this.speedSum += report.speed;
      this.speedCount++;
    }
    // ffmpeg's speed is an average since the process started, so its first reports mostly measure start-up
    // and the seek: the panel shows it only after a couple of seconds of output.
    if ((report.outTimeSec ?? 0) < 2 && !report.end) return;
    this.speed = report.speed;
    this.o.onStatus();
  }

  /** A runner wrote its last segment: the next one continues from there, or the stream is complete. */
  private onFinished(runner: HlsRunner): void {
    if (this.closed) return;
    this.waiters.check();
    if (this.runner !== runner) return;
    if (runner.end < this.starts.length) {
      this.launch(runner.end, Math.min(this.starts.length, runner.end + this.steadySpan), false);
    } else {
      this.runner = null;
      this.setState('done');
    }
  }

  private onFile(name: string | null): void {
    if (this.closed) return;
    const raw = name ? RAW_NAME.exec(name) : null;
    if (raw) {
      if (this.runner?.seq === Number(raw[1])) this.runner.rawWritten(Number(raw[2]));
      return;
    }
    const r = this.runner;
    const n = name ? segmentNumber(name) : null;
    if (r && n !== null && r.covers(n) && fs.existsSync(this.segmentPath(n))) {
      r.position = Math.max(r.position, n + 1);
      if (this.state === 'starting') this.setState('running');
      this.throttle(r);
    }
    this.noteInit();
    this.waiters.check();
  }

  private segmentPath(n: number): string {
    return path.join(this.o.dir, segmentName(n));
  }

  /** The session's init segment: that of the first runner to have written a segment (all are alike). */
  private noteInit(): void {
    if (this.initPath || !this.runner || this.runner.position <= this.runner.start) return;
    const init = path.join(this.o.dir, initName(this.runner.seq));
    if (fs.existsSync(init)) this.initPath = init;
  }

  /** A waiting request's answer, if there is one yet. */
  private found(wanted: Wanted): StreamFile | null {
    if (wanted === 'init') {
      this.noteInit();
      if (this.initPath) return segmentFile(this.initPath);
    } else {
      const file = this.segmentPath(wanted);
      if (fs.existsSync(file)) return segmentFile(file);
    }
    return this.state === 'failed' ? this.failure() : null;
  }

  private throttle(r: HlsRunner): void {
    if (r.paused || r.position - this.lastRequested <= THROTTLE_AHEAD_SEGMENTS) return;
    if (r.pause()) this.setState('throttled');
  }

  private resumeIfNeeded(): void {
    const r = this.runner;
    if (!r?.paused || r.position - this.lastRequested > RESUME_AHEAD_SEGMENTS) return;
    r.resume();
    this.setState('running');
  }

  private fail(message: string): void {
    if (this.closed) return;
    this.message = message;
    this.runner = null;
    this.setState('failed');
    this.waiters.check();
  }

  private failure(): StreamFile {
    return { status: 500, message: this.message ?? 'The transcoder failed.' };
  }

  private setState(state: TranscodeState): void {
    if (this.state === state) return;
    this.state = state;
    this.o.onStatus();
  }
}

function segmentFile(file: string): StreamFile {
  return { status: 200, contentType: file.endsWith('.m4s') ? 'video/iso.segment' : 'video/mp4', path: file };
}
