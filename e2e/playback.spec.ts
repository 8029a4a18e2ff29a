import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startApp, type RunningApp } from './support/app.js';
import { makeH264Mp4, makeHevcMkv, writeSrt } from '../src-main/playback/test-support/fixtures.js';

/**
 * Issue 7 in Chromium against the web host: an H.264 MP4 plays directly, an HEVC MKV (which Chromium
 * cannot decode) is transcoded to HLS and played by hls.js, seeking far into it restarts the transcoder
 * there, and an external SRT beside it shows cues.
 */
/** The bits of HTMLVideoElement these checks read (the tools tsconfig has no DOM library). */
interface VideoLike {
  currentTime: number;
  duration: number;
  buffered: { length: number; start(i: number): number; end(i: number): number };
  textTracks: ArrayLike<{ mode: string; cues: { length: number } | null }>;
}

let app: RunningApp;
let library: string;

test.beforeAll(async () => {
  library = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-e2e-playback-'));
  makeH264Mp4(path.join(library, 'Night Train (1998).mp4'), 20);
  makeHevcMkv(path.join(library, 'Harbour Lights (2001).mkv'), 60);
  writeSrt(path.join(library, 'Harbour Lights (2001).en.srt'), 'The harbour at night');
  app = await startApp(['--library', library]);
});

test.afterAll(async () => {
  await app?.stop();
  fs.rmSync(library, { recursive: true, force: true });
});

const shot = (name: string) => ({ path: `e2e/artifacts/playback-${name}.png`, fullPage: true });
const currentTime = (video: Locator) => video.evaluate((v) => (v as unknown as VideoLike).currentTime);

async function open(page: Page): Promise<void> {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('plays an H.264 MP4 directly and an HEVC MKV through a transcode, seeks into it and shows subtitles', async ({ page }) => {
  await open(page);

  // Direct play.
  await page.getByRole('button', { name: 'Play Night Train (1998)' }).click({ timeout: 60_000 });
  const player = page.getByRole('region', { name: 'Player' });
  const video = player.locator('video');
  await expect.poll(() => currentTime(video), { timeout: 20_000 }).toBeGreaterThan(0.5);
  await expect(player.getByText('Direct play', { exact: true })).toBeVisible();
  await expect(player.getByText(/H\.264 and AAC in MP4 play natively in this browser/)).toBeVisible();
  expect(await video.getAttribute('src')).toMatch(/^\/media\/[A-Za-z0-9_-]{22}$/);
  await page.screenshot(shot('1-direct'));
  await player.getByRole('button', { name: 'Close player' }).click();

  // Transcode: HEVC is not supported by Chromium.
  await page.getByRole('button', { name: 'Play Harbour Lights (2001)' }).click();
  await expect(player.getByText('Transcode', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(player.getByText(/^HEVC video is not supported by this browser → transcoding video to H\.264/)).toBeVisible();
  await expect.poll(() => currentTime(video), { timeout: 30_000 }).toBeGreaterThan(1);
  await expect(player.getByLabel('Transcode status')).toContainText(/× real time/, { timeout: 15_000 });
  await page.screenshot(shot('2-transcode'));

  // Seek to 70 % with the keyboard: far past what has been encoded, so the transcoder restarts there.
  const duration = await video.evaluate((v) => (v as unknown as VideoLike).duration);
  expect(duration).toBeGreaterThan(55);
  await page.keyboard.press('7');
  await expect.poll(() => currentTime(video), { timeout: 30_000 }).toBeGreaterThan(duration * 0.7 + 1);
  const buffered = await video.evaluate((v) => {
    const b = (v as unknown as VideoLike).buffered;
    return Array.from({ length: b.length }, (_, i) => [b.start(i), b.end(i)]);
  });
  expect(buffered.some(([start, end]) => start! <= duration * 0.7 + 0.5 && end! > duration * 0.7 + 1)).toBe(true);

  // Subtitles: the external SRT, converted to WebVTT, shows cues.
  await player.getByLabel('Subtitles').selectOption({ label: 'English (external SRT)' });
  await video.evaluate((v) => {
    (v as unknown as VideoLike).currentTime = 1;
  });
  await expect.poll(() => video.evaluate((v) => (v as unknown as VideoLike).textTracks[0]?.cues?.length ?? 0), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await video.evaluate((v) => (v as unknown as VideoLike).textTracks[0]?.mode)).toBe('showing');
  await expect.poll(() => currentTime(video), { timeout: 20_000 }).toBeGreaterThan(1.5);
  await page.screenshot(shot('3-subtitles'));

  // The shortcuts dialog.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.screenshot(shot('4-shortcuts'));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
