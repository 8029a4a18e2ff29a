import { navigate, parseRoute } from '../../app';
import { createStore, isTextField } from '../../ui';

/** Counts requests to put the caret in Search's field; the screen focuses it on mount and on every new request. */
export const searchFocusRequests = createStore(0);

/** Goes to Search (keeping its query when already there) and puts the caret in its field. */
export function openSearch(): void {
  searchFocusRequests.set((n) => n + 1);
  if (parseRoute(window.location.hash).screen !== 'search') navigate({ screen: 'search', query: '' });
}

/** Whether a key press is "/" meant for the app: not typed into a field, not a chord, no dialog open. */
export function isSearchKey(event: KeyboardEvent): boolean {
  if (event.key !== '/' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  return !isTextField(event.target) && document.querySelector('dialog[open], [role="dialog"][aria-modal="true"]') === null;
}
