import { useSyncExternalStore } from 'react';
import { formatRoute, parentOf, parseRoute, type Route } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
const currentHash = () => window.location.hash;

/** The route the address bar names; re-renders on Back, Forward and every `navigate`. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return parseRoute(hash);
}

/**
 * Entries this window pushed and has not gone back over: Back within the app is `history.back()`, and with
 * none left (the app was opened or reloaded at a deep address) Back goes up to the screen above instead of
 * leaving the app.
 */
let depth = 0;

/** Goes to a route as a new history entry (or replacing the current one, for sort and filter changes). */
export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const hash = formatRoute(route);
  if (hash === window.location.hash) return;
  if (!opts.replace) depth++;
  if (opts.replace) {
    window.history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}

/** Back, as Esc and Backspace do. */
export function goBack(): void {
  if (depth > 0) {
    depth--;
    window.history.back();
  } else {
    const up = parentOf(parseRoute(window.location.hash));
    if (up) navigate(up, { replace: true });
  }
}
