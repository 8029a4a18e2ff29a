import { expect, type Locator, type Page } from '@playwright/test';

/**
 * How the specs get around the app as a user does: the sidebar, Search (type, arrow down to the hit, Enter),
 * and the item pages' buttons. Locators are by role and name, as a screen reader would find them.
 */

/** A link in the sidebar ("Home", "Search", "Settings", "What we collect"). */
export function navLink(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

export async function goTo(page: Page, name: string): Promise<void> {
  await navLink(page, name).click();
  await expect(navLink(page, name)).toHaveAttribute('aria-current', 'page');
}

/** Matches an accessible name that begins with `text`. */
export const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/**
 * Opens Search from the sidebar, types `query`, moves down into the results with the arrow keys until the
 * hit whose name begins with `hit` has focus, and opens it with Enter.
 */
export async function openFromSearch(page: Page, query: string, hit: string): Promise<void> {
  await goTo(page, 'Search');
  const field = page.getByRole('searchbox', { name: /^Search movies, shows/ });
  await expect(field).toBeFocused();
  await field.fill(query);
  const link = page.getByRole('main').getByRole('link', { name: startsWith(hit) }).first();
  await expect(link).toBeVisible({ timeout: 60_000 });
  await field.press('ArrowDown');
  for (let i = 0; i < 20 && !(await hasFocus(link)); i++) await page.keyboard.press('ArrowDown');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
}

/** Whether the element has focus (the tools tsconfig has no DOM library). */
const hasFocus = (l: Locator) => l.evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement);

/** The page's title (its one h1). */
export function pageTitle(page: Page, name: string): Locator {
  return page.getByRole('main').getByRole('heading', { level: 1, name, exact: true });
}

/** Search for `title`, open its page, and wait for the page to show it. */
export async function openItem(page: Page, title: string, query = title): Promise<void> {
  await openFromSearch(page, query, title);
  await expect(pageTitle(page, title)).toBeVisible();
}

/** The item page's own Play button (not the music bar's). */
export function playButton(page: Page): Locator {
  return page.getByRole('main').getByRole('button', { name: 'Play', exact: true });
}

/** The full-window video player: a modal dialog named after what plays, with the "Player" region inside. */
export function videoDialog(page: Page, title?: string): Locator {
  return title ? page.getByRole('dialog', { name: title, exact: true }) : page.locator('[role="dialog"][data-player-layer]');
}

export function nowPlaying(page: Page): Locator {
  return page.getByRole('region', { name: 'Now playing' });
}

/** The first-run privacy screen, passed with whatever is chosen already. */
export async function continueFirstRun(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
}
