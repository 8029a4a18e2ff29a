import { expect, test, type Locator, type Page } from '@playwright/test';
import { startCollector } from '../src-main/telemetry/test-support/collector.js';
import { startApp, type RunningApp } from './support/app.js';
import { continueFirstRun, goTo, nowPlaying, openItem, playButton, startsWith, videoDialog } from './support/ui.js';

type Collector = Awaited<ReturnType<typeof startCollector>>;

/**
 * "What we collect" as a user works it (issue 5): events appear live, one is deleted, the queue is
 * filtered, the next batch is previewed raw and sent, the ledger verifies, a category purge is counted,
 * and every tab is photographed. A second run proves that DO_NOT_TRACK locks everything and sends nothing.
 */
const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/privacy-${name}.png`, fullPage: true });

/** Plays what is open on the current page with `start`, until it has really played, then closes the player. */
async function playHere(page: Page, start: Locator, media: 'video' | 'audio') {
  await start.click();
  const where = media === 'video' ? videoDialog(page).getByRole('region', { name: 'Player' }) : nowPlaying(page);
  const el = where.locator(media);
  await expect.poll(() => el.evaluate((m) => (m as unknown as { currentTime: number }).currentTime), { timeout: 20_000 }).toBeGreaterThan(0.3);
  if (media === 'video') await where.getByRole('button', { name: 'Close player' }).click();
  else await where.getByRole('button', { name: 'Stop and close' }).click();
  await expect(where).toHaveCount(0);
}

/** Finds a movie or track by Search and plays it from its page. */
async function play(page: Page, title: string, media: 'video' | 'audio') {
  await openItem(page, title);
  await playHere(page, playButton(page), media);
}

async function openPrivacy(page: Page, tab: string) {
  await goTo(page, 'What we collect');
  await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
}

/** Home shows the demo library once its first scan has indexed it. */
async function demoIndexed(page: Page) {
  await expect(page.getByRole('region', { name: 'Recently added movies' }).getByRole('link', { name: startsWith('Night Train') })).toBeVisible({ timeout: 60_000 });
}

test.describe('What we collect', () => {
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

  test('shows events live, deletes one, sends the rest, proves it, and purges on opt-out', async ({ page }) => {
    await page.goto(app.url);
    for (const name of ['Performance', 'Usage', 'Diagnostics']) await page.getByRole('switch', { name }).click();
    await continueFirstRun(page);
    await demoIndexed(page);

    await play(page, 'Night Train', 'video');
    // An episode, from its show's page.
    await openItem(page, 'Harbour Lights');
    await playHere(page, page.getByRole('main').getByRole('button', { name: /^Play S1 · E1: / }), 'video');
    await goTo(page, 'Settings');
    await page.getByRole('button', { name: 'Scan all folders' }).click();
    await expect(page.getByRole('status').filter({ hasText: /unchanged|added/ }).first()).toBeVisible();

    await openPrivacy(page, 'Queue');
    const rows = page.getByRole('list', { name: 'Queued events' }).getByRole('listitem');
    await expect(rows.filter({ hasText: 'playback.started' })).toHaveCount(2);
    // The demo scan may finish after the user chose, so it can have recorded one more of these.
    await expect(rows.filter({ hasText: 'library.scan_completed' }).first()).toBeVisible();
    await shot(page, 'queue');

    // Delete one event, by its own button.
    await rows.filter({ hasText: 'playback.started' }).first().getByRole('button', { name: /^Delete event playback.started/ }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 event deleted' })).toBeVisible();
    await expect(rows.filter({ hasText: 'playback.started' })).toHaveCount(1);

    // Filter and search.
    const queued = await rows.count();
    await page.getByLabel('Category').selectOption('performance');
    const scans = await rows.filter({ hasText: 'library.scan_completed' }).count();
    await expect(rows).toHaveCount(scans);
    await expect(rows.filter({ hasText: 'playback.started' })).toHaveCount(0);
    await page.getByLabel('Category').selectOption('all');
    await page.getByLabel('Search events').fill('playback');
    await expect(rows).toHaveCount(1);
    await page.getByLabel('Search events').fill('');

    // Uploads are off until the user allows them; then the exact bytes, and send them.
    await openPrivacy(page, 'Network');
    await page.getByRole('switch', { name: 'Allow Telemetry upload' }).click();
    await expect(page.getByRole('switch', { name: 'Allow Telemetry upload' })).toHaveAttribute('aria-checked', 'true');
    await openPrivacy(page, 'Next batch');
    await page.getByRole('button', { name: 'Raw' }).click();
    const raw = await page.getByLabel('Batch body, exact bytes').textContent();
    expect(JSON.parse(raw ?? '').resourceLogs[0].scopeLogs[0].logRecords).toHaveLength(queued);
    await shot(page, 'next-batch');
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => collector.received.length).toBe(1);
    expect(collector.received[0]!.body).toBe(raw);

    await openPrivacy(page, 'Sent');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Chain OK: 1 entry' })).toBeVisible();
    await shot(page, 'sent');

    await openPrivacy(page, 'Network');
    await expect(page.getByRole('table', { name: 'Network requests' }).getByRole('row').filter({ hasText: collector.url })).toHaveCount(1);
    await shot(page, 'network');

    await openPrivacy(page, 'Catalog');
    await expect(page.getByRole('heading', { name: /playback\.started/ })).toBeVisible();
    await shot(page, 'catalog');

    // Your stats: the user's own history, never sent. Both plays so far went direct.
    await openPrivacy(page, 'Your stats');
    await expect(page.getByText('Never sent.')).toBeVisible();
    await expect(page.getByText('Direct play: 100 % (2)')).toBeVisible();
    await shot(page, 'stats');

    await play(page, 'First Light', 'audio');
    await openPrivacy(page, 'Consent');
    await page.getByRole('switch', { name: 'Usage' }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 queued event deleted' })).toBeVisible();
    await shot(page, 'consent');
    expect(collector.received).toHaveLength(1);
  });
});

test.describe('with DO_NOT_TRACK=1', () => {
  let app: RunningApp;
  let collector: Collector;

  test.beforeAll(async () => {
    collector = await startCollector({ now: () => Date.now() });
    app = await startApp(['--demo', '--telemetry-endpoint', collector.url], { DO_NOT_TRACK: '1' });
  });
  test.afterAll(async () => {
    await app?.stop();
    await collector?.close();
  });

  test('locks every control, says why, records and sends nothing', async ({ page }) => {
    await page.goto(app.url);
    await expect(page.getByText(/DO_NOT_TRACK/).first()).toBeVisible();
    for (const name of ['Performance', 'Usage', 'Diagnostics']) await expect(page.getByRole('switch', { name })).toBeDisabled();
    await shot(page, 'dnt-first-run');
    await continueFirstRun(page);
    await demoIndexed(page);
    await play(page, 'Night Train', 'video');
    await openPrivacy(page, 'Queue');
    await expect(page.getByText('No events queued')).toBeVisible();
    await openPrivacy(page, 'Consent');
    await expect(page.getByRole('switch', { name: 'All telemetry' })).toBeDisabled();
    await openPrivacy(page, 'Network');
    await expect(page.getByText('No network traffic')).toBeVisible();
    expect(collector.received).toHaveLength(0);
  });
});
