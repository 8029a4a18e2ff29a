import { describe, expect, it, vi } from 'vitest';
import { createFakeApi, makeEvent, makeQueue, makeTelemetry } from '../../api/testing';
import { privacyStoreFor } from './privacyStore';

const body = '{"resourceLogs":[]}';

/** A fake with two queued events and a next batch, and its privacy store, live and loaded. */
async function liveStore() {
  const events = [makeEvent(), makeEvent()];
  const nextBatch = { endpoint: null, batchId: 'b-1', headers: {}, body, bytes: body.length, eventIds: [events[0]!.id] };
  const fake = createFakeApi({ telemetry: makeTelemetry({ queue: makeQueue(events), nextBatch }) });
  const store = privacyStoreFor(fake.client);
  const release = store.retain();
  await vi.waitFor(() => expect(store.get().snapshot).not.toBeNull());
  const fetched = () => fake.callsTo('privacy.snapshot').map((input) => input.parts);
  fake.calls.length = 0;
  return { fake, store, release, fetched, events };
}

/** Lets the store's fetches run to their end. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the privacy store', () => {
  it('loads every part but the next batch, and marks the next batch\'s events without it', async () => {
    const events = [makeEvent(), makeEvent()];
    const nextBatch = { endpoint: null, batchId: 'b-1', headers: {}, body, bytes: body.length, eventIds: [events[1]!.id] };
    const fake = createFakeApi({ telemetry: makeTelemetry({ queue: makeQueue(events), nextBatch }) });
    const store = privacyStoreFor(fake.client);
    store.retain();
    await vi.waitFor(() => expect(store.get().snapshot).not.toBeNull());
    expect(fake.callsTo('privacy.snapshot')).toEqual([{ parts: ['consent', 'preview', 'queue', 'ledger', 'network'] }]);
    expect(store.get().snapshot?.nextBatchIds).toEqual([events[1]!.id]);
    expect(store.get().nextBatch).toBeUndefined();
  });

  it('refetches only the parts a push names, once per push: a queue change fetches the queue once, and no batch', async () => {
    const { fake, fetched } = await liveStore();
    fake.emit('onDidChangeTelemetry', { parts: ['queue', 'nextBatch'], version: 1 });
    await settled();
    expect(fetched()).toEqual([['queue']]);
    fake.emit('onDidChangeTelemetry', { parts: ['ledger'], version: 2 });
    await settled();
    expect(fetched()).toEqual([['queue'], ['ledger']]);
  });

  it('folds pushes that arrive while a fetch runs into one more fetch', async () => {
    const { fake, fetched } = await liveStore();
    fake.emit('onDidChangeTelemetry', { parts: ['queue', 'nextBatch'], version: 1 });
    fake.emit('onDidChangeTelemetry', { parts: ['consent', 'network'], version: 2 });
    fake.emit('onDidChangeTelemetry', { parts: ['queue', 'nextBatch'], version: 3 });
    await settled();
    expect(fetched()).toEqual([['consent', 'queue', 'network']]);
  });

  it('fetches the encoded next batch only while it is shown, then with every queue change', async () => {
    const { fake, store, fetched } = await liveStore();
    const hide = store.showNextBatch();
    await vi.waitFor(() => expect(store.get().nextBatch?.batchId).toBe('b-1'));
    fake.emit('onDidChangeTelemetry', { parts: ['queue', 'nextBatch'], version: 1 });
    await settled();
    hide();
    expect(store.get().nextBatch).toBeUndefined();
    fake.emit('onDidChangeTelemetry', { parts: ['queue', 'nextBatch'], version: 2 });
    await settled();
    expect(fetched()).toEqual([['nextBatch'], ['queue', 'nextBatch'], ['queue']]);
  });

  it('refetches every part it shows after a reconnect or a missed push', async () => {
    const { fake, fetched } = await liveStore();
    const every = ['consent', 'preview', 'queue', 'ledger', 'network'];
    fake.emit('onDidChangeTelemetry', { reason: 'reconnected' });
    await settled();
    fake.emit('onDidChangeTelemetry', { parts: ['ledger'], version: 4 });
    await settled();
    fake.emit('onDidChangeTelemetry', { parts: ['ledger'], version: 6 });
    await settled();
    expect(fetched()).toEqual([every, ['ledger'], every]);
  });

  it('stops listening when the last holder releases it', async () => {
    const { fake, release, fetched } = await liveStore();
    release();
    fake.emit('onDidChangeTelemetry', { parts: ['queue'], version: 1 });
    await settled();
    expect(fetched()).toEqual([]);
  });
});
