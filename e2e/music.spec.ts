import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from './support/app.js';
import { continueFirstRun, nowPlaying, openItem, playButton } from './support/ui.js';

/**
 * Issue 7, music: a track plays its album from there on, the queue lists it, `n` moves to the next track
 * (which really plays), and the queue panel is the visible proof. The track is found by Search and played from
 * its page; the music plays in the Now playing bar, whose Queue button opens the queue.
 */
interface MediaLike {
  currentTime: number;
  paused: boolean;
}

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp(['--demo']);
});

test.afterAll(async () => {
  await app?.stop();
});

test('playing a track queues its album; n plays the next track', async ({ page }) => {
  await page.goto(app.url);
  await continueFirstRun(page);
  await openItem(page, 'First Light');
  await playButton(page).click();

  // Music plays in the Now playing bar, on every screen; its Queue button opens the play queue.
  const bar = nowPlaying(page);
  const audio = bar.locator('audio');
  const title = bar.locator('.np-title');
  await expect.poll(() => audio.evaluate((a) => (a as unknown as MediaLike).currentTime), { timeout: 20_000 }).toBeGreaterThan(0.3);

  // Pause so the 4-second demo track cannot end on its own while we look.
  await page.keyboard.press('k');
  await expect.poll(() => audio.evaluate((a) => (a as unknown as MediaLike).paused)).toBe(true);
  await expect(bar.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(title).toHaveText('First Light');

  await bar.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect(bar.getByRole('button', { name: 'Queue', exact: true })).toHaveAttribute('aria-expanded', 'true');
  const queue = bar.getByRole('list', { name: 'Play queue' });
  await expect(queue.getByRole('listitem')).toHaveCount(3);
  await expect(queue.getByRole('listitem')).toContainText(['First Light', 'Undertow', 'Lantern']);
  const current = queue.locator('li[aria-current="true"]');
  await expect(current).toContainText('First Light');
  await page.screenshot({ path: 'e2e/artifacts/music-1-queue.png', fullPage: true });

  await page.keyboard.press('n');
  await expect(current).toContainText('Undertow');
  await expect(title).toHaveText('Undertow', { timeout: 20_000 });
  await expect.poll(() => audio.evaluate((a) => (a as unknown as MediaLike).currentTime), { timeout: 20_000 }).toBeGreaterThan(0.3);
  await expect(bar.getByRole('button', { name: 'Shuffle', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await bar.getByRole('button', { name: 'Repeat', exact: true }).click();
  await expect(bar.getByRole('button', { name: 'Repeat', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: 'e2e/artifacts/music-2-next.png', fullPage: true });
});
