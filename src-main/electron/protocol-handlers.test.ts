import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHELL_CSP } from '../hosting/app-shell.js';
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
      'media://hls/0f8e2c4a-1b2c-4d5e-8f90-123456789abc/index.m3u8',
      'media://hls/not-a-session/index.m3u8',
    ]) {
      expect((await media()(new Request(url))).status, url).toBe(404);
    }
  });
});
