import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createServices, type Services } from '../services.js';
import { ManualClock } from '../ports.js';
import { makeMp4 } from '../test-support/media.js';
import { rawRequest } from '../test-support/http.js';
import { startWebHost, type WebHost } from './server.js';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';
let tmp: string;
let services: Services;
let host: WebHost;
let movieId: string;
const requestsOut: string[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-web-'));
  const shell = path.join(tmp, 'renderer');
  fs.mkdirSync(shell);
  fs.writeFileSync(path.join(shell, 'index.html'), '<!doctype html><title>Glasswing</title>');
  makeMp4(path.join(tmp, 'lib', 'Night Train (1998).mp4'), 1);
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'not media');
  services = createServices({
    dataDir: path.join(tmp, 'data'),
    host: 'web',
    appVersion: '0.1.0',
    telemetry: {
      endpoint: null,
      cliOff: false,
      env: {},
      policyPath: null,
      clock: new ManualClock(),
      fetch: async (url) => {
        requestsOut.push(url);
        throw new Error('no network in tests');
      },
    },
  });
  services.library.addFolder(path.join(tmp, 'lib'), 'movies');
  await services.library.scan();
  movieId = services.library.snapshot().movies[0]!.id;
  host = await startWebHost({ services, rendererDir: shell, port: 0, token: TOKEN });
});

afterAll(async () => {
  await host?.close();
  await services?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const auth = () => ({ authorization: `Bearer ${TOKEN}` });
const api = (method: string, body: unknown, headers: Record<string, string> = auth()) =>
  rawRequest(host.port, { method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the loopback web host', () => {
  it('listens on 127.0.0.1 only and prints a token-bearing address', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${TOKEN}`);
  });

  it('serves the app shell without a token, with a strict CSP', async () => {
    const res = await rawRequest(host.port, { path: '/' });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers 401 to /api, /media and /ws without the token, and with a wrong one', async () => {
    expect((await api('library.status', {}, {})).status).toBe(401);
    expect((await api('library.status', {}, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await rawRequest(host.port, { path: `/media/${movieId}` })).status).toBe(401);
    expect((await rawRequest(host.port, { path: '/ws' })).status).toBe(401);
    await expect(wsConnect({})).rejects.toThrow(/401/);
  });

  it('answers 403 to a foreign Host or a foreign Origin everywhere, token or not', async () => {
    const foreign: Record<string, string>[] = [{ host: 'evil.example:80' }, { host: `attacker.test:${host.port}` }, { origin: 'http://evil.example' }];
    for (const headers of foreign) {
      expect((await rawRequest(host.port, { path: '/', headers })).status).toBe(403);
      expect((await api('library.status', {}, { ...auth(), ...headers })).status).toBe(403);
      expect((await rawRequest(host.port, { path: `/media/${movieId}`, headers: { ...auth(), ...headers } })).status).toBe(403);
    }
    await expect(wsConnect({ ...auth(), origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('runs contract calls over HTTP and validates every payload', async () => {
    const ok = await api('library.page', { section: 'movies', sort: 'title', direction: 'asc', limit: 10 });
    expect(ok.status).toBe(200);
    const page = JSON.parse(ok.body.toString());
    expect(page.value.items[0].title).toBe('Night Train');
    expect(ok.body.toString()).not.toContain(tmp);

    const bad = await api('playback.open', { itemId: '../../etc/passwd' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString()).error.message).toMatch(/Invalid input for playback.open at itemId/);

    const unknown = await api('library.dropTables', {});
    expect(unknown.status).toBe(404);

    const garbled = await rawRequest(host.port, { method: 'POST', path: '/api/app.info', headers: { ...auth(), 'content-type': 'application/json' }, body: '{"' });
    expect(garbled.status).toBe(400);
    expect(JSON.parse(garbled.body.toString()).error.message).toBe('The request body is not valid JSON.');
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie that media and the socket accept', async () => {
    const session = await rawRequest(host.port, { method: 'POST', path: '/api/session', headers: auth() });
    expect(session.status).toBe(204);
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie.split(';')[0]!;
    const media = await rawRequest(host.port, { path: `/media/${movieId}`, headers: { cookie: pair, range: 'bytes=0-99' } });
    expect(media.status).toBe(206);
    expect(media.body.length).toBe(100);
    expect(media.headers['content-type']).toBe('video/mp4');
    expect(media.headers['accept-ranges']).toBe('bytes');
  });

  it('serves media by opaque id only, and re-checks the file on every request', async () => {
    expect((await rawRequest(host.port, { path: '/media/AAAAAAAAAAAAAAAAAAAAAA', headers: auth() })).status).toBe(404);
    expect((await rawRequest(host.port, { path: '/media/..%2F..%2Fsecret.txt', headers: auth() })).status).toBe(404);
    const full = await rawRequest(host.port, { path: `/media/${movieId}`, headers: auth() });
    expect(full.status).toBe(200);
    const etag = String(full.headers.etag);
    expect((await rawRequest(host.port, { path: `/media/${movieId}`, headers: { ...auth(), 'if-none-match': etag } })).status).toBe(304);

    // Swap the file for a symlink that points outside the library: the id must stop working.
    const file = path.join(tmp, 'lib', 'Night Train (1998).mp4');
    fs.renameSync(file, file + '.bak');
    fs.symlinkSync(path.join(tmp, 'secret.txt'), file);
    try {
      expect((await rawRequest(host.port, { path: `/media/${movieId}`, headers: auth() })).status).toBe(404);
    } finally {
      fs.unlinkSync(file);
      fs.renameSync(file + '.bak', file);
    }
  });

  it('carries calls and pushed events over the WebSocket', async () => {
    const ws = await wsConnect(auth());
    const frames: { type: string; id?: number; reply?: { ok: boolean; value?: unknown }; event?: string }[] = [];
    ws.on('message', (d) => frames.push(JSON.parse(String(d))));
    ws.send(JSON.stringify({ id: 7, method: 'app.info', input: {} }));
    await until(() => frames.some((f) => f.id === 7));
    expect(frames.find((f) => f.id === 7)?.reply).toEqual({ ok: true, value: { version: '0.1.0', host: 'web', canPickFolders: false } });

    ws.send(JSON.stringify({ id: 8, method: 'library.scan', input: {} }));
    await until(() => frames.some((f) => f.id === 8));
    expect(frames.some((f) => f.type === 'event' && f.event === 'onDidChangeScanProgress')).toBe(true);
    expect(frames.some((f) => f.type === 'event' && f.event === 'onDidChangeLibrary')).toBe(true);

    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.send('not json');
    expect(await closed).toBe(1007);
  });

  it('made no outbound request', () => {
    expect(requestsOut).toEqual([]);
  });
});

function wsConnect(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
