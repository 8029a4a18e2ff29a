import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SendResult } from '../contract/index.js';
import { openTelemetry, type TelemetryOptions, type TelemetryService } from './index.js';
import { backoffMs, parseRetryAfter, REQUEST_TIMEOUT_MS } from './uploader.js';
import { startCollector, type Reply } from './test-support/collector.js';
import { realFetch, settle, SpyClock, tempDir, until } from './test-support/harness.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup(script: Reply[] = [], over: Partial<TelemetryOptions> = {}, consent = true) {
  const clock = new SpyClock(Date.UTC(2026, 0, 1, 12, 34, 56));
  const collector = await startCollector(clock, script);
  cleanup.push(() => collector.close());
  const dir = over.dataDir ?? tempDir();
  const t = openTelemetry({
    dataDir: dir,
    appVersion: '0.1.3',
    clock,
    fetch: realFetch,
    endpoint: collector.url,
    env: {},
    cliOff: false,
    policyPath: null,
    reviewWindowMs: 0,
    random: () => 0, // backoff at the low end of its jitter: 500, 1000, 2000, 4000 ms
    ...over,
  });
  cleanup.push(() => t.close());
  if (consent) {
    consentToRecording(t);
    t.setNetworkPurpose('telemetry-upload', true);
  }
  return { t, clock, collector, dir };
}

/** What the user does on the Consent tab: master and two categories on (uploads stay a separate choice). */
function consentToRecording(t: TelemetryService): void {
  t.markSeen();
  t.setMaster(true);
  t.setCategory('usage', true);
  t.setCategory('diagnostics', true);
}

function fill(t: TelemetryService): void {
  t.record('playback.started', { kind: 'episode', container: 'matroska,webm', videoCodec: 'hevc', audioCodec: 'ac3', resolution: 2160, duration: 2700, mode: 'transcode' });
  t.record('playback.failed', { errorClass: 'network' });
}

/** Waits until the uploader has asked the clock for a wait of `ms` (a retry is scheduled). */
const scheduled = (clock: SpyClock, ms: number, nth = 1) => until(() => clock.delays.filter((d) => d === ms).length >= nth, `a ${ms} ms timer`);

