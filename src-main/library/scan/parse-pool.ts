import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Clock, TimerHandle } from '../../ports.js';
import type { MediaFacts } from '../../ports.js';
import type { LocalMetadata, SidecarRequest } from '../metadata/local-metadata.js';
import type { ParseReply, ParseRequest } from './parse-protocol.js';
import type { AudioProbe } from './probe-audio.js';
import { ProbeFailure } from './probe-errors.js';
import { workerSource, type WorkerSource } from './worker-source.js';

/** What a worker read from one file. */
export interface ParsedFile {
  sampleHash: string;
  audio: AudioProbe | null;
  /** Container facts read in-process; null when ffprobe must answer. */
  video: MediaFacts | null;
  /** What the sidecars said, when they were asked for. */
  local: LocalMetadata | null;
}

interface ParsePoolOptions {
  /** Files read at once, by workers and by `limit`ed tasks together; default 2 (issue 6: two workers on two cores). */
  size?: number;
  /** Wall-clock limit per file; a worker that exceeds it is terminated and replaced. */
  timeoutMs: number;
  /** Times each file's read. */
  clock: Clock;
  /** The worker's module (its compiled `.js` URL); tests substitute one that misbehaves. */
  workerModule?: URL;
}

/** As many readers as cores, but at least two (reads wait on the disk) and at most four. */
export function defaultParseWorkers(): number {
  return Math.min(4, Math.max(2, os.availableParallelism()));
}

/**
 * V8 heap limits of a parse worker. A worker reads one file at a time and keeps nothing between files,
 * yet left to V8's defaults each one grows a 32 MB young generation (16 MB semi-spaces, sized for
 * throughput) that stays resident for the whole scan: with two workers that was a third of the scan's
 * peak RSS. A small young generation costs a few more scavenges of short-lived garbage and nothing
 * measurable in parse time. The old-generation cap turns a parser that balloons on a hostile file into a
 * worker crash, which the pool records as that file's failure, instead of memory taken from the app.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 128 };

interface Slot {
  worker: Worker;
  busy: boolean;
  /**
   * Resolves when the worker has loaded its code (a job's timeout starts only then), or rejects if it exits
   * first. One promise that settles either way, on purpose: racing every job against a promise that stays
   * pending for the worker's whole life (its exit) adds a reaction to it per job that is never released,
   * which held a promise and a closure per file read — tens of MB over a 100,000-file scan.
   */
  started: Promise<void>;
}

interface Pending {
  resolve: (value: ParsedFile) => void;
  reject: (error: unknown) => void;
  timer: TimerHandle;
  slot: Slot;
}

/**
 * A bounded pool that keeps file parsing off the main thread. At most `size` files are read at once:
 * worker jobs (music-metadata, sampled-block hashes) and `limit`ed jobs on this thread (the ffprobe
 * spawns) share the same slots, so a scan never runs more readers than the machine has room for.
 *
 * Important: each worker job has a wall-clock timeout. A worker that exceeds it is terminated (a parser
 * stuck in a loop cannot be interrupted any other way) and a fresh one takes its place on the next job.
 */
export class ParsePool {
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly clock: Clock;
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private nextId = 1;
  private closed = false;
  private source: WorkerSource | null = null;
  private readonly workerModule: URL;

  constructor(opts: ParsePoolOptions) {
    this.size = Math.max(1, opts.size ?? 2);
    this.timeoutMs = opts.timeoutMs;
    this.clock = opts.clock;
    this.workerModule = opts.workerModule ?? new URL('./parse-worker.js', import.meta.url);
  }

  /** Hash and, for audio, tags and format (for video, container facts) of one file, read in a worker. */
  parse(op: ParseRequest['op'], file: string, ext: string, size: number, signal?: AbortSignal, sidecars?: SidecarRequest): Promise<ParsedFile> {
    return this.limit(() => this.send({ id: this.nextId++, op, file, ext, size, ...(sidecars ? { sidecars } : {}) }), signal);
  }

  /** Runs `task` (on this thread) once a slot is free, so it counts against the pool's size. */
  async limit<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Terminates every worker; queued and running jobs fail as cancelled. */
  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.waiting.splice(0)) wake();
    for (const [id, job] of this.pending) {
      job.timer.cancel();
      job.reject(new ProbeFailure('scan cancelled', true));
      this.pending.delete(id);
    }
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  /** Workers alive now (for tests: a hung one is replaced, not leaked). */
  get workerCount(): number {
    return this.slots.length;
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    while (this.running >= this.size) {
      if (this.closed || signal?.aborted) throw new ProbeFailure('scan cancelled', true);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (this.closed || signal?.aborted) throw new ProbeFailure('scan cancelled', true);
    this.running++;
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.();
  }

  private idleSlot(): Slot {
    const idle = this.slots.find((slot) => !slot.busy);
    if (idle) return idle;
    this.source ??= workerSource(this.workerModule);
    const worker = new Worker(this.source.code, { eval: this.source.eval, resourceLimits: WORKER_LIMITS });
    // Idle workers must not keep the process alive (a CLI scan exits when it is done).
    worker.unref();
    let markReady!: () => void;
    const started = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      worker.once('exit', () => reject(new ProbeFailure('the reader stopped', true)));
    });
    started.catch(() => undefined);
    const slot: Slot = { worker, busy: false, started };
    worker.on('message', (reply: ParseReply | 'ready') => (reply === 'ready' ? markReady() : this.settle(slot, reply)));
    worker.on('error', () => this.fail(slot, new ProbeFailure('the reader crashed on this file', true)));
    worker.on('exit', () => this.fail(slot, new ProbeFailure('the reader stopped on this file', true)));
    this.slots.push(slot);
    return slot;
  }

  private async send(request: ParseRequest): Promise<ParsedFile> {
    if (this.closed) throw new ProbeFailure('scan cancelled', true);
    const slot = this.idleSlot();
    slot.busy = true;
    // Loading a worker's code is not part of any file's read time (under tsx it takes a second).
    await slot.started;
    return new Promise<ParsedFile>((resolve, reject) => {
      // A wall-clock guard against a parser stuck on a hostile file (the system clock in the app), not app logic.
      const timer = this.clock.setTimeout(() => {
        this.fail(slot, new ProbeFailure(`reading took longer than ${Math.round(this.timeoutMs / 1000)} s`, true));
      }, this.timeoutMs);
      this.pending.set(request.id, { resolve, reject, timer, slot });
      slot.worker.postMessage(request);
    });
  }

  private settle(slot: Slot, reply: ParseReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    job.timer.cancel();
    slot.busy = false;
    if (reply.ok) job.resolve({ sampleHash: reply.sampleHash, audio: reply.audio, video: reply.video, local: reply.local });
    else job.reject(new ProbeFailure(reply.reason, reply.transient));
  }

  /** Fails the slot's job (if any) and retires the worker: after a timeout or crash it cannot be trusted. */
  private fail(slot: Slot, failure: ProbeFailure): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    for (const [id, job] of this.pending) {
      if (job.slot !== slot) continue;
      this.pending.delete(id);
      job.timer.cancel();
      job.reject(failure);
    }
    void slot.worker.terminate();
  }
}
