import type { SendResult } from '../contract/index.js';
import type { Clock } from '../ports.js';
import type { BatchSelection, OutgoingBatch } from './batch-selection.js';
import type { ChangeReason } from './changes.js';
import type { TelemetryDb } from './db.js';
import type { EventQueue } from './event-queue.js';
import type { Ledger } from './ledger.js';
import type { Network } from './network.js';
import { postBatch, type UploadOutcome } from './uploader.js';

const NO_ENDPOINT = 'No endpoint configured: nothing will leave this machine.';
const UPLOAD_OFF = 'Telemetry upload is off on the Network tab: nothing will leave this machine.';

interface SenderOptions {
  endpoint: string | null;
  db: TelemetryDb;
  queue: EventQueue;
  ledger: Ledger;
  network: Network;
  batches: BatchSelection;
  clock: Clock;
  /** Jitter source of the retry backoff. */
  random: () => number;
  /** Aborted when the pipeline closes: stops a request in flight and any retry wait. */
  closed: AbortSignal;
  notify: (reason: ChangeReason) => void;
}

function notSent(message: string, eventCount = 0, status: number | null = null): SendResult {
  return { sent: false, eventCount, status, message };
}

/**
 * Sends the next batch: freezes it (same id and bytes on every attempt, even after a crash), posts it with
 * bounded retries (uploader.ts), and on success removes its events from the queue and ledgers it in one
 * transaction.
 */
export class Sender {
  private inflight: Promise<SendResult> | null = null;

  constructor(private readonly o: SenderOptions) {}

  /**
   * One upload at a time: a second caller waits for the first instead of sending the same batch twice.
   * `auto` sends only when the batch is ready (past its review window) and nothing is held.
   */
  send(auto: boolean): Promise<SendResult> {
    if (this.inflight) return this.inflight;
    const p = this.attempt(auto)
      .catch((e: unknown): SendResult => notSent(`Upload failed: ${(e as Error).message}`))
      .finally(() => {
        if (this.inflight === p) this.inflight = null;
      });
    this.inflight = p;
    return p;
  }

  /** The upload in flight, if any; it never rejects. */
  inFlight(): Promise<SendResult> | null {
    return this.inflight;
  }

  private async attempt(auto: boolean): Promise<SendResult> {
    const { endpoint, closed } = this.o;
    if (closed.aborted) return notSent('Telemetry is closed.');
    if (endpoint === null) return notSent(NO_ENDPOINT);
    const batch = this.o.batches.next();
    if (!batch) return notSent('The queue is empty: nothing to send.');
    if (auto && !this.ready(batch)) return notSent('Nothing is ready to send.');
    // A wake of auto upload is not the user asking: while the purpose is off it tries nothing, so the
    // network list is not filled with refusals nobody requested. Send now still tries, and is refused and listed.
    if (auto && !this.o.network.enabled('telemetry-upload')) return notSent(UPLOAD_OFF);
    this.o.batches.freeze(batch);
    const outcome = await postBatch({ network: this.o.network, clock: this.o.clock, random: this.o.random, endpoint, body: batch.body, stop: closed });
    this.o.notify('network');
    if (closed.aborted) return notSent('Telemetry closed during the upload; events stay queued.', batch.events.length, outcome.status);
    return outcome.ok ? this.delivered(batch, endpoint, outcome) : this.refused(batch, outcome);
  }

  /** Auto upload's condition: nothing held, and the batch's first event past its review window. */
  private ready(batch: OutgoingBatch): boolean {
    return !this.o.queue.held() && this.o.queue.status(batch.events[0]!, this.o.clock.now(), false) === 'ready';
  }

  private refused(batch: OutgoingBatch, outcome: Extract<UploadOutcome, { ok: false }>): SendResult {
    // A 4xx reply means the receiver stored nothing, so the batch may be re-cut; after a 5xx, a timeout
    // or no reply it may have been stored, so it stays frozen.
    if (outcome.status !== null && outcome.status >= 400 && outcome.status < 500) this.o.batches.release();
    return notSent(outcome.message, batch.events.length, outcome.status);
  }

  private delivered(batch: OutgoingBatch, endpoint: string, outcome: Extract<UploadOutcome, { ok: true }>): SendResult {
    const n = batch.events.length;
    const { clock, queue, ledger } = this.o;
    this.o.db.transaction(() => {
      queue.delete(batch.events.map((e) => e.id));
      const note = outcome.rejected > 0 ? `partialSuccess: ${outcome.rejected} of ${n} records rejected\n` : '';
      ledger.append({ batchId: batch.batchId, sentAt: new Date(clock.now()).toISOString(), endpoint, body: batch.body, status: outcome.status, reply: note + outcome.reply, eventCount: n });
      this.o.batches.release();
    })();
    this.o.notify('queue');
    this.o.notify('ledger');
    const message =
      outcome.rejected > 0
        ? `Sent ${n} events; the collector rejected ${outcome.rejected} of them (not retried: a partial success is final).`
        : `Sent ${n} events (HTTP ${outcome.status}).`;
    return { sent: true, eventCount: n, status: outcome.status, message };
  }
}
