import { useSyncExternalStore } from 'react';
import { formatRoute, parentOf, parseRoute, type Route } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
const currentHash = () => window.location.hash;

/** The route the address bar names; re-renders on Back, Forward, links and every `navigate`. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return parseRoute(hash);
}

/**
 * How deep in this window's history the current entry is. Every entry the app reaches is stamped with its
 * depth in `history.state`: an entry without a stamp is new (a link, `navigate`, a typed address) and is one
 * deeper than the last; Back and Forward land on stamped entries. So Back within the app is
 * `history.back()` exactly when there is an app entry to go back to; from the first one (the app opened or
 * reloaded at a deep address) it goes up to the screen above instead of leaving the app.
 */
interface Stamp {
  glasswingDepth: number;
}
let lastDepth = 0;

function stampedDepth(): number | null {
  const state = window.history.state as Partial<Stamp> | null;
  return typeof state?.glasswingDepth === 'number' ? state.glasswingDepth : null;
}

/** Stamps the entry the window is on; call once at start-up (the first entry is depth 0). */
export function trackHistoryDepth(): () => void {
  const stamp = (next: number) => {
    const known = stampedDepth();
    lastDepth = known ?? next;
    if (known === null) window.history.replaceState({ glasswingDepth: lastDepth } satisfies Stamp, '');
  };
  stamp(0);
  const onHashChange = () => stamp(lastDepth + 1);
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}

/** Goes to a route as a new history entry (or replacing the current one, for sort and filter changes). */
export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const hash = formatRoute(route);
  if (hash === window.location.hash) return;
  if (opts.replace) {
    window.history.replaceState({ glasswingDepth: stampedDepth() ?? lastDepth } satisfies Stamp, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}

/** Back, as Esc and Backspace do. */
export function goBack(): void {
  if ((stampedDepth() ?? 0) > 0) {
    window.history.back();
    return;
  }
  const up = parentOf(parseRoute(window.location.hash));
  if (up) navigate(up, { replace: true });
}
