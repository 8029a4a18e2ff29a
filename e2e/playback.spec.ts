import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startApp, type RunningApp } from './support/app.js';
import { makeH264Mp4, makeHevcMkv, withImageSubtitlesAndChapters, writeSrt } from '../src-main/playback/test-support/fixtures.js';

/**
 * Issue 7 in Chromium against the web host: an H.264 MP4 plays directly, an HEVC MKV (which Chromium
 * cannot decode) is transcoded to HLS and played by hls.js, seeking far into it restarts the transcoder
 * there, and an external SRT beside it shows cues. The same MKV carries chapters and a VobSub track:
 * choosing a chapter seeks there, and choosing the image track restarts the stream with it burned in.
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
let scratch: string;

/** Markup in a tag is text, and must show as text. */
const CHAPTERS = [
  { title: 'Opening', startSec: 0 },
  { title: 'The <i>Pier</i> & the Lights', startSec: 20 },
  { title: 'Night Falls', startSec: 40 },
];
const IMAGE_TRACK = 'English (VobSub pictures)';

test.beforeAll(async () => {
  library = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-e2e-playback-'));
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-e2e-scratch-'));
  makeH264Mp4(path.join(library, 'Night Train (1998).mp4'), 20);
  // Streams copied, so the chapters and the VobSub track cost no second encode.
  const hevc = makeHevcMkv(path.join(scratch, 'hevc.mkv'), 60);
  withImageSubtitlesAndChapters(hevc, path.join(library, 'Harbour Lights (2001).mkv'), { size: { width: 320, height: 180 }, seconds: 60, chapters: CHAPTERS });
  writeSrt(path.join(library, 'Harbour Lights (2001).en.srt'), 'The harbour at night');
  app = await startApp(['--library', library]);
});

test.afterAll(async () => {
  await app?.stop();
  fs.rmSync(library, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

const shot = (name: string) => ({ path: `e2e/artifacts/playback-${name}.png`, fullPage: true });
const currentTime = (video: Locator) => video.evaluate((v) => (v as unknown as VideoLike).currentTime);

async function open(page: Page): Promise<void> {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('plays an H.264 MP4 directly and an HEVC MKV through a transcode, seeks into it, shows subtitles, follows chapters and burns in picture subtitles', async ({ page }) => {
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
  await player.getByLabel('Subtitles', { exact: true }).selectOption({ label: 'English (external SRT)' });
  await video.evaluate((v) => {
    (v as unknown as VideoLike).currentTime = 1;
  });
  await expect.poll(() => video.evaluate((v) => (v as unknown as VideoLike).textTracks[0]?.cues?.length ?? 0), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await video.evaluate((v) => (v as unknown as VideoLike).textTracks[0]?.mode)).toBe('showing');
  await expect.poll(() => currentTime(video), { timeout: 20_000 }).toBeGreaterThan(1.5);
  await page.screenshot(shot('3-subtitles'));

  // Chapters: listed with their titles as text; choosing one seeks there.
  const chapters = player.getByRole('navigation', { name: 'Chapters' });
  await expect(chapters.getByRole('button')).toHaveText([/^0:00\s*Opening$/, /^0:20\s*The <i>Pier<\/i> & the Lights$/, /^0:40\s*Night Falls$/]);
  await expect(chapters.locator('i')).toHaveCount(0);
  await chapters.getByRole('button', { name: /Night Falls/ }).click();
  await expect.poll(() => currentTime(video), { timeout: 30_000 }).toBeGreaterThan(40);
  const afterChapter = await currentTime(video);
  expect(afterChapter).toBeLessThan(44);
  await expect(chapters.getByRole('button', { name: /Night Falls/ })).toHaveAttribute('aria-current', 'true');

  // The VobSub track: choosing it opens a new session that burns it into the picture, from where playback was.
  const newStream = page.waitForRequest((r) => /\/media\/hls\/[0-9a-f-]{36}\/index\.m3u8/.test(r.url()));
  const oldStream = (await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))).filter((n) => n.includes('/index.m3u8')).at(-1);
  await player.getByRole('button', { name: `Burn in ${IMAGE_TRACK}` }).click();
  expect((await newStream).url()).not.toBe(oldStream);
  await expect(player.getByText(/VobSub subtitles are pictures and must be burned in/)).toBeVisible();
  // Focus comes back to the same control, which now offers to stop.
  await expect(player.getByRole('button', { name: `Stop burning in ${IMAGE_TRACK}` })).toBeFocused();
  await expect.poll(() => currentTime(video), { timeout: 30_000 }).toBeGreaterThan(afterChapter + 2);

  // For the picture: paused inside a cue (one starts every 3 s from 0.3 s and shows for 2.5 s).
  await page.keyboard.press('k');
  const cueAt = 0.3 + 3 * Math.floor(((await currentTime(video)) - 0.3) / 3) + 1.2;
  await video.evaluate((v, t) => {
    (v as unknown as VideoLike).currentTime = t;
  }, cueAt);
  await expect.poll(() => video.evaluate((v) => !(v as unknown as VideoLike & { seeking: boolean }).seeking && (v as unknown as VideoLike).currentTime)).toBeCloseTo(cueAt, 1);
  // Keyboard focus moves on to the chapters, and shows where it is.
  await page.keyboard.press('Tab');
  await expect(chapters.getByRole('button').first()).toBeFocused();
  await page.screenshot(shot('5-burned-in'));

  // The shortcuts dialog.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.screenshot(shot('4-shortcuts'));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
