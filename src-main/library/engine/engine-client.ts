import { Worker } from 'node:worker_threads';
import type { Clock } from '../../ports.js';
import type { ProgressSink } from '../scan/progress.js';
import type { IndexChange } from '../watch/apply-changes.js';
import type { WatchControl } from '../watch/library-watch.js';
import { workerSource } from '../scan/worker-source.js';
import { EngineReply, type EngineConfig, type EngineFailure, type EngineRequest } from './engine-protocol.js';
import type { EngineScanResult } from './library-engine.js';

/** A job the engine answered with `failed`: its kind says how the library answers (see `Library.scanError`). */
export class EngineJobError extends Error {
  constructor(readonly failure: EngineFailure) {
    super(failure.message);
    this.name = 'EngineJobError';
  }
}

/** How long closing waits for the thread to finish its jobs' writes and close its connection. */
const CLOSE_BOUND_MS = 5_000;

interface Job {
  resolve: (result: EngineScanResult) => void;
  reject: (error: unknown) => void;
  progress: ProgressSink;
}

export interface EngineClientOptions {
  config: EngineConfig;
  /** Main's clock: the engine stamps what it writes in its time. */
  clock: Clock;
  /** A batch of the watcher's changes reached the index. */
  onChanged: (change: IndexChange) => void;
  /** The engine thread's module; the scan bench substitutes a compiled bundle. */
  workerModule?: URL;
}

/**
 * The main thread's side of the library engine (`engine-worker.ts`): starts the thread when first needed,
 * sends it scans and the watcher's on/off switch, relays progress and settles each scan with its answer.
 * The thread holds the process open only while a scan runs (a CLI scan exits when it is done, and watching
 * never kept a process alive); if it dies, its scans fail and the next request starts a fresh one, which
 * watches again if the library was watching.
 */
export class EngineClient implements WatchControl {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private nextJob = 1;
  private watching = false;
  private closed = false;

  constructor(private readonly opts: EngineClientOptions) {}

  scan(request: { scope: string | null; sweepDue: boolean }, progress: ProgressSink, signal: AbortSignal): Promise<EngineScanResult> {
    if (this.closed) return Promise.reject(new Error('the library is closed'));
    const worker = this.running();
    const job = this.nextJob++;
    const cancel = (): void => worker.postMessage({ type: 'cancel', job } satisfies EngineRequest);
    return new Promise<EngineScanResult>((resolve, reject) => {
      this.jobs.set(job, { resolve, reject, progress });
      this.holdProcess();
      worker.postMessage({ type: 'scan', ...request, job, now: this.opts.clock.now() } satisfies EngineRequest);
      if (signal.aborted) cancel();
      else signal.addEventListener('abort', cancel, { once: true });
    }).finally(() => {
      signal.removeEventListener('abort', cancel);
      this.holdProcess();
    });
  }

  setWatching(on: boolean): void {
    if (this.closed || this.watching === on) return;
    this.watching = on;
    // Nothing to stop in a thread that is not running; starting one to watch is what `running` does.
    if (on || this.worker) this.running().postMessage(this.watchRequest());
  }

  refreshWatch(): void {
    if (!this.closed && this.watching) this.worker?.postMessage({ type: 'refresh' } satisfies EngineRequest);
  }

  /**
   * Asks the thread to cancel its scans (they still answer), stop watching, close its connection and end,
   * and waits (at most `boundMs`) until that connection is closed.
   *
   * Important: this blocks the calling thread on purpose, once, at close. The caller closes its own
   * connection next, and must be the last one: the last to close checkpoints the WAL into the file and
   * deletes it. A connection left open in the thread would do that later, behind the caller's back, over
   * whatever happened to the file meanwhile (a test damaging it, a user replacing it).
   */
  close(boundMs = CLOSE_BOUND_MS): void {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    const closed = new Int32Array(new SharedArrayBuffer(4));
    worker.postMessage({ type: 'close', closed } satisfies EngineRequest);
    Atomics.wait(closed, 0, 0, boundMs);
  }

  private watchRequest(): EngineRequest {
    return { type: 'watch', on: this.watching, now: this.opts.clock.now() };
  }

  /** A scan in flight keeps the process alive, as a scan on this thread used to; an idle or watching thread does not. */
  private holdProcess(): void {
    if (this.jobs.size > 0) this.worker?.ref();
    else this.worker?.unref();
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const source = workerSource(this.opts.workerModule ?? new URL('./engine-worker.js', import.meta.url));
    const worker = new Worker(source.code, { eval: source.eval, workerData: this.opts.config });
    worker.on('message', (raw: unknown) => this.receive(worker, raw));
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', () => this.stopped(worker, new Error('the library engine stopped')));
    this.worker = worker;
    this.holdProcess();
    if (this.watching) worker.postMessage(this.watchRequest());
    return worker;
  }

  private receive(worker: Worker, raw: unknown): void {
    const reply = EngineReply.safeParse(raw);
    if (!reply.success) {
      // A thread that speaks another protocol cannot be trusted with the index: end it, fail its scans.
      this.stopped(worker, new Error('the library engine sent a message this build does not understand'));
      void worker.terminate();
      return;
    }
    const message = reply.data;
    if (message.type === 'changed') return this.opts.onChanged(message.change);
    const job = this.jobs.get(message.job);
    if (!job) return;
    if (message.type === 'progress') return job.progress.update(message.counts);
    this.jobs.delete(message.job);
    if (message.type === 'failed') job.reject(new EngineJobError(message.failure));
    else job.resolve({ totals: message.totals, swept: message.swept });
  }

  /** The thread is gone (or must be): every scan it had fails, and the next request starts a new one. */
  private stopped(worker: Worker, error: unknown): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of jobs) job.reject(error);
  }
}
