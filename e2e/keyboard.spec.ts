import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from './support/app.js';
import { arrowToOption, tabTo } from './support/keys.js';

/**
 * Issue 13: a whole session with the keyboard only — first run, find a movie through the command palette,
 * play it, seek, pick a subtitle, go back, open an album and queue it, open What we collect, delete one
 * queued event. Nothing here touches the mouse: a step that needs it fails (Tab never reaches the control,
 * or a key does nothing), and every focus stop must show its focus.
 */
interface MediaLike {
  currentTime: number;
  duration: number;
  paused: boolean;
  textTracks: ArrayLike<{ mode: string; language: string }>;
}

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp(['--demo']);
});

test.afterAll(async () => {
  await app?.stop();
});

test('a keyboard-only session from first run to deleting a queued event', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(app.url);

  // First run: allow one category, then continue.
  await tabTo(page, page.getByRole('switch', { name: 'Usage' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('switch', { name: 'Usage' })).toHaveAttribute('aria-checked', 'true');
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  // Find the movie through the palette (the demo library is scanned on first start).
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(async () => {
    await page.keyboard.press('Control+k');
    await expect(palette).toBeVisible({ timeout: 2000 });
    await page.keyboard.type('Night Train');
    await expect(palette.getByRole('option', { name: /Night Train/ }).first()).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 60_000 });
  await arrowToOption(page, palette.getByRole('listbox'), /^Night Train/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Night Train' })).toBeVisible();

  // Play, pause, seek to the middle, pick the English subtitles.
  await tabTo(page, page.getByRole('button', { name: /^(Play|Resume)/ }).first());
  await page.keyboard.press('Enter');
  const player = page.getByRole('dialog', { name: /Night Train/ });
  await expect(player).toBeVisible();
  const video = player.locator('video');
  await expect.poll(() => video.evaluate((v) => (v as unknown as MediaLike).currentTime), { timeout: 30_000 }).toBeGreaterThan(0.2);
  await page.keyboard.press('k');
  await expect.poll(() => video.evaluate((v) => (v as unknown as MediaLike).paused)).toBe(true);
  await page.keyboard.press('5');
  await expect.poll(() => video.evaluate((v) => { const m = v as unknown as MediaLike; return Math.abs(m.currentTime - m.duration / 2); })).toBeLessThan(0.6);
  const subtitles = player.getByRole('combobox', { name: 'Subtitles' });
  await tabTo(page, subtitles);
  await page.keyboard.press('ArrowDown');
  await expect(subtitles).not.toHaveValue('');
  await expect
    .poll(() => video.evaluate((v) => Array.from((v as unknown as MediaLike).textTracks).filter((t) => t.mode === 'showing').length))
    .toBe(1);
  await page.screenshot({ path: 'e2e/artifacts/keyboard-1-player.png' });

  // Back: Esc leaves the player (focus returns to the page), Esc again goes back to where the palette was opened.
  await page.keyboard.press('Escape');
  await expect(player).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Night Train' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Night Train' })).toBeHidden();

  // Open the album through the palette and queue it.
  await page.keyboard.press('Control+k');
  await expect(palette).toBeVisible();
  await page.keyboard.type('Low Tide');
  await expect(palette.getByRole('option', { name: /Low Tide/ }).first()).toBeVisible();
  await arrowToOption(page, palette.getByRole('listbox'), /^Low Tide/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Low Tide' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Add to queue', exact: true }));
  await page.keyboard.press('Enter');
  const bar = page.getByRole('region', { name: 'Now playing' });
  await expect(bar).toBeVisible();
  await expect(bar).toContainText('First Light');
  await page.keyboard.press('k');
  await page.screenshot({ path: 'e2e/artifacts/keyboard-2-album.png' });

  // What we collect: the movie's playback.started waits there; delete it.
  await page.keyboard.press('g');
  await page.keyboard.press('w');
  await expect(page.getByRole('heading', { level: 1, name: 'What we collect' })).toBeVisible();
  const deletes = page.getByRole('button', { name: /^Delete event playback\.started/ });
  await expect(deletes.first()).toBeVisible({ timeout: 30_000 });
  // Music may still add events while we look: follow the one chosen by its own name (its id's start).
  const chosen = page.getByRole('button', { name: (await deletes.first().getAttribute('aria-label')) ?? '', exact: true });
  await tabTo(page, chosen, { max: 120 });
  await page.keyboard.press('Enter');
  await expect(chosen).toHaveCount(0);
  await page.screenshot({ path: 'e2e/artifacts/keyboard-3-deleted.png' });
});
