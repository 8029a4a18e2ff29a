import { expect, test, type Page } from '@playwright/test';
import { startCollector } from '../src-main/telemetry/test-support/collector.js';
import { startApp, type RunningApp } from './support/app.js';

type Collector = Awaited<ReturnType<typeof startCollector>>;

/**
 * "What we collect" as a user works it (issue 5): events appear live, one is deleted, the queue is
 * filtered, the next batch is previewed raw and sent, the ledger verifies, a category purge is counted,
 * and every tab is photographed. A second run proves that DO_NOT_TRACK locks everything and sends nothing.
 */
const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/privacy-${name}.png`, fullPage: true });

async function play(page: Page, button: string, media: 'video' | 'audio') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: button }).click();
  const el = page.getByRole('region', { name: 'Player' }).locator(media);
  await expect.poll(() => el.evaluate((m) => (m as unknown as { currentTime: number }).currentTime), { timeout: 20_000 }).toBeGreaterThan(0.3);
  await page.getByRole('button', { name: 'Close player' }).click();
}

async function openPrivacy(page: Page, tab: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'What we collect' }).click();
  await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
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
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('button', { name: 'Play Night Train (1998)' })).toBeVisible({ timeout: 60_000 });

    await play(page, 'Play Night Train (1998)', 'video');
    await play(page, 'Play Harbour Lights S01E01', 'video');
    await page.getByRole('button', { name: 'Scan library' }).click();
    await expect(page.getByText(/unchanged|added/).first()).toBeVisible();

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

    await play(page, 'Play First Light', 'audio');
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
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('button', { name: 'Play Night Train (1998)' })).toBeVisible({ timeout: 60_000 });
    await play(page, 'Play Night Train (1998)', 'video');
    await openPrivacy(page, 'Queue');
    await expect(page.getByText('No events queued')).toBeVisible();
    await openPrivacy(page, 'Consent');
    await expect(page.getByRole('switch', { name: 'All telemetry' })).toBeDisabled();
    await openPrivacy(page, 'Network');
    await expect(page.getByText('No network traffic')).toBeVisible();
    expect(collector.received).toHaveLength(0);
  });
});
