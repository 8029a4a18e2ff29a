import crypto from 'node:crypto';
import type { Clock } from '../ports.js';
import type { CompiledCatalog } from './catalog-model.js';
import type { Kv } from './db.js';
import type { EventQueue, StoredEvent } from './event-queue.js';
import { encodeBatch, MAX_BATCH_EVENTS } from './otlp.js';

/** The next batch: its events, its random id and the exact bytes that would be POSTed. */
export interface OutgoingBatch {
  events: StoredEvent[];
  batchId: string;
  body: string;
}

/** The batch an upload was attempted with, persisted so that after a crash or failure the same id and bytes go again. */
interface FrozenBatch {
  batchId: string;
  ids: string[];
  body: string;
}
const FROZEN_KEY = 'inflight';

interface BatchSelectionOptions {
  queue: EventQueue;
  kv: Kv;
  clock: Clock;
  /** Writes events recorded but not yet committed, so the selection sees them. */
  pending: { commit(): void };
  /** What the batch body is encoded with: the generalized app version and the catalog. */
  appVersion: string;
  catalog: CompiledCatalog;
}

/**
 * The one rule for what leaves next, shared by the preview, sendNow and auto upload: the ready events if
 * any, else every queued event (sendNow overrides the review window and hold). The batch id is kept while
 * the selection is unchanged, so the previewed bytes are the bytes sent.
 */
export class BatchSelection {
  /** The id given to the current selection (keyed by its event ids). */
  private cut: { key: string; batchId: string } | null = null;

  constructor(private readonly o: BatchSelectionOptions) {}

  /** The batch that leaves next, or null when the queue is empty. */
  next(): OutgoingBatch | null {
    this.o.pending.commit();
    return this.nextFrom(this.o.queue.list());
  }

  /** The batch that leaves next out of `all` (the whole queue, listed by the caller), encoded; null when empty. */
  nextFrom(all: readonly StoredEvent[]): OutgoingBatch | null {
    if (all.length === 0) return null;
    const frozen = this.frozen(all);
    if (frozen) return frozen;
    const { events, batchId } = this.cutFrom(all);
    return { events, batchId, body: encodeBatch({ events, batchId, appVersion: this.o.appVersion, catalog: this.o.catalog }) };
  }

  /**
   * The ids of the events the next batch would carry, out of `all`, without encoding it: the queue view
   * marks them, and encoding is the costly part of a preview, done only when the batch itself is shown.
   */
  nextIdsFrom(all: readonly StoredEvent[]): string[] {
    if (all.length === 0) return [];
    return (this.frozen(all) ?? this.cutFrom(all)).events.map((e) => e.id);
  }

  /** Persists the batch before its upload is attempted: from now on it goes again exactly as it is. */
  freeze(batch: OutgoingBatch): void {
    this.o.kv.set(FROZEN_KEY, { batchId: batch.batchId, ids: batch.events.map((e) => e.id), body: batch.body } satisfies FrozenBatch);
  }

  /** Forgets the frozen batch and its id: it was acknowledged, or refused so the receiver stored nothing. */
  release(): void {
    this.o.kv.delete(FROZEN_KEY);
    this.cut = null;
  }

  /**
   * A batch whose upload was attempted is frozen until it is acknowledged or refused: the receiver may
   * already have it, so it must go again with the same id and bytes, never re-cut under a new id.
   */
  private frozen(all: readonly StoredEvent[]): OutgoingBatch | null {
    const frozen = this.o.kv.get<FrozenBatch | null>(FROZEN_KEY, null);
    if (!frozen) return null;
    const byId = new Map(all.map((e) => [e.id, e]));
    const events = frozen.ids.map((id) => byId.get(id));
    if (events.every((e) => e !== undefined)) return { events, batchId: frozen.batchId, body: frozen.body };
    // The user deleted (or a purge removed) some of its events: it can no longer be sent as it was.
    this.o.kv.delete(FROZEN_KEY);
    return null;
  }

  /** The events of a new batch and its id (the same id while the selection is the same); not encoded. */
  private cutFrom(all: readonly StoredEvent[]): { events: StoredEvent[]; batchId: string } {
    const now = this.o.clock.now();
    const held = this.o.queue.held();
    const ready = all.filter((e) => this.o.queue.status(e, now, held) === 'ready');
    const events = (ready.length > 0 ? ready : all).slice(0, MAX_BATCH_EVENTS);
    const key = events.map((e) => e.id).join(',');
    if (this.cut?.key !== key) this.cut = { key, batchId: crypto.randomUUID() };
    return { events, batchId: this.cut.batchId };
  }
}
