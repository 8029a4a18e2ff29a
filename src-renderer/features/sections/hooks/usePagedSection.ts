import { useCallback, useEffect, useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import { errorMessage, useApi, type Client, type LibraryPage, type LibraryPageRequest, type LibrarySection } from '../../../api';
import { PagedSectionStore, type PagedSnapshot } from '../model/pagedSection';
import { cachedSection } from '../model/sectionCache';

/** Items per `library.page` call: a few screens of cards, small enough to arrive in a frame or two. */
export const PAGE_SIZE = 100;

export type SectionItem<S extends LibrarySection> = Extract<LibraryPage, { section: S }>['items'][number];
/** A section's sort and filters: everything of a page request but where it starts and how much it takes. */
type RequestFor<S extends LibrarySection> = S extends 'movies' ? Extract<LibraryPageRequest, { section: 'movies' }> : Exclude<LibraryPageRequest, { section: 'movies' }>;
export type SectionRequest<S extends LibrarySection> = { section: S } & Omit<RequestFor<S>, 'limit' | 'after' | 'section'>;

export interface PagedView<T> {
  snapshot: PagedSnapshot<T>;
  /** The cells in and near view (the grid's `onRangeChange`). */
  show: (first: number, last: number) => void;
  retry: () => void;
}

/**
 * A section's store, subscribed to the library's changes for as long as it is cached: a change to the
 * section's list refetches the pages it holds; a change to items only, the pages holding them. A show's card
 * counts its unwatched episodes: main names 'shows' whenever an episode's watched mark flips, so a resume
 * point saved every few seconds of playback refetches no show card.
 */
function createSectionStore<S extends LibrarySection>(client: Client, request: SectionRequest<S>) {
  const store = new PagedSectionStore<SectionItem<S>>({
    pageSize: PAGE_SIZE,
    idOf: (item) => item.id,
    describeError: errorMessage,
    fetchPage: async (start) => {
      const reverse = 'reverse' in start && start.reverse;
      const direction = reverse === (request.direction === 'asc') ? 'desc' : 'asc';
      const from = 'at' in start ? { at: start.at, after: null } : { after: start.after };
      const page = await client['library.page']({ ...request, direction, limit: PAGE_SIZE, ...from } as LibraryPageRequest);
      return { items: page.items as unknown as ReadonlyArray<SectionItem<S>>, next: page.next, prev: page.prev };
    },
  });
  const stop = client.on('onDidChangeLibrary', (change) => {
    store.changed(change.scopes.includes(request.section), change.items);
  });
  return { store, stop };
}

/**
 * One section, sorted and filtered as `request` says, a page at a time as the grid scrolls. `total` is the
 * exact count from `library.counts` (undefined while it loads; null where none exists, as for several movie
 * filters at once: the grid then grows as pages arrive).
 */
export function usePagedSection<S extends LibrarySection>(request: SectionRequest<S>, total: number | null | undefined): PagedView<SectionItem<S>> {
  const client = useApi();
  const key = JSON.stringify(request);
  // Keyed by the request's text, so a new object with the same sort and filters keeps its store.
  const store = useMemo(() => cachedSection(client, key, () => createSectionStore(client, JSON.parse(key) as SectionRequest<S>)), [client, key]);
  // In the layout phase, so the first page is asked for before the screen's other calls (the counts, which
  // take main longer at 100,000 items): the grid paints on the page, not on the count.
  useLayoutEffect(() => store.attach(), [store]);
  useEffect(() => {
    if (total !== undefined) store.setTotal(total);
  }, [store, total]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const show = useCallback((first: number, last: number) => store.show(first, last), [store]);
  return { snapshot, show, retry: store.retry };
}