describe('upload to a real OTLP/HTTP collector', () => {
  it('200: POSTs exactly the previewed bytes, in OTLP names the proto accepts, then ledgers the batch and empties the queue', async () => {
    const { t, collector } = await setup();
    fill(t);
    const preview = t.snapshot().nextBatch!;
    const result = SendResult.parse(await t.sendNow());
    expect(result).toEqual({ sent: true, eventCount: 2, status: 200, message: 'Sent 2 events (HTTP 200).' });
    expect(collector.received).toHaveLength(1);
    const req = collector.received[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/logs');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body).toBe(preview.body);
    expect(Buffer.byteLength(req.body)).toBe(preview.bytes);
    // Through the official message definitions and back, nothing is lost or renamed.
    expect(req.roundTrip).toEqual(req.json);
    const rl = (req.json as { resourceLogs: { resource: { attributes: unknown[] }; scopeLogs: { scope: unknown; logRecords: Record<string, unknown>[] }[] }[] }).resourceLogs[0]!;
    expect(rl.resource.attributes).toEqual([
      { key: 'service.name', value: { stringValue: 'glasswing' } },
      { key: 'service.version', value: { stringValue: '0.1' } },
      { key: 'glasswing.catalog.version', value: { intValue: '1' } },
    ]);
    expect(rl.scopeLogs[0]!.scope).toEqual({ name: 'glasswing.telemetry', version: '1' });
    const started = rl.scopeLogs[0]!.logRecords.find((r) => r.eventName === 'playback.started')!;
    expect(started).toEqual({
      timeUnixNano: String(BigInt(Date.UTC(2026, 0, 1, 12)) * 1_000_000n),
      observedTimeUnixNano: String(BigInt(Date.UTC(2026, 0, 1, 12)) * 1_000_000n),
      severityNumber: 9,
      severityText: 'INFO',
      body: { stringValue: 'playback.started' },
      eventName: 'playback.started',
      attributes: [
        { key: 'event.name', value: { stringValue: 'playback.started' } },
        { key: 'glasswing.batch.id', value: { stringValue: preview.batchId } },
        { key: 'kind', value: { stringValue: 'video' } },
        { key: 'container', value: { stringValue: 'matroska' } },
        { key: 'videoCodec', value: { stringValue: 'hevc' } },
        { key: 'audioCodec', value: { stringValue: 'ac3' } },
        { key: 'resolution', value: { stringValue: 'over-1080p' } },
        { key: 'duration', value: { stringValue: '30-60' } },
        { key: 'mode', value: { stringValue: 'transcode' } },
      ],
    });
    const snap = t.snapshot();
    expect(snap.queue.total).toBe(0);
    expect(snap.nextBatch).toBeNull();
    expect(snap.ledger).toHaveLength(1);
    expect(snap.ledger[0]).toMatchObject({ seq: 1, batchId: preview.batchId, endpoint: collector.url, status: 200, body: preview.body, eventCount: 2 });
    expect(snap.network.requests).toEqual([expect.objectContaining({ purpose: 'telemetry-upload', method: 'POST', url: collector.url, status: 200, refused: false })]);
    expect(t.verifyLedger().ok).toBe(true);
    expect(JSON.parse(t.exportLedger()).entries[0].body).toBe(preview.body);
  });

  it('keeps the same batch id in the preview until the batch is sent or its content changes', async () => {
    const { t } = await setup();
    t.record('playback.failed', { errorClass: 'network' });
    const a = t.snapshot().nextBatch!;
    expect(t.snapshot().nextBatch!.batchId).toBe(a.batchId);
    t.record('playback.failed', { errorClass: 'decode' });
    const b = t.snapshot().nextBatch!;
    expect(b.batchId).not.toBe(a.batchId);
    expect(b.eventIds).toHaveLength(2);
  });

  it('previews and sends only ready events when some are ready; sendNow overrides the review window and hold', async () => {
    const { t, clock, collector } = await setup([], { reviewWindowMs: 3_600_000 });
    t.record('playback.failed', { errorClass: 'network' });
    clock.advance(3_600_000 + 60_000);
    t.record('playback.failed', { errorClass: 'decode' }); // still in review
    const preview = t.snapshot().nextBatch!;
    expect(preview.eventIds).toHaveLength(1);
    expect(await t.sendNow()).toMatchObject({ sent: true, eventCount: 1 });
    expect(collector.received[0]!.body).toBe(preview.body);
    t.setHold(true);
    expect(t.snapshot().queue.events[0]!.status).toBe('held');
    expect(await t.sendNow()).toMatchObject({ sent: true, eventCount: 1 });
    expect(collector.received).toHaveLength(2);
  });

  it('400: no retry, events stay queued, nothing ledgered', async () => {
    const { t, clock, collector } = await setup([{ status: 400, body: '{"message":"bad"}' }]);
    fill(t);
    const r = await t.sendNow();
    expect(r).toMatchObject({ sent: false, status: 400, eventCount: 2 });
    expect(r.message).toMatch(/HTTP 400/);
    clock.advance(3_600_000);
    await settle();
    expect(collector.received).toHaveLength(1);
    expect(t.snapshot().queue.total).toBe(2);
    expect(t.snapshot().ledger).toHaveLength(0);
  });

  it('after no reply, the next send repeats the same batch id and bytes, even once more events are queued', async () => {
    const { t, clock, collector, dir } = await setup([{ status: 0, hang: true }]);
    fill(t);
    const sending = t.sendNow();
    await until(() => collector.received.length === 1, 'the request');
    clock.advance(REQUEST_TIMEOUT_MS);
    expect((await sending).sent).toBe(false);
    t.record('playback.failed', { errorClass: 'decode' });
    expect(t.snapshot().nextBatch!.body).toBe(collector.received[0]!.body);
    await t.close();
    // Even after a restart (or a crash): the receiver may have stored it, so only its id may repeat.
    const again = await setup([], { dataDir: dir }, false);
    expect(await again.t.sendNow()).toMatchObject({ sent: true, eventCount: 2 });
    expect(again.collector.received[0]!.body).toBe(collector.received[0]!.body);
    expect(await again.t.sendNow()).toMatchObject({ sent: true, eventCount: 1 });
    expect(again.t.verifyLedger()).toMatchObject({ ok: true, entries: 2 });
  });

  it('after a 4xx the receiver stored nothing, so the batch is re-cut with the newer events', async () => {
    const { t, collector } = await setup([{ status: 400 }]);
    fill(t);
    await t.sendNow();
    t.record('playback.failed', { errorClass: 'decode' });
    const next = t.snapshot().nextBatch!;
    expect(next.eventIds).toHaveLength(3);
    expect(next.body).not.toBe(collector.received[0]!.body);
  });

  it('500: no retry', async () => {
    const { t, clock, collector } = await setup([{ status: 500 }]);
    fill(t);
    expect(await t.sendNow()).toMatchObject({ sent: false, status: 500 });
    clock.advance(3_600_000);
    await settle();
    expect(collector.received).toHaveLength(1);
    expect(t.snapshot().queue.total).toBe(2);
  });

  it('429 with Retry-After: 2 retries exactly once, exactly 2 s of clock time later, with the same bytes', async () => {
    const { t, clock, collector } = await setup([{ status: 429, headers: { 'Retry-After': '2' } }]);
    fill(t);
    const sending = t.sendNow();
    await scheduled(clock, 2000);
    clock.advance(1999);
    await settle();
    expect(collector.received).toHaveLength(1);
    clock.advance(1);
    const r = await sending;
    expect(r).toMatchObject({ sent: true, status: 200, eventCount: 2 });
    expect(collector.received).toHaveLength(2);
    expect(collector.received[1]!.at - collector.received[0]!.at).toBe(2000);
    expect(collector.received[1]!.body).toBe(collector.received[0]!.body);
    expect(t.snapshot().ledger).toHaveLength(1);
    expect(t.snapshot().network.requests.map((q) => q.status)).toEqual([429, 200]);
  });

  it('503: retries with exponential backoff, 5 attempts in all, then keeps the events', async () => {
    const { t, clock, collector } = await setup(Array.from({ length: 10 }, () => ({ status: 503 })));
    fill(t);
    const sending = t.sendNow();
    const waits = [500, 1000, 2000, 4000];
    for (const [i, w] of waits.entries()) {
      await until(() => collector.received.length === i + 1, `request ${i + 1}`);
      await scheduled(clock, w);
      clock.advance(w);
    }
    const r = await sending;
    expect(r).toMatchObject({ sent: false, status: 503, eventCount: 2 });
    expect(r.message).toMatch(/after 5 attempts/);
    const at = collector.received.map((q) => q.at);
    expect(at.slice(1).map((x, i) => x - at[i]!)).toEqual(waits);
    clock.advance(3_600_000);
    await settle();
    expect(collector.received).toHaveLength(5);
    expect(t.snapshot().queue.total).toBe(2);
    expect(t.snapshot().ledger).toHaveLength(0);
  });

  it('200 with partialSuccess: no retry, reply recorded in the ledger', async () => {
    const reply = JSON.stringify({ partialSuccess: { rejectedLogRecords: '1', errorMessage: 'attribute dropped' } });
    const { t, clock, collector } = await setup([{ status: 200, body: reply }]);
    fill(t);
    const r = await t.sendNow();
    expect(r).toMatchObject({ sent: true, status: 200, eventCount: 2 });
    expect(r.message).toMatch(/rejected 1/);
    clock.advance(3_600_000);
    await settle();
    expect(collector.received).toHaveLength(1);
    const entry = t.snapshot().ledger[0]!;
    expect(entry.reply).toContain('partialSuccess: 1 of 2 records rejected');
    expect(entry.reply).toContain('attribute dropped');
    expect(t.snapshot().queue.total).toBe(0);
  });

  it('without an endpoint says so and makes no request', async () => {
    const { t, collector } = await setup([], { endpoint: null });
    fill(t);
    expect(await t.sendNow()).toEqual({ sent: false, eventCount: 0, status: null, message: 'No endpoint configured: nothing will leave this machine.' });
    expect(collector.received).toHaveLength(0);
    expect(t.snapshot().network.requests).toHaveLength(0);
  });

  it('with its network purpose switched off: refused, listed, zero requests; back on, it sends', async () => {
    const { t, collector } = await setup([]);
    fill(t);
    t.setNetworkPurpose('telemetry-upload', false);
    expect(t.snapshot().network.purposes[0]).toMatchObject({ purpose: 'telemetry-upload', allowed: false, enabled: false });
    const refused = await t.sendNow();
    expect(refused).toMatchObject({ sent: false, status: null });
    expect(refused.message).toMatch(/Refused: telemetry-upload is off/);
    expect(collector.received).toHaveLength(0);
    expect(t.snapshot().network.requests).toEqual([expect.objectContaining({ refused: true })]);
    expect(t.snapshot().queue.total).toBe(2);

    t.setNetworkPurpose('telemetry-upload', true);
    expect(await t.sendNow()).toMatchObject({ sent: true, status: 200 });
    expect(collector.received).toHaveLength(1);
  });

  it('the upload purpose starts off: with recording consented but uploads never allowed, no request is made', async () => {
    const { t, clock, collector } = await setup([], { autoUpload: true }, false);
    consentToRecording(t);
    fill(t);
    expect(t.snapshot().network.purposes[0]).toMatchObject({ purpose: 'telemetry-upload', allowed: false, enabled: false });
    clock.advance(48 * 3_600_000);
    await settle();
    // Auto upload tried nothing: not even a refusal is listed.
    expect(t.snapshot().network.requests).toEqual([]);
    const refused = await t.sendNow();
    expect(refused.message).toMatch(/Refused: telemetry-upload is off/);
    expect(collector.received).toHaveLength(0);
    expect(t.snapshot().queue.total).toBe(2);
  });

  it('remembers the user turning uploads on across restarts', async () => {
    const dir = tempDir();
    const first = await setup([], { dataDir: dir });
    await first.t.close();
    const again = await setup([], { dataDir: dir }, false);
    expect(again.t.snapshot().network.purposes[0]).toMatchObject({ allowed: true, enabled: true });
  });

  it('without consent: nothing queued and zero requests, even with auto upload on', async () => {
    const { t, clock, collector } = await setup([], { autoUpload: true }, false);
    fill(t);
    expect(await t.sendNow()).toMatchObject({ sent: false });
    clock.advance(48 * 3_600_000);
    await settle();
    expect(collector.received).toHaveLength(0);
  });

  it.each([
    ['DO_NOT_TRACK=1', { env: { DO_NOT_TRACK: '1' } }],
    ['GLASSWING_TELEMETRY=off', { env: { GLASSWING_TELEMETRY: 'off' } }],
    ['--telemetry=off', { cliOff: true }],
    ['a policy file', { policyPath: 'POLICY' }],
  ])('%s: events queued in an earlier session never reach the collector', async (_what, over) => {
    const dir = tempDir();
    const first = await setup([], { dataDir: dir });
    fill(first.t);
    await first.t.close();
    const policy = path.join(dir, 'policy.json');
    fs.writeFileSync(policy, '{"telemetry":"off"}');
    const forced = { ...over, ...('policyPath' in over ? { policyPath: policy } : {}) } as Partial<TelemetryOptions>;
    const { t, clock, collector } = await setup([], { dataDir: dir, autoUpload: true, ...forced }, false);
    expect(t.snapshot().queue.total).toBe(2);
    const r = await t.sendNow();
    expect(r).toMatchObject({ sent: false, status: null });
    expect(r.message).toMatch(/Refused: telemetry-upload is off/);
    clock.advance(48 * 3_600_000);
    await settle();
    expect(collector.received).toHaveLength(0);
    expect(first.collector.received).toHaveLength(0);
    const net = t.snapshot().network;
    expect(net.purposes[0]).toMatchObject({ purpose: 'telemetry-upload', enabled: false });
    expect(net.requests.every((q) => q.refused)).toBe(true);
  });

  it('auto upload sends ready events at a jittered time, never at startup', async () => {
    const { t, clock, collector } = await setup([], { autoUpload: true, reviewWindowMs: 0 });
    fill(t);
    await settle();
    expect(collector.received).toHaveLength(0);
    clock.advance(61_000);
    await until(() => t.snapshot().queue.total === 0, 'the auto upload');
    expect(collector.received).toHaveLength(1);
    expect(t.snapshot().ledger).toHaveLength(1);
  });

  it('times out a request after 10 s and keeps the events', async () => {
    const { t, clock, collector } = await setup([{ status: 0, hang: true }]);
    fill(t);
    const sending = t.sendNow();
    await until(() => collector.received.length === 1, 'the request');
    clock.advance(REQUEST_TIMEOUT_MS);
    const r = await sending;
    expect(r).toMatchObject({ sent: false, status: null });
    expect(r.message).toMatch(/timed out/);
    expect(t.snapshot().queue.total).toBe(2);
  });

  it('close() aborts an upload in flight after 2 s instead of hanging quit; events stay queued', async () => {
    const { t, clock, collector, dir } = await setup([{ status: 0, hang: true }]);
    fill(t);
    const sending = t.sendNow();
    await until(() => collector.received.length === 1, 'the request');
    const closing = t.close();
    await scheduled(clock, 2000);
    clock.advance(2000);
    await closing;
    expect((await sending).sent).toBe(false);
    const again = await setup([], { dataDir: dir }, false);
    expect(again.t.snapshot().queue.total).toBe(2);
  });
});

describe('retry timing helpers', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('backs off exponentially with jitter between half and all of each step, capped', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((a) => backoffMs(a, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(20, () => 1)).toBe(60_000);
  });
});
