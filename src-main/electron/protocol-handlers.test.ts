import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHELL_CSP } from '../hosting/app-shell.js';
import { calls } from '../contract/index.js';
import { ManualClock } from '../ports.js';
import { createServices, type Services } from '../services.js';
import { makeMp4 } from '../test-support/media.js';
import { appProtocolHandler, mediaProtocolHandler } from './protocol-handlers.js';

// The desktop app's schemes, run in plain Node with real files: the same services as the web host, the
// same media-URL grammar, Electron only registers these functions.
let tmp: string;
let shell: string;
let services: Services;
let movieUrl: string;
let movieBytes: Buffer;
let thumbUrl: string;
/** A renderer that plays H.264/AAC in MP4 directly. */
const DIRECT_MP4 = { direct: { mp4: { video: ['h264'], audio: ['aac'] } }, mse: { video: ['h264'], audio: ['aac'] }, maxAudioChannels: 2 };

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-protocols-'));
  shell = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(shell, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(shell, 'index.html'), '<!doctype html><title>Glasswing</title>');
  fs.writeFileSync(path.join(shell, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'not media');
  const movie = path.join(tmp, 'lib', 'Night Train (1998).mp4');
  makeMp4(movie, 1);
  movieBytes = fs.readFileSync(movie);
  const poster = path.join(tmp, 'lib', 'Night Train (1998)-poster.jpg');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=600x900', '-frames:v', '1', '-f', 'mjpeg', poster]);
  services = createServices({
    dataDir: path.join(tmp, 'data'),
    host: 'electron',
    appVersion: '0.1.0',
    telemetry: { endpoint: null, cliOff: true, env: {}, policyPath: null, clock: new ManualClock(), fetch: () => Promise.reject(new Error('no network in tests')) },
  });
  services.library.addFolder(path.join(tmp, 'lib'), 'movies');
  await services.library.scan();
  const opened = await services.call('playback.open', { itemId: services.library.snapshot().movies[0]!.id, capabilities: DIRECT_MP4 });
  if (!opened.ok) throw new Error(opened.error.message);
  movieUrl = (opened.value as { url: string }).url;
  const page = await services.api['library.page'](calls['library.page'].input.parse({ section: 'movies' }));
  if (page.section !== 'movies') throw new Error('no movies page');
  thumbUrl = page.items[0]!.thumbUrl!;
});

afterAll(async () => {
  await services?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});


describe('app://glasswing', () => {
  it('serves the renderer build with the shell CSP, and nothing outside it', async () => {
    const handler = appProtocolHandler(shell);
    const index = handler(new Request('app://glasswing/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(SHELL_CSP.electron);
    expect(await index.text()).toContain('<title>Glasswing</title>');
    expect(await handler(new Request('app://glasswing/assets/app.js')).text()).toBe('console.log(1)');
    for (const url of ['app://glasswing/../secret.txt', 'app://glasswing/%2e%2e/secret.txt', 'app://other/index.html', 'app://glasswing/assets']) {
      expect(handler(new Request(url)).status, url).toBe(404);
    }
  });
});

describe('media://', () => {
  const media = () => mediaProtocolHandler(services);

  it('plays an item by its opaque id, with ranges', async () => {
    expect(movieUrl).toMatch(/^media:\/\/item\/[A-Za-z0-9_-]{22}$/);
    const whole = await media()(new Request(movieUrl));
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(movieBytes)).toBe(true);
    const part = await media()(new Request(movieUrl, { headers: { range: 'bytes=10-19' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${movieBytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(movieBytes.subarray(10, 20))).toBe(true);
  });

  it('answers 404 for anything outside the grammar or unknown, never reading a path from the URL', async () => {
    for (const url of [
      'media://item/AAAAAAAAAAAAAAAAAAAAAA',
      'media://item/..%2F..%2Fsecret.txt',
      `media://file/${encodeURIComponent(path.join(tmp, 'secret.txt'))}`,
      `media://art/${'0'.repeat(64)}`,
      `media://thumb/${'0'.repeat(64)}`,
      'media://thumb/..%2F..%2Fsecret.txt',
      'media://hls/0f8e2c4a-1b2c-4d5e-8f90-123456789abc/index.m3u8',
      'media://hls/not-a-session/index.m3u8',
    ]) {
      expect((await media()(new Request(url))).status, url).toBe(404);
    }
  });
});

describe('media://thumb', () => {
  it('serves a poster’s thumbnail by the poster’s id, cacheable for good, with 304 and 405 as the art scheme', async () => {
    const media = mediaProtocolHandler(services);
    expect(thumbUrl).toMatch(/^media:\/\/thumb\/[0-9a-f]{64}$/);
    const res = await media(new Request(thumbUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect(res.headers.get('content-length')).toBe(String(body.length));
    const etag = res.headers.get('etag')!;
    expect((await media(new Request(thumbUrl, { headers: { 'if-none-match': etag } }))).status).toBe(304);
    expect((await media(new Request(thumbUrl, { method: 'POST' }))).status).toBe(405);
  });
});
