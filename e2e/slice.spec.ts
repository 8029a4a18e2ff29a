import { expect, test, type Locator } from '@playwright/test';
import { startApp, type RunningApp } from './support/app.js';
import { goTo, nowPlaying, openItem, pageTitle, playButton, startsWith, videoDialog } from './support/ui.js';
import { startCollector } from '../src-main/telemetry/test-support/collector.js';

type Collector = Awaited<ReturnType<typeof startCollector>>;

/**
 * The walking skeleton as a user walks it (issue 3): first run → demo library → play a movie → its
 * playback.started event appears live on What we collect, already bucketed → Send now reaches a loopback
 * collector and lands in the sent ledger → turning the category off purges the queue and says how many.
 */
let app: RunningApp;
let collector: Collector;

test.beforeAll(async () => {
  collector = await startCollector({ now: () => Date.now() });
  app = await startApp(['--demo', '--telemetry-endpoint', collector.url]);
});

test.afterAll(async () => {
  await app?.stop();
  await collector?.close();
});

const shot = (name: string) => ({ path: `e2e/artifacts/slice-${name}.png`, fullPage: true });

test('a new user plays a movie and watches its event go from the queue to the ledger', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !url.protocol.startsWith('data') && !url.protocol.startsWith('blob')) outside.push(req.url());
  });

  await page.goto(app.url);
  await expect(page).not.toHaveURL(/token=/);

  // First run: nothing on until the user says so.
  await expect(page.getByRole('heading', { name: 'Before you start: what Glasswing could send' })).toBeVisible();
  for (const name of ['Performance', 'Usage', 'Diagnostics']) {
    await expect(page.getByRole('switch', { name })).toHaveAttribute('aria-checked', 'false');
  }
  await page.screenshot(shot('1-first-run'));
  await page.getByRole('switch', { name: 'Usage' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  // The demo library, generated and scanned on first start: Home's shelves show what it found.
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  const movieCard = page.getByRole('region', { name: 'Recently added movies' }).getByRole('link', { name: startsWith('Night Train') });
  await expect(movieCard).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('region', { name: 'Recently added episodes' }).getByRole('link', { name: /^Harbour Lights.*S1 · E2/ })).toBeVisible();
  const albumCard = page.getByRole('region', { name: 'Recently added albums' }).getByRole('link', { name: startsWith('Low Tide') });
  await expect(albumCard).toBeVisible();
  // Local metadata (issue 6): the movie's poster and the cover embedded in the album's tracks, as thumbnails
  // on Home and full size on their pages, served by content id from the caches, and loaded (not the initials).
  const loaded = async (art: Locator, url: RegExp) => {
    await expect(art).toHaveAttribute('src', url);
    await expect.poll(() => art.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
  };
  await loaded(movieCard.locator('img'), /^\/thumb\/[0-9a-f]{64}$/);
  await loaded(albumCard.locator('img'), /^\/thumb\/[0-9a-f]{64}$/);
  await page.screenshot(shot('2-library'));

  await albumCard.click();
  await expect(pageTitle(page, 'Low Tide')).toBeVisible();
  await loaded(page.locator('.dt-hero-poster img'), /^\/art\/[0-9a-f]{64}$/);
  // All three tracks are there to play, Lantern among them.
  await expect(page.getByRole('list', { name: 'Tracks' }).getByRole('button', { name: /^Play / })).toHaveText([/First Light/, /Undertow/, /Lantern/]);

  // The movie, found by Search, with its poster and the nfo's plot on its page.
  await openItem(page, 'Night Train');
  await loaded(page.locator('.dt-hero-poster img'), /^\/art\/[0-9a-f]{64}$/);
  await expect(page.getByRole('main')).toContainText(/sleeper train/);

  await playButton(page).click();
  const player = videoDialog(page, 'Night Train').getByRole('region', { name: 'Player' });
  const video = player.locator('video');
  await expect.poll(() => video.evaluate((v) => (v as unknown as { currentTime: number }).currentTime), { timeout: 20_000 }).toBeGreaterThan(0.5);
  await expect(player.getByText('Direct play', { exact: false }).first()).toBeVisible();
  await page.screenshot(shot('3-playing'));
  await player.getByRole('button', { name: 'Close player' }).click();
  await expect(videoDialog(page)).toHaveCount(0);

  // The event, live, bucketed: never seconds.
  await goTo(page, 'What we collect');
  await page.getByRole('tab', { name: 'Queue', exact: true }).click();
  const queued = page.getByRole('list', { name: 'Queued events' }).getByRole('listitem').filter({ hasText: 'playback.started' });
  await expect(queued).toHaveCount(1, { timeout: 5_000 });
  await expect(queued).toContainText('duration: under 30 min');
  await expect(queued).not.toContainText('Night Train');
  await page.screenshot(shot('4-queue'));

  // Uploads are off until the user allows them on the Network tab.
  await page.getByRole('tab', { name: 'Network', exact: true }).click();
  await page.getByRole('switch', { name: 'Allow Telemetry upload' }).click();
  await expect(page.getByRole('switch', { name: 'Allow Telemetry upload' })).toHaveAttribute('aria-checked', 'true');

  await page.getByRole('tab', { name: 'Next batch', exact: true }).click();
  await expect(page.getByText(collector.url, { exact: true })).toBeVisible();
  await expect(page.locator('pre').first()).toContainText('"eventName": "playback.started"');
  await page.screenshot(shot('5-next-batch'));

  await page.getByRole('button', { name: 'Send now' }).first().click();
  await expect.poll(() => collector.received.length).toBe(1);
  const sent = collector.received[0]!;
  const records = (sent.roundTrip as { resourceLogs: { scopeLogs: { logRecords: { eventName: string }[] }[] }[] }).resourceLogs[0]!.scopeLogs[0]!.logRecords;
  expect(records.map((r) => r.eventName)).toContain('playback.started');
  expect(sent.body).not.toContain('Night Train');

  await page.getByRole('tab', { name: 'Sent', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Sent batches' }).getByRole('row').filter({ hasText: 'Show bytes' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Chain OK' })).toBeVisible();
  await page.screenshot(shot('6-sent'));

  // A second event, then the category off: purged, and the screen says how many.
  await openItem(page, 'Lantern');
  await playButton(page).click();
  const audio = nowPlaying(page).locator('audio');
  await expect.poll(() => audio.evaluate((a) => (a as unknown as { currentTime: number }).currentTime), { timeout: 20_000 }).toBeGreaterThan(0.3);
  await nowPlaying(page).getByRole('button', { name: 'Stop and close' }).click();
  await expect(nowPlaying(page)).toHaveCount(0);
  await goTo(page, 'What we collect');
  await page.getByRole('tab', { name: 'Queue', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Queued events' }).getByRole('listitem').filter({ hasText: 'playback.started' })).toHaveCount(1);
  await page.getByRole('tab', { name: 'Consent', exact: true }).click();
  await page.getByRole('switch', { name: 'Usage' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 queued event deleted' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Usage' })).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByRole('tab', { name: /^Queue/ })).toHaveText('Queue');
  await page.screenshot(shot('7-consent'));

  expect(collector.received.length).toBe(1);
  expect(outside).toEqual([]);
});
