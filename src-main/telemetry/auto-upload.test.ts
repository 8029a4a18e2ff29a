import { describe, expect, it } from 'vitest';
import type { SendResult } from '../contract/index.js';
import { ManualClock } from '../ports.js';
import { AutoUpload } from './auto-upload.js';
import { Kv } from './db.js';
import { EventQueue } from './event-queue.js';
import { tempTelemetryDb } from './test-support/harness.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const sent: SendResult = { sent: true, eventCount: 1, status: 200, message: 'Sent 1 events (HTTP 200).' };
const notSent: SendResult = { sent: false, eventCount: 0, status: null, message: 'Nothing is ready to send.' };

/** Lets the wake's awaited send settle, so the next wake is scheduled. */
const settled = (): Promise<void> => new Promise((r) => setImmediate(r));

function setup(results: SendResult[], random = () => 0) {
  const db = tempTelemetryDb();
  const queue = new EventQueue(db, new Kv(db));
  const clock = new ManualClock();
  const wakes: number[] = [];
  const closing = new AbortController();
  const send = (): Promise<SendResult> => {
    wakes.push(clock.now());
    return Promise.resolve(results.shift() ?? notSent);
  };
  const auto = new AutoUpload({ clock, random, queue, send, closed: closing.signal });
  return { auto, queue, clock, wakes, closing, start: clock.now() };
}

describe('auto upload', () => {
  it('never wakes at startup: the first wake is a minute plus up to 30 min of jitter later', () => {
    const early = setup([]);
    early.auto.start();
    early.clock.advance(MINUTE - 1);
    expect(early.wakes).toEqual([]);
    early.clock.advance(1);
    expect(early.wakes).toEqual([early.start + MINUTE]);

    const late = setup([], () => 1);
    late.auto.start();
    late.clock.advance(31 * MINUTE);
    expect(late.wakes).toEqual([late.start + 31 * MINUTE]);
  });

  it('after a batch left wakes two minutes later; with nothing sent and nothing queued, an hour and a minute later', async () => {
    const { auto, clock, wakes, start } = setup([sent]);
    auto.start();
    clock.advance(MINUTE);
    await settled();
    clock.advance(2 * MINUTE);
    await settled();
    clock.advance(HOUR + MINUTE);
    expect(wakes).toEqual([start + MINUTE, start + 3 * MINUTE, start + 4 * MINUTE + HOUR]);
  });

  it('with events in review, waits until the first is ready, then a minute', async () => {
    const { auto, queue, clock, wakes, start } = setup([]);
    queue.appendMany([{ ev: { name: 'playback.failed', category: 'diagnostics', fields: { errorClass: 'decode' } }, nowMs: start }], 10 * MINUTE);
    auto.start();
    clock.advance(MINUTE);
    await settled();
    clock.advance(10 * MINUTE);
    expect(wakes).toEqual([start + MINUTE, start + 11 * MINUTE]);
  });

  it('stops waking when cancelled, and schedules nothing more once closed', async () => {
    const cancelled = setup([]);
    cancelled.auto.start();
    cancelled.auto.cancel();
    cancelled.clock.advance(2 * HOUR);
    expect(cancelled.wakes).toEqual([]);

    const closed = setup([]);
    closed.auto.start();
    closed.clock.advance(MINUTE);
    closed.closing.abort();
    await settled();
    expect(closed.clock.pending()).toBe(0);
  });
});
