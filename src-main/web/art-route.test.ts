import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../contract/index.js';
import { ManualClock } from '../ports.js';
import { createServices, type Services } from '../services.js';
import { rawRequest } from '../test-support/http.js';
import { makeMp4 } from '../test-support/media.js';
import { startWebHost, type WebHost } from './server.js';

const TOKEN = 'test-token-art-0123456789abcdefghijklmnopqr';
let tmp: string;
let services: Services;
let host: WebHost;
let posterUrl: string;
let poster: Buffer;
let cookie: string;
let thumbUrl: string;
let brokenThumbUrl: string;

/** JPEG's first bytes (so the artwork cache takes it), then noise: a damaged poster file. */
const DAMAGED_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))]);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-art-'));
  const shell = path.join(tmp, 'renderer');
  fs.mkdirSync(shell);
  fs.writeFileSync(path.join(shell, 'index.html'), '<!doctype html><title>Glasswing</title>');
  makeMp4(path.join(tmp, 'lib', 'Night Train (1998).mp4'), 1);
  const posterFile = path.join(tmp, 'lib', 'Night Train (1998)-poster.jpg');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0x1d3557:size=40x60', '-frames:v', '1', '-f', 'mjpeg', posterFile]);
  poster = fs.readFileSync(posterFile);
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'not art');
  makeMp4(path.join(tmp, 'lib', 'Broken Poster (2001).mp4'), 1);
  fs.writeFileSync(path.join(tmp, 'lib', 'Broken Poster (2001)-poster.jpg'), DAMAGED_JPEG);
  services = createServices({
    dataDir: path.join(tmp, 'data'),
    host: 'web',
    appVersion: '0.1.0',
    telemetry: { endpoint: null, cliOff: false, env: {}, policyPath: null, clock: new ManualClock(), fetch: async () => Promise.reject(new Error('no network in tests')) },
  });
  services.library.addFolder(path.join(tmp, 'lib'), 'movies');
  await services.library.scan();
  posterUrl = services.library.snapshot().movies.find((m) => m.title === 'Night Train')!.posterUrl!;
  const page = await services.api['library.page'](calls['library.page'].input.parse({ section: 'movies' }));
  if (page.section !== 'movies') throw new Error('no movies page');
  thumbUrl = page.items.find((m) => m.title === 'Night Train')!.thumbUrl!;
  brokenThumbUrl = page.items.find((m) => m.title === 'Broken Poster')!.thumbUrl!;
  host = await startWebHost({ services, rendererDir: shell, port: 0, token: TOKEN });
  const session = await rawRequest(host.port, { method: 'POST', path: '/api/session', headers: { authorization: `Bearer ${TOKEN}` } });
  cookie = String(session.headers['set-cookie']).split(';')[0]!;
});

afterAll(async () => {
  await host?.close();
  await services?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const get = (urlPath: string, headers: Record<string, string> = { cookie }, method = 'GET') => rawRequest(host.port, { method, path: urlPath, headers });

describe('GET /art/<id> on the web host', () => {
  it('serves a cached poster by content id, typed by its bytes and cacheable for good', async () => {
    expect(posterUrl).toMatch(/^\/art\/[0-9a-f]{64}$/);
    const res = await get(posterUrl);
    expect(res.status).toBe(200);
    expect(res.body.equals(poster)).toBe(true);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(res.headers.etag).toBe(`"${posterUrl.slice('/art/'.length)}"`);
    const head = await get(posterUrl, { cookie }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const etag = String((await get(posterUrl)).headers.etag);
    const res = await get(posterUrl, { cookie, 'if-none-match': `W/"nope", ${etag}` });
    expect(res.status).toBe(304);
    expect(res.body.length).toBe(0);
  });

  it('needs the session cookie or token, and refuses a foreign Origin', async () => {
    expect((await get(posterUrl, {})).status).toBe(401);
    expect((await get(posterUrl, { cookie: 'gw_session=wrong' })).status).toBe(401);
    expect((await get(posterUrl, { cookie, origin: 'http://evil.example' })).status).toBe(403);
  });

  it('finds nothing for an unknown id or anything path-like', async () => {
    expect((await get(`/art/${'0'.repeat(64)}`)).status).toBe(404);
    for (const id of ['..%2F..%2Fsecret.txt', '..%2Fdata%2Flibrary.db', `${posterUrl.slice(5)}.jpg`, posterUrl.slice(5).toUpperCase(), '%2Fetc%2Fpasswd', '']) {
      const res = await get(`/art/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.headers['content-type'], id).toMatch(/^text\/plain/);
    }
    expect((await get(posterUrl, { cookie }, 'POST')).status).toBe(405);
  });
});

describe('GET /thumb/<id> on the web host', () => {
  it('serves the poster’s thumbnail by the poster’s id: a JPEG, cacheable for good, 304 when unchanged', async () => {
    expect(thumbUrl).toBe(`/thumb/${posterUrl.slice('/art/'.length)}`);
    const res = await get(thumbUrl);
    expect(res.status).toBe(200);
    expect(res.body.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['content-length']).toBe(String(res.body.length));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}-\d+"$/);
    const again = await get(thumbUrl, { cookie, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await get(thumbUrl, { cookie }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('needs the session cookie or token, and refuses a foreign Origin', async () => {
    expect((await get(thumbUrl, {})).status).toBe(401);
    expect((await get(thumbUrl, { cookie, origin: 'http://evil.example' })).status).toBe(403);
  });

  it('answers 422 for a picture ffmpeg cannot read, again and again, never cached', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await get(brokenThumbUrl);
      expect(res.status).toBe(422);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('finds nothing for an unknown id or anything path-like, and takes only GET and HEAD', async () => {
    expect((await get(`/thumb/${'0'.repeat(64)}`)).status).toBe(404);
    for (const id of ['..%2F..%2Fsecret.txt', `${thumbUrl.slice(7)}.jpg`, thumbUrl.slice(7).toUpperCase(), '%2Fetc%2Fpasswd', '']) {
      const res = await get(`/thumb/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.headers['content-type'], id).toMatch(/^text\/plain/);
    }
    const post = await get(thumbUrl, { cookie }, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });
});
