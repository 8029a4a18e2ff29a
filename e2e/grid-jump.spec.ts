import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildUiLibrary } from '../bench/support/ui-library.js';

/**
 * A grid of 6,000 movies (an index built directly, no media files) in Debian's Chromium: dragging the
 * scrollbar to the middle, or End, asks main for the page there (`library.page` with `at`) and shows it,
 * rather than walking the 30 pages before it. Served by the bench's host (the real services and web host on
 * an existing data directory), because `glasswing serve` rescans at start and would empty an index with no
 * files behind it. Needs `npm run build` first (the host runs the built main and serves the built renderer).
 */
const ITEMS = 10_000;
const MOVIES = 6_000;
const root = path.resolve(import.meta.dirname, '..');

let dataDir: string;
let host: { child: ChildProcess; url: string } | undefined;

test.beforeAll(async () => {
  // Writing 10,000 items through the index's own upsert takes a while on a busy machine.
  test.setTimeout(240_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-e2e-jump-'));
  await buildUiLibrary(dataDir, ITEMS);
  const child = fork(path.join(root, 'bench', 'support', 'ui-host.ts'), [dataDir, path.join(root, 'build')], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  host = await new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, url: (m as { url: string }).url }));
    child.once('exit', (code) => reject(new Error(`the host exited with ${code}`)));
  });
});

test.afterAll(async () => {
  if (host) {
    const exited = new Promise((r) => host!.child.once('exit', r));
    host.child.send({ cmd: 'stop' });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    host.child.kill('SIGKILL');
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The `library.page` inputs the page sends over its socket, as they are sent. */
function recordPageCalls(page: Page): Array<{ at?: number; after: string | null }> {
  const calls: Array<{ at?: number; after: string | null }> = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      const frame = typeof payload === 'string' ? (JSON.parse(payload) as { method?: string; input?: { at?: number; after: string | null } }) : {};
      if (frame.method === 'library.page' && frame.input) calls.push(frame.input);
    }),
  );
  return calls;
}

/** The cells on screen, and how many of them still show a skeleton. */
function cellsInView(page: Page): Promise<{ first: number; skeletons: number }> {
  return page.evaluate(() => {
    const visible = [...document.querySelectorAll<HTMLElement>('[role="grid"] [data-cell]')].filter((cell) => {
      const box = cell.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    });
    return { first: Number(visible[0]?.dataset.cell ?? -1), skeletons: visible.filter((cell) => !cell.querySelector('[data-cell-focus]')).length };
  });
}

/** Every cell on screen holds its card (the focused card's row, kept rendered off screen, may not). */
async function expectCardsInView(page: Page): Promise<number> {
  await expect.poll(async () => (await cellsInView(page)).skeletons, { timeout: 15_000 }).toBe(0);
  return (await cellsInView(page)).first;
}

test('a drag of the scrollbar to the middle of 6,000 movies, and End, each ask for the page there', async ({ page }) => {
  const calls = recordPageCalls(page);
  await page.goto(host!.url);
  await page.evaluate(() => (window.location.hash = '#/movies'));
  await expect(page.getByRole('heading', { level: 1, name: `Movies · ${MOVIES.toLocaleString('en')}` })).toBeVisible({ timeout: 30_000 });
  await expectCardsInView(page);

  calls.length = 0;
  // What dragging the thumb does: the grid's scroller jumps to half its height.
  await page.getByRole('grid', { name: 'Movies' }).evaluate((grid) => {
    let scroller: HTMLElement | null = grid.parentElement;
    while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /(auto|scroll)/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
    const target = scroller ?? document.scrollingElement!;
    target.scrollTop = target.scrollHeight / 2;
  });
  const middle = await expectCardsInView(page);
  expect(middle).toBeGreaterThan(MOVIES / 3);
  expect(calls.some((c) => c.at !== undefined && Math.abs(c.at - middle) < 300)).toBe(true);
  // The page there, and a page or two around it: not the thirty before it.
  expect(calls.length).toBeLessThanOrEqual(5);

  calls.length = 0;
  await page.locator('[data-cell-focus]').first().focus();
  await page.keyboard.press('End');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-cell]')?.getAttribute('data-cell'))).toBe(String(MOVIES - 1));
  await expectCardsInView(page);
  expect(calls).toContainEqual(expect.objectContaining({ at: MOVIES - (MOVIES % 100 || 100) }));
  expect(calls.length).toBeLessThanOrEqual(3);
});
