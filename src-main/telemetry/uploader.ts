import type { Clock } from '../ports.js';
import { NetworkRefused, type Network } from './network.js';
import { OTLP_HEADERS, rejectedRecords } from './otlp.js';

const MAX_ATTEMPTS = 5;
export const REQUEST_TIMEOUT_MS = 10_000;
const BASE_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;
/** A Retry-After longer than this ends the attempt: the events stay queued for a later upload. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;
/** Only these are worth retrying (OTLP/HTTP spec: throttling and transient gateway errors). */
const RETRYABLE = new Set([429, 502, 503, 504]);

export type UploadOutcome =
  | { ok: true; status: number; reply: string; rejected: number; attempts: number }
  | { ok: false; status: number | null; message: string; attempts: number };

/** Milliseconds a Retry-After header asks for (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** Exponential backoff with jitter in [50 %, 100 %] of the step, so many clients do not retry in step. */
export function backoffMs(attempt: number, random: () => number): number {
  const step = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempt - 1));
  return Math.round(step * (0.5 + 0.5 * random()));
}

function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const h = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      h.cancel();
      resolve();
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * POSTs one batch body to the endpoint through the network module, retrying only on 429/502/503/504.
 *
 * The same bytes (same batch id) are sent on every attempt, so a receiver can drop duplicates. A network
 * error or timeout is not retried here: the events stay queued and the next scheduled upload tries again.
 * A 2xx with partialSuccess is final (the OTLP spec says not to retry it). `stop` aborts a request in
 * flight and any wait (quit).
 */
export async function postBatch(deps: { network: Network; clock: Clock; random: () => number; endpoint: string; body: string; stop: AbortSignal }): Promise<UploadOutcome> {
  const { network, clock, stop } = deps;
  for (let attempt = 1; ; attempt++) {
    if (stop.aborted) return { ok: false, status: null, message: 'Upload stopped because Glasswing is quitting; events stay queued.', attempts: attempt - 1 };
    const ctl = new AbortController();
    const timer = clock.setTimeout(() => ctl.abort(), REQUEST_TIMEOUT_MS);
    const onStop = (): void => ctl.abort();
    stop.addEventListener('abort', onStop, { once: true });
    let status: number;
    let reply: string;
    let retryAfter: string | null;
    try {
      const res = await network.request('telemetry-upload', deps.endpoint, { method: 'POST', headers: { ...OTLP_HEADERS }, body: deps.body, signal: ctl.signal });
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      reply = await res.text();
    } catch (e) {
      const message =
        e instanceof NetworkRefused ? e.message : ctl.signal.aborted ? 'The upload timed out or was stopped; events stay queued.' : `The collector could not be reached (${(e as Error).message}); events stay queued.`;
      return { ok: false, status: null, message, attempts: attempt };
    } finally {
      timer.cancel();
      stop.removeEventListener('abort', onStop);
    }
    if (status >= 200 && status < 300) return { ok: true, status, reply, rejected: rejectedRecords(reply).rejected, attempts: attempt };
    if (!RETRYABLE.has(status)) return { ok: false, status, message: `The collector refused the batch (HTTP ${status}); it is not retried, and the events stay queued.`, attempts: attempt };
    if (attempt >= MAX_ATTEMPTS) return { ok: false, status, message: `The collector was unavailable (HTTP ${status}) after ${attempt} attempts; events stay queued.`, attempts: attempt };
    const wait = parseRetryAfter(retryAfter, clock.now()) ?? backoffMs(attempt, deps.random);
    if (wait > MAX_RETRY_AFTER_MS) {
      return { ok: false, status, message: `The collector asked to wait ${Math.round(wait / 1000)} s (HTTP ${status}); events stay queued for a later upload.`, attempts: attempt };
    }
    await sleep(clock, wait, stop);
  }
}
