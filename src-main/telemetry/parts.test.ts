import { afterEach, describe, expect, it, vi } from 'vitest';
import { TelemetryParts, TelemetrySnapshot } from '../contract/index.js';
import { ManualClock } from '../ports.js';
import { EventQueue } from './event-queue.js';
import { openTelemetry, type TelemetryService } from './index.js';
import type * as otlp from './otlp.js';
import { encodeBatch } from './otlp.js';
import { noFetch, tempDir } from './test-support/harness.js';

// Counts encodings of a batch body (the costly part of a preview) while keeping the real encoder.
vi.mock('./otlp.js', async (importOriginal) => {
  const real = await importOriginal<typeof otlp>();
  return { ...real, encodeBatch: vi.fn(real.encodeBatch) };
});

const open: TelemetryService[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const t of open.splice(0)) await t.close();
});

/** A pipeline with every category on and three events queued. */
function withQueuedEvents(): TelemetryService {
  const t = openTelemetry({ dataDir: tempDir(), appVersion: '0.1.3', clock: new ManualClock(Date.UTC(2026, 0, 1, 12)), fetch: noFetch, endpoint: null, env: {}, cliOff: false, policyPath: null });
  open.push(t);
  t.markSeen();
  t.setMaster(true);
  for (const c of ['usage', 'performance', 'diagnostics'] as const) t.setCategory(c, true);
  for (let i = 0; i < 3; i++) t.record('ui.feature_used', { feature: 'search' });
  t.snapshot(); // commits the group
  return t;
}

describe('the privacy screen in parts', () => {
  it('lists the queue once for a whole snapshot (it was listed again to cut the next batch)', () => {
    const t = withQueuedEvents();
    const list = vi.spyOn(EventQueue.prototype, 'list');
    const snap = TelemetrySnapshot.parse(t.snapshot());
    expect(list).toHaveBeenCalledTimes(1);
    expect(snap.nextBatch?.eventIds).toEqual(snap.queue.events.map((e) => e.id));
  });

  it('answers the queue with the next batch ids, without encoding the batch', () => {
    const t = withQueuedEvents();
    const encode = vi.mocked(encodeBatch);
    encode.mockClear();
    const list = vi.spyOn(EventQueue.prototype, 'list');
    const parts = TelemetryParts.parse(t.parts(['queue']));
    expect(encode).not.toHaveBeenCalled();
    expect(list).toHaveBeenCalledTimes(1);
    expect(Object.keys(parts).sort()).toEqual(['endpoint', 'nextBatchIds', 'queue']);
    expect(parts.nextBatchIds).toEqual(parts.queue!.events.map((e) => e.id));
    // The ids are exactly those of the batch the Next batch tab would show.
    expect(t.parts(['nextBatch']).nextBatch?.eventIds).toEqual(parts.nextBatchIds);
    expect(encode).toHaveBeenCalledTimes(1);
  });

  it('answers other parts without listing the queue at all', () => {
    const t = withQueuedEvents();
    const list = vi.spyOn(EventQueue.prototype, 'list');
    const parts = t.parts(['consent', 'ledger', 'network']);
    expect(list).not.toHaveBeenCalled();
    expect(parts.consent?.master).toBe(true);
    expect(parts.queue).toBeUndefined();
    expect(parts.nextBatch).toBeUndefined();
  });
});
