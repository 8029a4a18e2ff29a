import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startApp, type RunningApp } from './support/app.js';
import { openItem, pageTitle, playButton, videoDialog } from './support/ui.js';
import { makeH264Mp4, makeHevcMkv, withImageSubtitlesAndChapters, writeSrt } from '../src-main/playback/test-support/fixtures.js';

/**
 * Issue 7 in Chromium against the web host: an H.264 MP4 plays directly, an HEVC MKV (which Chromium
 * cannot decode) is transcoded to HLS and played by hls.js, seeking far into it restarts the transcoder
 * there, and an external SRT beside it shows cues. The same MKV carries chapters and a VobSub track:
 * choosing a chapter seeks there, and choosing the image track restarts the stream with it burned in.
 * Its nfo gives a plot, and its SRTs subtitle languages, which the info panel shows. A second H.264 MKV
 * with two audio tracks checks that switching between them keeps the picture and the position. Each movie is
 * found by Search and played from its page, in the full-window player (a modal dialog; Esc closes it).
 */
/** The bits of HTMLVideoElement these checks read (the tools tsconfig has no DOM library). */
interface VideoLike {
  currentTime: number;
  duration: number;
  buffered: { length: number; start(i: number): number; end(i: number): number };
  textTracks: ArrayLike<{ mode: string; cues: { length: number } | null }>;
  paused: boolean;
  readyState: number;
}

