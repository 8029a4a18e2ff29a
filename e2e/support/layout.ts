import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Layout checks for narrow windows, as a user would see the failures: a page that scrolls sideways, two
 * things drawn over each other, text cut off.
 */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(locator: Locator, what: string): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, `${what} has a box on screen`).not.toBeNull();
  return box!;
}

/** Whether two boxes share any area (touching edges do not count). */
function overlap(a: Box, b: Box): boolean {
  const EPS = 0.5;
  return a.x + a.width - EPS > b.x && b.x + b.width - EPS > a.x && a.y + a.height - EPS > b.y && b.y + b.height - EPS > a.y;
}

/** Neither the page nor the main scroller is wider than the window: nothing spills sideways. */
export async function expectNoSpill(page: Page, where: string): Promise<void> {
  const spill = await page.evaluate(() => {
    const main = document.getElementById('main');
    return { page: document.documentElement.scrollWidth - window.innerWidth, main: main ? main.scrollWidth - main.clientWidth : 0 };
  });
  expect(spill, `${where}: the page or its main area scrolls sideways`).toEqual({ page: 0, main: 0 });
}

/** `a` and `b` are both drawn, and not over each other. */
export async function expectApart(a: Locator, b: Locator, what: string): Promise<void> {
  const [boxA, boxB] = [await boxOf(a, what), await boxOf(b, what)];
  expect(overlap(boxA, boxB), `${what} overlap: ${JSON.stringify(boxA)} and ${JSON.stringify(boxB)}`).toBe(false);
}

/** `inner` lies wholly inside `outer` (a chip inside its row, not spilling onto the next). */
export async function expectInside(inner: Locator, outer: Locator, what: string): Promise<void> {
  const [i, o] = [await boxOf(inner, what), await boxOf(outer, what)];
  const inside = i.x >= o.x - 0.5 && i.y >= o.y - 0.5 && i.x + i.width <= o.x + o.width + 0.5 && i.y + i.height <= o.y + o.height + 0.5;
  expect(inside, `${what}: ${JSON.stringify(i)} is not inside ${JSON.stringify(o)}`).toBe(true);
}

/** The text is shown whole: within the window's width, and not clipped by its own box (no ellipsis, no overflow). */
export async function expectWholeText(locator: Locator, what: string): Promise<void> {
  await expect(locator, what).toBeVisible();
  const box = await boxOf(locator, what);
  const width = locator.page().viewportSize()?.width ?? Number.POSITIVE_INFINITY;
  expect(box.x >= 0 && box.x + box.width <= width && box.width > 0, `${what} lies within the window: ${JSON.stringify(box)}`).toBe(true);
  const clipped = await locator.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
  expect(clipped, `${what} is cut off`).toBe(false);
}
