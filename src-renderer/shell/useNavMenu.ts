import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

/** Below this width the sidebar is a bar with a menu button (theme.css, "Narrow windows"): keep the two in step. */
export const MENU_QUERY = '(max-width: 599px)';

export interface NavMenu {
  open: boolean;
  rootRef: RefObject<HTMLElement | null>;
  buttonRef: RefObject<HTMLButtonElement | null>;
  toggle: () => void;
  /** On the sidebar: Esc closes the open menu and gives focus back to its button. */
  onKeyDown: (event: KeyboardEvent) => void;
  /** On the sidebar: focus leaving it (Tab past the last link) closes the menu. */
  onBlur: (event: FocusEvent) => void;
  /** On a link in the menu: the menu closes and focus goes to the screen it opens, not to a hidden link. */
  onNavigate: () => void;
}

/** The link the open menu gives focus to: the current screen's, else the first. */
function focusCurrentLink(root: HTMLElement | null) {
  const links = root?.querySelectorAll<HTMLElement>('nav a');
  const current = root?.querySelector<HTMLElement>('nav a[aria-current="page"]');
  (current ?? links?.[0])?.focus();
}

/** A press outside the sidebar closes the menu; so does the window growing wide enough to show the sidebar. */
function useCloseFromOutside(open: boolean, rootRef: NavMenu['rootRef'], close: () => void) {
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) close();
    };
    // jsdom has no matchMedia; a browser always does.
    const narrow = typeof window.matchMedia === 'function' ? window.matchMedia(MENU_QUERY) : null;
    const onWidth = () => {
      if (!narrow?.matches) close();
    };
    document.addEventListener('pointerdown', onPointerDown);
    narrow?.addEventListener('change', onWidth);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      narrow?.removeEventListener('change', onWidth);
    };
  }, [open, rootRef, close]);
}

/**
 * The narrow window's navigation menu (the WAI-ARIA disclosure pattern): a button with `aria-expanded` shows
 * the links; opening moves focus to the current screen's link, Esc closes and returns focus to the button,
 * and choosing a link, pressing outside or tabbing away closes it. In wider windows the button is not shown
 * and the links always are (CSS), so this state is never seen there.
 */
export function useNavMenu(): NavMenu {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useCloseFromOutside(open, rootRef, close);
  useEffect(() => {
    if (open) focusCurrentLink(rootRef.current);
  }, [open]);
  return {
    open,
    rootRef,
    buttonRef,
    toggle: () => setOpen((was) => !was),
    onKeyDown(event) {
      if (!open || event.key !== 'Escape') return;
      // Esc is also Back (useBackKeys): here it only closes the menu.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    },
    onBlur(event) {
      if (open && event.relatedTarget && !rootRef.current?.contains(event.relatedTarget as Node)) setOpen(false);
    },
    onNavigate() {
      if (!open) return;
      setOpen(false);
      document.getElementById('main')?.focus();
    },
  };
}
