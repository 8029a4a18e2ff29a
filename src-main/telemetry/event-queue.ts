import crypto from 'node:crypto';
import type { Category, EventStatus } from '../contract/index.js';
import type { Kv, TelemetryDb } from './db.js';
import type { StoredValue } from './generalize.js';

export const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export interface EventQueueLimits {
  maxEvents: number;
  maxBytes: number;
}
export const DEFAULT_LIMITS: EventQueueLimits = { maxEvents: 10_000, maxBytes: 5 * 1024 * 1024 };

export interface StoredEvent {
  seq: number;
  id: string;
  name: string;
  category: Category;
  fields: Record<string, StoredValue>;
  /** Epoch ms of the hour the event happened (floored). */
  hourMs: number;
  reviewUntilMs: number;
}

interface Row {
  seq: number;
  id: string;
  name: string;
  category: string;
  fields: string;
  hour: string;
  review_until: number;
}

export function floorToHour(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

/**
 * The persisted queue of telemetry events waiting to be reviewed and sent (not the player's play queue).
 *
 * Choices, each on purpose:
 * - When full (by count or bytes) the NEWEST event is dropped, not the oldest: events already queued may
 *   have been reviewed by the user, and silently replacing them would change what they reviewed. Every drop
 *   increments a persisted counter in the same transaction, so the count is exact across restarts.
 * - The review window counts from the real enqueue moment, but only its END is stored, rounded UP to the
 *   minute. Storing just the hour would force a conservative hour + 1 h + window, so a window of 0 would
 *   still wait up to an hour; the rounded end is local-only, is never sent, and says no more than "queued
 *   within this minute" to someone who already has the disk.
 * - `hour` (what is sent) is the event time floored to the hour; no finer time exists anywhere.
 */
export class EventQueue {
  private count = 0;
  private bytes = 0;
  private readonly insert$;
  private readonly all$;

  constructor(
    private readonly db: TelemetryDb,
    private readonly kv: Kv,
    private readonly limits: EventQueueLimits = DEFAULT_LIMITS,
  ) {
    this.insert$ = db.prepare<[string, string, string, string, string, number, number]>(
      'INSERT INTO events (id, name, category, fields, hour, review_until, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.all$ = db.prepare<[], Row>('SELECT seq, id, name, category, fields, hour, review_until FROM events ORDER BY seq');
    this.refreshCounts();
  }

  /**
   * Appends events in ONE transaction (one fsync for the group: the group commit record() relies on) and
   * returns the ids of those stored. An event that does not fit is dropped and counted in the same
   * transaction, so the dropped counter is exact even across a crash.
   */
  appendMany(
    items: readonly { ev: { name: string; category: Category; fields: Record<string, StoredValue> }; nowMs: number }[],
    reviewWindowMs: number,
    /** Events already refused before reaching the queue (the in-memory group was full): counted here too. */
    extraDrops = 0,
  ): string[] {
    return this.db.transaction(() => {
      const ids: string[] = [];
      let count = this.count;
      let bytesTotal = this.bytes;
      let drops = extraDrops;
      let hourMs = NaN;
      let hour = '';
      for (const { ev, nowMs } of items) {
        const fields = JSON.stringify(ev.fields);
        // Stored values and names are ASCII by construction (catalog tokens), so length is the byte count.
        const bytes = fields.length + ev.name.length;
        if (count + 1 > this.limits.maxEvents || bytesTotal + bytes > this.limits.maxBytes) {
          drops++;
          continue;
        }
        const id = crypto.randomUUID();
        if (floorToHour(nowMs) !== hourMs) {
          hourMs = floorToHour(nowMs);
          hour = new Date(hourMs).toISOString();
        }
        this.insert$.run(id, ev.name, ev.category, fields, hour, Math.ceil((nowMs + reviewWindowMs) / MINUTE_MS) * MINUTE_MS, bytes);
        ids.push(id);
        count++;
        bytesTotal += bytes;
      }
      if (drops > 0) this.kv.set('dropped', this.dropped() + drops);
      // Memory follows only once the transaction body succeeded; a throw rolls back and leaves it unchanged.
      this.count = count;
      this.bytes = bytesTotal;
      return ids;
    })();
  }

  /** The bounds this queue enforces. */
  bounds(): EventQueueLimits {
    return { ...this.limits };
  }

  list(): StoredEvent[] {
    return this.all$.all().map((r) => ({
      seq: r.seq,
      id: r.id,
      name: r.name,
      category: r.category as Category,
      fields: JSON.parse(r.fields) as Record<string, StoredValue>,
      hourMs: Date.parse(r.hour),
      reviewUntilMs: r.review_until,
    }));
  }

  /** Held while hold is on; otherwise in review until the window ends, then ready. */
  status(ev: StoredEvent, nowMs: number, held: boolean): EventStatus {
    if (held) return 'held';
    return nowMs < ev.reviewUntilMs ? 'in-review' : 'ready';
  }

  /** Deletes the given ids (unknown ids are ignored) in one transaction; returns how many went. */
  delete(ids: readonly string[]): number {
    const del = this.db.prepare('DELETE FROM events WHERE id = ?');
    const n = this.db.transaction(() => ids.reduce((acc, id) => acc + del.run(id).changes, 0))();
    this.refreshCounts();
    return n;
  }

  /** Deletes one category's events, or all with null. Runs inside the caller's transaction when there is one. */
  purge(category: Category | null): number {
    const n = category === null ? this.db.prepare('DELETE FROM events').run().changes : this.db.prepare('DELETE FROM events WHERE category = ?').run(category).changes;
    this.refreshCounts();
    return n;
  }

  total(): number {
    return this.count;
  }

  dropped(): number {
    return this.kv.get('dropped', 0);
  }

  held(): boolean {
    return this.kv.get('hold', false);
  }

  setHeld(on: boolean): void {
    this.kv.set('hold', on);
  }

  private refreshCounts(): void {
    const row = this.db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(bytes), 0) AS b FROM events').get() as { n: number; b: number };
    this.count = row.n;
    this.bytes = row.b;
  }
}
