import { parentPort, workerData } from 'node:worker_threads';
import { systemClock } from '../../ports.js';
import { EngineConfig, EngineRequest, type EngineReply } from './engine-protocol.js';
import { describeFailure, LibraryEngine } from './library-engine.js';
import { ProgressRelay } from './progress-relay.js';

/**
 * The library engine thread: runs scans and the folder watcher (`LibraryEngine`) for the main thread's
 * `EngineClient`. Each scan request is answered with exactly one `scanned` or `failed` (and `progress`
 * before that); each watcher batch that changed the index with `changed`. Started by the client, ended by
 * its `close` request.
 */
const port = parentPort;
if (!port) throw new Error('engine-worker must run in a worker thread');

const post = (reply: EngineReply): void => port.postMessage(reply);
const engine = new LibraryEngine(EngineConfig.parse(workerData));
const jobs = new Map<number, { abort: AbortController; done: Promise<void> }>();

/** Runs one job; whatever it throws becomes its `failed` answer. */
function run(job: number, work: (signal: AbortSignal) => Promise<EngineReply>): void {
  const abort = new AbortController();
  const done = work(abort.signal)
    .catch((error: unknown): EngineReply => ({ type: 'failed', job, failure: describeFailure(error) }))
    .then(post)
    .finally(() => jobs.delete(job));
  jobs.set(job, { abort, done });
}

/**
 * Cancels every job and lets each write what it read and answer, then closes the index, tells the main
 * thread (waiting on `closed`) and ends the thread.
 */
async function close(closed: Int32Array): Promise<void> {
  for (const { abort } of jobs.values()) abort.abort();
  try {
    await engine.stop();
    await Promise.allSettled([...jobs.values()].map((j) => j.done));
    engine.closeIndex();
  } finally {
    Atomics.store(closed, 0, 1);
    Atomics.notify(closed, 0);
    port?.close();
  }
}

/** One scan; its last counts are relayed before its answer, so the main thread finishes on them. */
async function scan(request: Extract<EngineRequest, { type: 'scan' }>, signal: AbortSignal): Promise<EngineReply> {
  const progress = new ProgressRelay(systemClock, (counts) => post({ type: 'progress', job: request.job, counts }));
  try {
    return { type: 'scanned', job: request.job, ...(await engine.scan(request, progress, signal)) };
  } finally {
    progress.flush();
  }
}

function handle(request: EngineRequest): void {
  switch (request.type) {
    case 'scan':
      return run(request.job, (signal) => scan(request, signal));
    case 'cancel':
      return jobs.get(request.job)?.abort.abort();
    case 'watch':
      return engine.watch(request.on ? (change) => post({ type: 'changed', change }) : null, request.now);
    case 'refresh':
      return engine.refreshWatch();
    case 'close':
      return void close(request.closed);
  }
}

port.on('message', (raw: unknown) => {
  const request = EngineRequest.safeParse(raw);
  if (request.success) return handle(request.data);
  // Not from this build's client: answer a job id if there is one, so its caller is not left waiting.
  const job = (raw as { job?: unknown } | null)?.job;
  if (typeof job === 'number' && Number.isInteger(job) && job > 0) {
    post({ type: 'failed', job, failure: { kind: 'other', message: 'the library engine could not read the request', code: null } });
  }
});
