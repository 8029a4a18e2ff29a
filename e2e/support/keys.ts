import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, checking at every stop that the focused element
 * shows it (`:focus-visible`). Fails when the target is never reached: a control the keyboard cannot get to.
 */
export async function tabTo(page: Page, target: Locator, opts: { max?: number; backwards?: boolean } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < (opts.max ?? 80); i++) {
    const state = await page.evaluate(() => {
      const el = document.activeElement;
      const name = el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${String(el.className)} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').slice(0, 40)}"` : '';
      // An element focused only to move the reading position (tabIndex -1: a heading, the main area) is not a stop.
      // The playing video takes the focus so the player's keys work at once; the picture itself is what it shows.
      const stop = !el || el === document.body || (el as HTMLElement).tabIndex < 0 || el.tagName === 'VIDEO';
      return { visible: stop || el.matches(':focus-visible'), name };
    });
    expect(state.visible, `the focused ${state.name} shows its focus`).toBe(true);
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(opts.backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error('Tab never reached the control: the keyboard cannot get there.');
}

/** Moves through a listbox with the arrow keys until the active option reads `text`. */
export async function arrowToOption(page: Page, listbox: Locator, text: RegExp, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    const selected = listbox.locator('[role="option"][aria-selected="true"]');
    if ((await selected.count()) > 0 && text.test((await selected.first().textContent()) ?? '')) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`No option reading ${text} was reached with the arrow keys.`);
}