/** What the per-frame watch reads from the page (again without the DOM library). */
interface PageLike {
  document: { querySelector(selector: string): { hidden?: boolean; width?: number; readyState?: number; getBoundingClientRect(): { height: number } } | null };
  requestAnimationFrame(cb: () => void): void;
  pictureWatch?: PictureWatch;
}
interface PictureWatch {
  frames: number;
  /** Frames in which neither a decoded picture nor the held last frame was on screen. */
  blank: number;
  heldFrames: number;
  minHeight: number;
  maxHeight: number;
  stop: boolean;
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
/** Long enough to be clamped, with markup that must show as text. */
const PLOT =
  'A lighthouse keeper on a <b>northern</b> coast finds the harbour lights going out one by one. As winter closes in, she follows the failing lamps ' +
  'from pier to pier, and the town that depends on them begins to remember why the lights were lit in the first place. & so the last night begins.';
/**
 * H.264 in Matroska (remuxed to HLS for Chromium) with two audio tracks, eng and fra, and no subtitle stream
 * to cut it short: long enough to switch tracks while it plays.
 */
function makeTwoVoices(file: string, seconds: number): void {
  const tone = (hz: number) => ['-f', 'lavfi', '-i', `sine=frequency=${hz}:duration=${seconds}:sample_rate=48000`];
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=320x180:rate=25:duration=${seconds}`, ...tone(440), ...tone(880),
    '-map', '0:v', '-map', '1:a', '-map', '2:a', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac',
    '-metadata:s:a:0', 'language=eng', '-metadata:s:a:1', 'language=fra', '-disposition:a:0', 'default', '-disposition:a:1', '0', file,
  ]);
}
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

test.beforeAll(async () => {
  library = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-e2e-playback-'));
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-e2e-scratch-'));
  makeH264Mp4(path.join(library, 'Night Train (1998).mp4'), 20);
  // Streams copied, so the chapters and the VobSub track cost no second encode.
  const hevc = makeHevcMkv(path.join(scratch, 'hevc.mkv'), 60);
  withImageSubtitlesAndChapters(hevc, path.join(library, 'Harbour Lights (2001).mkv'), { size: { width: 320, height: 180 }, seconds: 60, chapters: CHAPTERS });
  writeSrt(path.join(library, 'Harbour Lights (2001).en.srt'), 'The harbour at night');
  writeSrt(path.join(library, 'Harbour Lights (2001).fr.srt'), 'Le port la nuit');
  fs.writeFileSync(path.join(library, 'Harbour Lights (2001).nfo'), `<?xml version="1.0" encoding="UTF-8"?>\n<movie>\n  <plot>${escapeXml(PLOT)}</plot>\n</movie>\n`);
  makeTwoVoices(path.join(library, 'Two Voices (2003).mkv'), 30);
  app = await startApp(['--library', library]);
});

test.afterAll(async () => {
  await app?.stop();
  fs.rmSync(library, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

const shot = (name: string) => ({ path: `e2e/artifacts/playback-${name}.png`, fullPage: true });
const currentTime = (video: Locator) => video.evaluate((v) => (v as unknown as VideoLike).currentTime);
const readyState = (video: Locator) => video.evaluate((v) => (v as unknown as VideoLike).readyState);
const isPaused = (video: Locator) => video.evaluate((v) => (v as unknown as VideoLike).paused);

/**
 * Looks at every animation frame from now on: whether a picture is on screen (the element has a decoded
 * frame, or the held last frame covers it) and how tall the picture is. No timing involved: a reopen that
 * blanks the picture or moves the layout for even one frame is counted.
 */
async function watchPicture(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as PageLike;
    const watch: PictureWatch = { frames: 0, blank: 0, heldFrames: 0, minHeight: Infinity, maxHeight: 0, stop: false };
    w.pictureWatch = watch;
    const tick = () => {
      if (watch.stop) return;
      const video = w.document.querySelector('.player video');
      const held = w.document.querySelector('.player .held-frame');
      const heldShown = !!held && !held.hidden && (held.width ?? 0) > 0;
      if (heldShown) watch.heldFrames++;
      if (!heldShown && (video?.readyState ?? 0) < 2) watch.blank++;
      const height = w.document.querySelector('.player .video-surface')?.getBoundingClientRect().height ?? 0;
      watch.minHeight = Math.min(watch.minHeight, height);
      watch.maxHeight = Math.max(watch.maxHeight, height);
      watch.frames++;
      w.requestAnimationFrame(tick);
    };
    w.requestAnimationFrame(tick);
  });
}
async function stopWatching(page: Page): Promise<PictureWatch> {
  return page.evaluate(() => {
    const watch = (globalThis as unknown as PageLike).pictureWatch!;
    watch.stop = true;
    return watch;
  });
}

/** Holds back the next HLS playlist request until `release` is called, so the switch can be looked at. */
async function holdNextPlaylist(page: Page): Promise<{ requested: Promise<void>; release: () => Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let requested!: () => void;
  const seen = new Promise<void>((r) => (requested = r));
  let continued!: () => void;
  const passedOn = new Promise<void>((r) => (continued = r));
  let first = true;
  const pattern = /\/media\/hls\/[0-9a-f-]{36}\/index\.m3u8/;
  await page.route(pattern, async (route) => {
    if (!first) return route.continue();
    first = false;
    requested();
    await released;
    await route.continue();
    continued();
  });
  return {
    requested: seen,
    release: async () => {
      release();
      await passedOn;
      await page.unroute(pattern);
    },
  };
}

/** Opens the app; the first-run privacy screen comes only once per data directory. */
async function open(page: Page): Promise<void> {
  await page.goto(app.url);
  const firstRun = page.getByRole('button', { name: 'Continue' });
  await expect(firstRun.or(page.getByRole('heading', { name: 'Home', level: 1 }))).toBeVisible();
  if (await firstRun.isVisible()) await firstRun.click();
  await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
}

/** Finds a movie by Search, opens its page and plays it: the full-window player (a modal dialog) opens. */
async function playMovie(page: Page, title: string): Promise<Locator> {
  await openItem(page, title);
  await playButton(page).click();
  await expect(videoDialog(page, title)).toBeVisible();
  return videoDialog(page, title).getByRole('region', { name: 'Player' });
}

test('plays an H.264 MP4 directly and an HEVC MKV through a transcode, seeks into it, shows subtitles, follows chapters and burns in picture subtitles', async ({ page }) => {
  await open(page);

  // Direct play.
  let player = await playMovie(page, 'Night Train');
  let video = player.locator('video');
  await expect.poll(() => currentTime(video), { timeout: 20_000 }).toBeGreaterThan(0.5);
  await expect(player.getByText('Direct play', { exact: true })).toBeVisible();
  await expect(player.getByText(/H\.264 and AAC in MP4 play natively in this browser/)).toBeVisible();
  expect(await video.getAttribute('src')).toMatch(/^\/media\/[A-Za-z0-9_-]{22}$/);
  await page.screenshot(shot('1-direct'));
  await player.getByRole('button', { name: 'Close player' }).click();
  await expect(videoDialog(page)).toHaveCount(0);

  // Transcode: HEVC is not supported by Chromium.
  player = await playMovie(page, 'Harbour Lights');
  video = player.locator('video');
  await expect(player.getByText('Transcode', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(player.getByText(/^HEVC video is not supported by this browser → transcoding video to H\.264/)).toBeVisible();
  await expect.poll(() => currentTime(video), { timeout: 30_000 }).toBeGreaterThan(1);
  await expect(player.getByLabel('Transcode status')).toContainText(/× real time/, { timeout: 15_000 });
  await page.screenshot(shot('2-transcode'));

  // What the library knows: the nfo's plot as text, clamped with a More toggle, and the SRTs' languages by name.
  const plot = player.getByText(PLOT);
  await expect(plot).toBeVisible();
  await expect(player.locator('.player-info b')).toHaveCount(0);
  expect(await plot.evaluate((p) => (p as unknown as { scrollHeight: number; clientHeight: number }).scrollHeight > (p as unknown as { clientHeight: number }).clientHeight)).toBe(true);
  const more = player.getByRole('button', { name: 'More' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(player.getByRole('button', { name: 'Less' })).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot(shot('2b-plot-open'));
  await player.getByRole('button', { name: 'Less' }).click();
  await expect(player.locator('dd.subtitle-languages')).toHaveText(/^(English, French|French, English)$/);

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
  // The one shown, whichever of the two SRTs comes first.
  const shownCues = () => video.evaluate((v) => Array.from((v as unknown as VideoLike).textTracks).find((t) => t.mode === 'showing')?.cues?.length ?? 0);
  await expect.poll(shownCues, { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(() => currentTime(video), { timeout: 20_000 }).toBeGreaterThan(1.5);
  await page.screenshot(shot('3-subtitles'));

  // Chapters: listed with their titles as text; choosing one seeks there.
  const chapters = player.getByRole('navigation', { name: 'Chapters' });
  await expect(chapters.getByRole('button')).toHaveText([/^0:00\s*Opening$/, /^0:20\s*The <i>Pier<\/i> & the Lights$/, /^0:40\s*Night Falls$/]);
  await expect(chapters.locator('i')).toHaveCount(0);
  // Where the seek lands is read from the element's own `seeked` event, so a slow machine cannot blur it.
  const landed = video.evaluate(
    (v) => new Promise<number>((resolve) => (v as unknown as VideoLike & { addEventListener(t: string, f: () => void, o: object): void }).addEventListener('seeked', () => resolve((v as unknown as VideoLike).currentTime), { once: true })),
  );
  await chapters.getByRole('button', { name: /Night Falls/ }).click();
  const afterChapter = await landed;
  expect(afterChapter).toBeGreaterThanOrEqual(40);
  expect(afterChapter).toBeLessThan(44);
  // And it plays on from there.
  await expect.poll(() => currentTime(video), { timeout: 30_000 }).toBeGreaterThan(afterChapter + 0.5);
  await expect(chapters.getByRole('button', { name: /Night Falls/ })).toHaveAttribute('aria-current', 'true');

  // The VobSub track: choosing it opens a new session that burns it into the picture, from where playback was.
  const newStream = page.waitForRequest((r) => /\/media\/hls\/[0-9a-f-]{36}\/index\.m3u8/.test(r.url()));
  const oldStream = (await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))).filter((n) => n.includes('/index.m3u8')).at(-1);
  await watchPicture(page);
  await player.getByRole('button', { name: `Burn in ${IMAGE_TRACK}` }).click();
  expect((await newStream).url()).not.toBe(oldStream);
  // The last frame stays up, the picture keeps its size, until the new stream has its first frame.
  await expect(player.locator('.held-frame')).toBeHidden({ timeout: 30_000 });
  expect(await readyState(video)).toBeGreaterThanOrEqual(2);
  const burnSwitch = await stopWatching(page);
  expect(burnSwitch.heldFrames).toBeGreaterThan(0);
  expect(burnSwitch.blank).toBe(0);
  expect(burnSwitch.maxHeight - burnSwitch.minHeight).toBeLessThan(1);
  expect(await currentTime(video)).toBeGreaterThan(afterChapter - 1);
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
  // Paused, with the pointer elsewhere: no controls over the burned-in cue at the bottom of the picture.
  await expect(video).not.toHaveAttribute('controls');
  await page.screenshot(shot('5-burned-in'));
  // They come with the pointer over the picture, go when it leaves, and come with keyboard focus.
  await video.hover();
  await expect(video).toHaveAttribute('controls');
  await page.screenshot(shot('5b-controls-on-hover'));
  await page.mouse.move(5, 5);
  await expect(video).not.toHaveAttribute('controls');
  await video.focus();
  await expect(video).toHaveAttribute('controls');
  await chapters.getByRole('button').first().focus();
  await expect(video).not.toHaveAttribute('controls');

  // Layout: the player fills the window; the picture is as large as its column allows, whole (letterboxed in
  // the stage, never cropped), and the info panel beside it is the window's height and scrolls (with the plot open).
  await player.getByRole('button', { name: 'More' }).click();
  const stage = player.locator('.player-stage');
  const info = player.getByRole('complementary', { name: 'Playback details' });
  const box = async (l: Locator) => (await l.boundingBox())!;
  const near = (a: number, b: number) => Math.abs(a - b) < 1;
  const inside = (inner: { x: number; y: number; width: number; height: number }, outer: typeof inner) =>
    inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
  const scrolls = () => info.evaluate((el) => (el as unknown as { scrollHeight: number; clientHeight: number }).scrollHeight > (el as unknown as { clientHeight: number }).clientHeight);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect.poll(async () => (await box(player)).height).toBeCloseTo(720, 0);
  expect(near((await box(player)).width, 1280)).toBe(true);
  expect(near((await box(info)).height, 720)).toBe(true);
  expect(near((await box(stage)).height, 720)).toBe(true);
  // The picture fills its column (16:9 beside a 320 px panel is width-bound) and all of it is in view.
  expect(near((await box(stage)).width, (await box(video)).width)).toBe(true);
  expect(inside(await box(video), await box(stage))).toBe(true);
  expect((await box(info)).x).toBeGreaterThanOrEqual((await box(video)).x + (await box(video)).width - 1);
  expect(await scrolls()).toBe(true);
  await page.screenshot(shot('6-layout-1280x720'));
  // Narrow: the panel goes under the picture, which takes the whole width, and is still in view below it.
  await page.setViewportSize({ width: 800, height: 800 });
  await expect.poll(async () => Math.abs((await box(player)).width - (await box(video)).width)).toBeLessThan(1);
  expect((await box(info)).y).toBeGreaterThanOrEqual((await box(video)).y + (await box(video)).height - 1);
  expect((await box(info)).y).toBeLessThan(800 - 100);
  expect(await scrolls()).toBe(true);
  await page.screenshot(shot('7-layout-narrow'));
  await page.setViewportSize({ width: 1280, height: 800 });

  // The shortcuts dialog.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.screenshot(shot('4-shortcuts'));
  // Escape closes the shortcuts, not the player under them; a second Escape closes the player.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  await expect(player).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(pageTitle(page, 'Harbour Lights')).toBeVisible();
});

test('switching the audio track keeps the picture, the position and the play state', async ({ page }) => {
  await open(page);
  const player = await playMovie(page, 'Two Voices');
  const video = player.locator('video');
  const audio = player.getByLabel('Audio track', { exact: true });
  await expect.poll(() => currentTime(video), { timeout: 30_000 }).toBeGreaterThan(4);

  // Playing: the new session's playlist is held back, so the switch in progress can be looked at.
  await watchPicture(page);
  const held = await holdNextPlaylist(page);
  const from = await currentTime(video);
  await audio.selectOption({ index: 1 });
  await held.requested;
  const switching = player.getByRole('status').filter({ hasText: 'Switching audio track…' });
  await expect(switching).toBeVisible();
  await expect(switching.getByRole('progressbar')).toBeVisible();
  await expect(player.locator('.held-frame')).toBeVisible();
  await expect(audio).toHaveValue('1');
  await expect(audio).toBeFocused();
  await page.screenshot(shot('8-switching-audio'));
  await held.release();
  await expect(switching).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(() => currentTime(video), { timeout: 30_000 }).toBeGreaterThan(from + 1);
  const first = await stopWatching(page);
  expect(first.blank).toBe(0);
  expect(first.maxHeight - first.minHeight).toBeLessThan(1);
  expect(await isPaused(video)).toBe(false);
  await expect(audio).toHaveValue('1');

  // Paused: it stays paused, where it was, with a picture. Keys go to the player from the video, not the menu.
  await video.focus();
  await page.keyboard.press('k');
  await expect.poll(() => isPaused(video)).toBe(true);
  const pausedAt = await currentTime(video);
  await watchPicture(page);
  await page.keyboard.press('a');
  await expect(player.locator('.held-frame')).toBeHidden({ timeout: 30_000 });
  await expect.poll(() => readyState(video), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  const second = await stopWatching(page);
  expect(second.blank).toBe(0);
  expect(second.maxHeight - second.minHeight).toBeLessThan(1);
  await expect(audio).toHaveValue('0');
  expect(await isPaused(video)).toBe(true);
  expect(Math.abs((await currentTime(video)) - pausedAt)).toBeLessThan(1);
  await page.screenshot(shot('9-switched-paused'));
});
