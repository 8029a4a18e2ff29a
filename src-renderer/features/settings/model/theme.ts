import type { Theme } from './types';

/** Where the last pinned theme is kept, so the next start paints in it before settings arrive. */
const REMEMBERED = 'glasswing.theme';

/**
 * Pins the page to a theme by `data-theme` on <html> (ui/theme.css turns it into `color-scheme`), or follows
 * the system without it, and remembers the choice for the next start.
 */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  try {
    if (theme === 'system') localStorage.removeItem(REMEMBERED);
    else localStorage.setItem(REMEMBERED, theme);
  } catch {
    // Storage may be off (a locked-down profile): the theme still applies once settings arrive.
  }
}

/** For main.tsx, before the first render: the theme pinned last time, if any. Cheap and never throws. */
export function applyRememberedTheme(root: HTMLElement = document.documentElement): void {
  try {
    const theme = localStorage.getItem(REMEMBERED);
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  } catch {
    // No storage: the first paint follows the system, and the setting corrects it a moment later.
  }
}
