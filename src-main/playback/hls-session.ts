import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TranscodeState } from '../contract/index.js';
import {
  FAST_START_SEGMENTS,
  ffmpegArgs,
  initName,
  MAX_SEGMENTS_PER_RUNNER,
  playlistText,
  RAW_NAME,
  REMUX_SEGMENTS_PER_RUNNER,
  segmentStarts,
  type RunnerPlan,
} from './hls-plan.js';
import { ProgressParser } from './progress.js';
import { RawSegments } from './raw-segments.js';
import { SegmentWaiters, type Wanted } from './segment-waiters.js';
import { ffmpegMessage, type Tools } from './tools.js';

/** What a route sends back: a file, a text body, or an error in words. */
export type StreamFile =
  | { status: 200; contentType: string; path: string }
  | { status: 200; contentType: string; text: string }
  | { status: 404 | 500 | 503 | 504; message: string };

/** The encoding choices are the runner plan's own fields: one place says what each means. */
export interface HlsSessionOptions
  extends Pick<RunnerPlan, 'dir' | 'input' | 'durationSec' | 'video' | 'audio' | 'audioOrder' | 'burnSubtitleOrder' | 'videoCodec' | 'audioChannels'> {
  id: string;
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

interface Runner {
  seq: number;
  child: ChildProcess;
  start: number;
  end: number;
  /** The first segment of this runner not yet complete. */
  position: number;
  superseded: boolean;
  paused: boolean;
  stderr: string;
  /** Copied video: stopped on purpose after its last segment (the next runner's first file appeared). */
  ended: boolean;
  /** Copied video: its whole-MP4 files, split into media segments as they complete. */
  raws: RawSegments | null;
}

/** A request this many segments past the encoder waits for it; farther, ffmpeg restarts there. */
const WAIT_AHEAD_SEGMENTS = 2;
/** The encoder pauses (SIGSTOP) this far ahead of what the player asked for, and resumes when it catches up. */
const THROTTLE_AHEAD_SEGMENTS = 120;
const RESUME_AHEAD_SEGMENTS = 60;
const CAN_PAUSE = process.platform !== 'win32';

/**
 * One HLS stream of one item. The VOD playlist is complete from the start (fixed segment times), and
 * ffmpeg "runners" fill in segments: the first after a start or a seek encodes a few 1 s segments with
 * fast settings, then hands over to a steady runner. A request far from the encoder restarts it there.
 *
 * Important: segments are complete when they have their final name (`-hls_flags temp_file`, or the rename
 * after a copied-video file is split, fmp4-split.ts), so a file that exists is always whole, whichever runner
 * wrote it.
 */
export class HlsSession {
  readonly starts: number[];
  state: TranscodeState = 'starting';
  speed: number | null = null;
  message: string | null = null;
  private runner: Runner | null = null;
  private seq = 0;
  private initPath: string | null = null;
  private readonly waiters: SegmentWaiters;
  private watcher: fs.FSWatcher | null = null;
  private lastRequested = 0;
  private speedSum = 0;
  private speedCount = 0;
  private closed = false;
  private exits = new Set<Promise<void>>();

  constructor(private readonly o: HlsSessionOptions) {
    if (o.video === 'copy' && !o.remuxStarts) throw new Error('Copied video needs segment starts at its keyframes.');
    this.waiters = new SegmentWaiters(o.tools.clock, o.waitLimitMs, (wanted) => this.found(wanted));
    this.starts = o.video === 'copy' && o.remuxStarts ? [...o.remuxStarts] : segmentStarts(o.durationSec, o.video === 'transcode');
    fs.mkdirSync(o.dir, { recursive: true });
    this.watcher = fs.watch(o.dir, (_event, name) => this.onFile(typeof name === 'string' ? name : null));
    this.watcher.on('error', () => undefined);
    const first = this.segmentAt(o.startSec);
    this.lastRequested = first;
    this.startRunner(first);
  }

  /** Average ffmpeg speed over this session, for telemetry. */
  averageSpeed(): number | null {
    return this.speedCount ? this.speedSum / this.speedCount : null;
  }

  segmentAt(sec: number): number {
    let n = 0;
    while (n + 1 < this.starts.length && (this.starts[n + 1] ?? Infinity) <= sec) n++;
    return n;
  }

  playlist(): string {
    return playlistText(this.starts, this.o.durationSec);
  }

  /** The runner's ffmpeg is running now (tests and the idle timer look at this). */
  get encoding(): boolean {
    return this.runner !== null && this.runner.child.exitCode === null && this.runner.child.signalCode === null;
  }

  /** Serves `init.mp4` or `<n>.m4s`, waiting (bounded) for the encoder, restarting it far away. */
  file(name: string): Promise<StreamFile> {
    if (this.closed) return Promise.resolve({ status: 404, message: 'This playback session has ended.' });
    if (name === 'init.mp4') {
      if (this.initPath) return Promise.resolve(segmentFile(this.initPath));
      if (this.state === 'failed') return Promise.resolve(this.failure());
      if (!this.runner) this.startRunner(this.lastRequested);
      return this.waiters.wait('init');
    }
    const m = /^(\d{1,6})\.m4s$/.exec(name);
    const n = m ? Number(m[1]) : -1;
    if (n < 0 || n >= this.starts.length) return Promise.resolve({ status: 404, message: 'No such segment.' });
    this.lastRequested = n;
    const file = path.join(this.o.dir, `${n}.m4s`);
    if (fs.existsSync(file)) {
      this.resumeIfNeeded();
      return Promise.resolve(segmentFile(file));
    }
    if (this.state === 'failed') return Promise.resolve(this.failure());
    const r = this.runner;
    const covered = r && !r.superseded && n >= r.start && n <= r.position + WAIT_AHEAD_SEGMENTS;
    if (!covered) this.startRunner(n);
    else this.resumeIfNeeded();
    return this.waiters.wait(n);
  }

  /** Stops ffmpeg (the session can restart it on the next request). */
  idle(): void {
    if (!this.runner) return;
    this.kill(this.runner);
    this.runner = null;
    if (this.state !== 'failed' && this.state !== 'done') this.setState('stopped');
  }

  /** Ends the session: ffmpeg killed, waiters answered, temporary files deleted. */
  async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.runner) this.kill(this.runner);
    this.runner = null;
    this.watcher?.close();
    this.watcher = null;
    this.waiters.endAll({ status: 404, message: 'This playback session has ended.' });
    if (this.state !== 'failed') this.state = 'stopped';
    await Promise.allSettled([...this.exits]);
    await fs.promises.rm(this.o.dir, { recursive: true, force: true, maxRetries: 3 });
  }

  private startRunner(start: number): void {
    if (this.runner) this.kill(this.runner);
    // Fast settings only make sense when video is encoded; a remux is fast anyway.
    const fast = this.o.video === 'transcode';
    this.launch(start, Math.min(this.starts.length, start + (fast ? FAST_START_SEGMENTS : this.steadySpan)), fast);
  }

  private get steadySpan(): number {
    return this.o.video === 'copy' ? REMUX_SEGMENTS_PER_RUNNER : MAX_SEGMENTS_PER_RUNNER;
  }

  private launch(start: number, end: number, fast: boolean): void {
    const seq = ++this.seq;
    const args = ffmpegArgs({
      input: this.o.input,
      dir: this.o.dir,
      seq,
      starts: this.starts,
      durationSec: this.o.durationSec,
      start,
      end,
      video: this.o.video,
      audio: this.o.audio,
      audioOrder: this.o.audioOrder,
      burnSubtitleOrder: this.o.burnSubtitleOrder,
      videoCodec: this.o.videoCodec,
      audioChannels: this.o.audioChannels,
      fast,
    });
    const child = this.o.tools.spawn(this.o.tools.ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const runner: Runner = { seq, child, start, end, position: start, superseded: false, paused: false, stderr: '', ended: false, raws: null };
    if (this.o.video === 'copy') runner.raws = this.rawSegments(runner);
    this.runner = runner;
    if (this.state !== 'failed') this.setState(this.state === 'running' ? 'running' : 'starting');
    const parser = new ProgressParser((report) => {
      if (runner.superseded || report.speed === null) return;
      if (this.o.video === 'transcode' && report.speed > 0) {
        this.speedSum += report.speed;
        this.speedCount++;
      }
      // ffmpeg's speed is an average since the process started, so its first reports mostly measure start-up
      // and the seek: the panel shows it only after a couple of seconds of output.
      if ((report.outTimeSec ?? 0) < 2 && !report.end) return;
      this.speed = report.speed;
      this.o.onStatus();
    });
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => parser.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => {
      if (runner.stderr.length < 32 * 1024) runner.stderr += chunk.toString('utf8');
    });
    const exited = new Promise<void>((resolve) => {
      child.on('error', (err: NodeJS.ErrnoException) => {
        if (!runner.superseded) this.fail(err.code === 'ENOENT' ? 'ffmpeg is not installed, so this item cannot be converted for playback.' : 'ffmpeg could not be started.');
        resolve();
      });
      child.on('close', (code) => {
        resolve();
        this.onExit(runner, code);
      });
    });
    this.exits.add(exited);
    void exited.then(() => this.exits.delete(exited));
  }

  private onExit(runner: Runner, code: number | null): void {
    const raws = runner.raws;
    if (!raws) {
      this.finish(runner, code);
      return;
    }
    // After a kill the last file is cut short: only a clean exit leaves every file whole.
    if (code === 0 && !runner.superseded) raws.completeAll();
    this.track(raws.removeLeftovers());
    void raws.done.then(() => this.finish(runner, code));
  }

  private finish(runner: Runner, code: number | null): void {
    if (runner.superseded || this.closed) return;
    if (code !== 0 && !runner.ended) {
      this.fail(ffmpegMessage(runner.stderr, this.o.input, this.o.fileName));
      return;
    }
    runner.position = runner.end;
    this.waiters.check();
    if (this.runner !== runner) return;
    if (runner.end < this.starts.length) {
      this.launch(runner.end, Math.min(this.starts.length, runner.end + this.steadySpan), false);
    } else {
      this.runner = null;
      this.setState('done');
    }
  }

  /** Copied video: file `n` of the segment muxer appeared, so every earlier one is closed and whole. */
  private onRaw(seq: number, n: number): void {
    const r = this.runner;
    if (!r?.raws || r.seq !== seq || r.superseded || r.ended) return;
    r.raws.completeBefore(n);
    this.track(r.raws.done);
    if (n >= r.end) {
      // Its last segment is done; the next runner starts there (`-t` cannot end copied video on a keyframe).
      r.ended = true;
      if (r.paused) r.child.kill('SIGCONT');
      r.child.kill('SIGKILL');
    }
  }

  private rawSegments(r: Runner): RawSegments {
    return new RawSegments(this.o.dir, r.seq, r.start, r.end, {
      // Also when the segment was there already (fmp4-split.ts) and no file event comes.
      segment: (n) => this.onFile(`${n}.m4s`),
      error: (err) => {
        if (this.closed || r.superseded) return;
        this.kill(r);
        this.fail(`The stream of “${this.o.fileName}” could not be prepared: ${err instanceof Error ? err.message : 'unknown error'}`);
      },
    });
  }

  /** Something `stop` waits for before it deletes the folder. */
  private track(p: Promise<void>): void {
    const settled = p.catch(() => undefined);
    this.exits.add(settled);
    void settled.then(() => this.exits.delete(settled));
  }

  private onFile(name: string | null): void {
    if (this.closed) return;
    const raw = name ? RAW_NAME.exec(name) : null;
    if (raw) {
      this.onRaw(Number(raw[1]), Number(raw[2]));
      return;
    }
    const r = this.runner;
    const m = name ? /^(\d{1,6})\.m4s$/.exec(name) : null;
    if (r && m) {
      const n = Number(m[1]);
      if (n >= r.start && n < r.end && fs.existsSync(path.join(this.o.dir, `${n}.m4s`))) {
        r.position = Math.max(r.position, n + 1);
        if (this.state === 'starting') this.setState('running');
        this.throttle(r);
      }
    }
    this.noteInit();
    this.waiters.check();
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
      const file = path.join(this.o.dir, `${wanted}.m4s`);
      if (fs.existsSync(file)) return segmentFile(file);
    }
    return this.state === 'failed' ? this.failure() : null;
  }

  private throttle(r: Runner): void {
    if (!CAN_PAUSE || r.paused || r.position - this.lastRequested <= THROTTLE_AHEAD_SEGMENTS) return;
    r.paused = r.child.kill('SIGSTOP');
    if (r.paused) this.setState('throttled');
  }

  private resumeIfNeeded(): void {
    const r = this.runner;
    if (!r?.paused || r.position - this.lastRequested > RESUME_AHEAD_SEGMENTS) return;
    r.child.kill('SIGCONT');
    r.paused = false;
    this.setState('running');
  }

  private kill(r: Runner): void {
    r.superseded = true;
    if (r.child.exitCode === null && r.child.signalCode === null) {
      r.child.kill('SIGKILL');
    }
  }

  private fail(message: string): void {
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
