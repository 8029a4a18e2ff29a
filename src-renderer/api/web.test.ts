import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryChange, LibraryChangeScope } from '../../src-main/contract/library';
import { createClient } from './client';
import { ApiError } from './errors';
import type { SocketLike } from './socket';
import { createWebTransport, parseFrame } from './web';

class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Array<{ id: number; method: string; input: unknown }> = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  reply(id: number, reply: unknown) {
    this.onmessage?.({ data: JSON.stringify({ type: 'reply', id, reply }) });
  }
  event(event: string, payload: unknown) {
    this.onmessage?.({ data: JSON.stringify({ type: 'event', event, payload }) });
  }
}

function setup(status = 204) {
  const fetch = vi.fn(async () => ({ status, ok: status < 300 }));
  const transport = createWebTransport({
    token: 'tok-123456789',
    location: { protocol: 'http:', host: '127.0.0.1:4000' },
    fetch,
    socket: (url) => new FakeSocket(url),
    callWaitMs: 1000,
    backoffMs: [100],
  });
  return { fetch, transport, client: createClient(transport) };
}

const last = () => FakeSocket.all[FakeSocket.all.length - 1]!;

describe('web transport', () => {
  beforeEach(() => {
    FakeSocket.all = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('opens a session with the bearer token, then connects to /ws', async () => {
    const { fetch, transport } = setup();
    await transport.start();
    expect(fetch).toHaveBeenCalledWith('/api/session', expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ Authorization: 'Bearer tok-123456789' }) }));
    expect(last().url).toBe('ws://127.0.0.1:4000/ws');
  });

  it('rejects start with unauthorized when the host refuses the token', async () => {
    const { transport } = setup(401);
    await expect(transport.start()).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('queues calls until the socket opens and resolves them from reply frames', async () => {
    const { transport, client } = setup();
    await transport.start();
    const pending = client['privacy.markSeen']({});
    expect(last().sent).toHaveLength(0);
    last().open();
    const frame = last().sent[0]!;
    expect(frame.method).toBe('privacy.markSeen');
    last().reply(frame.id, { ok: true, value: {} });
    await expect(pending).resolves.toEqual({});
  });

  it('turns a failed reply into an ApiError with the message', async () => {
    const { transport, client } = setup();
    await transport.start();
    last().open();
    const pending = client['library.addFolder']({ path: '/nope', kind: 'movies' });
    last().reply(last().sent[0]!.id, { ok: false, error: { code: 'not-found', message: 'That folder does not exist.' } });
    await expect(pending).rejects.toEqual(new ApiError('not-found', 'That folder does not exist.'));
  });

  it('delivers pushed events to listeners', async () => {
    const { transport, client } = setup();
    await transport.start();
    last().open();
    const seen: unknown[] = [];
    client.on('onDidChangeTelemetry', (p) => seen.push(p));
    last().event('onDidChangeTelemetry', { reason: 'recorded' });
    expect(seen).toEqual([{ reason: 'recorded' }]);
  });

  it('reconnects after a drop, fails in-flight calls, then lets listeners refetch', async () => {
    const { transport, client, fetch } = setup();
    await transport.start();
    last().open();
    const inflight = client['privacy.snapshot']({});
    const refetches: unknown[] = [];
    client.on('onDidChangeTelemetry', (p) => refetches.push(p));
    const libraryChanges: unknown[] = [];
    client.on('onDidChangeLibrary', (p) => libraryChanges.push(p));
    last().drop();
    await expect(inflight).rejects.toMatchObject({ code: 'unavailable' });
    expect(client.connection.get()).toBe('reconnecting');

    const waiting = client['privacy.markSeen']({});
    await vi.advanceTimersByTimeAsync(200);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(FakeSocket.all).toHaveLength(2);
    last().open();
    expect(client.connection.get()).toBe('open');
    expect(refetches).toEqual([{ reason: 'reconnected' }]);
    // A real change, valid by the contract, naming every list: grids and pages alike refetch.
    expect(libraryChanges).toHaveLength(1);
    expect(LibraryChange.parse(libraryChanges[0]).scopes).toEqual(LibraryChangeScope.options);
    last().reply(last().sent[0]!.id, { ok: true, value: {} });
    await expect(waiting).resolves.toEqual({});
  });

  it('fails a call that waited too long for the connection', async () => {
    const { transport, client } = setup();
    await transport.start();
    const pending = client['privacy.snapshot']({});
    const check = expect(pending).rejects.toMatchObject({ code: 'unavailable' });
    await vi.advanceTimersByTimeAsync(1100);
    await check;
  });

  it('gives up and reports expiry when the restarted host refuses the token', async () => {
    const { transport, client, fetch } = setup();
    await transport.start();
    last().open();
    fetch.mockResolvedValue({ status: 401, ok: false });
    last().drop();
    await vi.advanceTimersByTimeAsync(200);
    expect(client.connection.get()).toBe('expired');
    await expect(client['privacy.snapshot']({})).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('reads reply and event frames, and ignores anything else the socket delivers', () => {
    expect(parseFrame('{"type":"reply","id":3,"reply":{"ok":true,"value":{}}}')).toEqual({ type: 'reply', id: 3, reply: { ok: true, value: {} } });
    expect(parseFrame('{"type":"event","event":"onDidChangeLibrary","payload":{}}')).toEqual({ type: 'event', event: 'onDidChangeLibrary', payload: {} });
    for (const junk of [new ArrayBuffer(2), 'not json', 'null', '7', '{"type":"reply","id":"3"}', '{"type":"event"}', '{"type":"other"}']) expect(parseFrame(junk)).toBeNull();
  });
});
