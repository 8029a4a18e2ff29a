import { describe, expect, it } from 'vitest';
import { ManualClock } from '../ports.js';
import { BatchSelection } from './batch-selection.js';
import { compileCatalog } from './catalog-model.js';
import { Kv } from './db.js';
import { EventQueue } from './event-queue.js';
import type { Generalized } from './generalize.js';
import { tempTelemetryDb } from './test-support/harness.js';

const HOUR = 3_600_000;
const failed = (errorClass: string): Generalized => ({ name: 'playback.failed', category: 'diagnostics', fields: { errorClass } });

function setup() {
  const db = tempTelemetryDb();
  const kv = new Kv(db);
  const queue = new EventQueue(db, kv);
  const clock = new ManualClock(Date.UTC(2026, 0, 1, 12, 0, 0));
  let commits = 0;
  const pending = { commit: () => void commits++ };
  const batches = new BatchSelection({ queue, kv, clock, pending, appVersion: '0.1', catalog: compileCatalog() });
  /** Queues one event now, in review for `windowMs`. */
  const enqueue = (errorClass: string, windowMs = HOUR): string => queue.appendMany([{ ev: failed(errorClass), nowMs: clock.now() }], windowMs)[0]!;
  return { batches, queue, clock, enqueue, commits: () => commits };
}

describe('batch selection', () => {
  it('commits pending events first, and has nothing to send from an empty queue', () => {
    const { batches, commits } = setup();
    expect(batches.next()).toBeNull();
    expect(commits()).toBe(1);
  });

  it('takes the ready events when some are ready, else every queued event', () => {
    const { batches, clock, enqueue } = setup();
    const old = enqueue('decode');
    const fresh = enqueue('network');
    expect(batches.next()!.events.map((e) => e.id)).toEqual([old, fresh]);
    clock.advance(HOUR + 60_000);
    enqueue('aborted'); // still in review
    expect(batches.next()!.events.map((e) => e.id)).toEqual([old, fresh]);
  });

  it('keeps the batch id while the selection is unchanged and cuts a new one when it changes', () => {
    const { batches, enqueue } = setup();
    enqueue('decode');
    const a = batches.next()!;
    expect(batches.next()).toEqual(a);
    enqueue('network');
    expect(batches.next()!.batchId).not.toBe(a.batchId);
  });

  it('sends a frozen batch again with the same id and bytes, whatever was queued since, until released', () => {
    const { batches, enqueue } = setup();
    enqueue('decode');
    const frozen = batches.next()!;
    batches.freeze(frozen);
    enqueue('network');
    expect(batches.next()).toEqual(frozen);
    batches.release();
    const recut = batches.next()!;
    expect(recut.events).toHaveLength(2);
    expect(recut.batchId).not.toBe(frozen.batchId);
  });

  it('drops a frozen batch once one of its events is gone: it can no longer go as it was', () => {
    const { batches, queue, enqueue } = setup();
    const gone = enqueue('decode');
    const kept = enqueue('network');
    const frozen = batches.next()!;
    batches.freeze(frozen);
    queue.delete([gone]);
    const next = batches.next()!;
    expect(next.events.map((e) => e.id)).toEqual([kept]);
    expect(next.batchId).not.toBe(frozen.batchId);
  });
});
