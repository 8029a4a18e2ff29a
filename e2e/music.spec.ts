import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from './support/app.js';

/**
 * Issue 7, music: a track plays its album from there on, the queue lists it, `n` moves to the next track
 * (which really plays), and the queue panel is the visible proof.
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
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Play First Light' }).click({ timeout: 60_000 });

  const player = page.getByRole('region', { name: 'Player' });
  const audio = player.locator('audio');
  const queue = player.getByRole('list', { name: 'Play queue' });
  await expect(queue.getByRole('listitem')).toHaveCount(3);
  await expect(queue.getByRole('listitem')).toContainText(['First Light', 'Undertow', 'Lantern']);
  await expect.poll(() => audio.evaluate((a) => (a as unknown as MediaLike).currentTime), { timeout: 20_000 }).toBeGreaterThan(0.3);

  // Pause so the 4-second demo track cannot end on its own while we look.
  await page.keyboard.press('k');
  await expect.poll(() => audio.evaluate((a) => (a as unknown as MediaLike).paused)).toBe(true);
  const current = queue.locator('li[aria-current="true"]');
  await expect(current).toContainText('First Light');
  await expect(player.getByRole('heading', { level: 2 })).toHaveText('First Light');
  await player.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/artifacts/music-1-queue.png', fullPage: true });

  await page.keyboard.press('n');
  await expect(current).toContainText('Undertow');
  await expect(player.getByRole('heading', { level: 2 })).toHaveText('Undertow', { timeout: 20_000 });
  const next = player.locator('audio');
  await expect.poll(() => next.evaluate((a) => (a as unknown as MediaLike).currentTime), { timeout: 20_000 }).toBeGreaterThan(0.3);
  await expect(player.getByRole('button', { name: 'Shuffle' })).toHaveAttribute('aria-pressed', 'false');
  await player.getByRole('button', { name: 'Repeat' }).click();
  await expect(player.getByRole('button', { name: 'Repeat' })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: 'e2e/artifacts/music-2-next.png', fullPage: true });
});
