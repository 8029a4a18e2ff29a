import type { PagedSectionStore } from './pagedSection';

/**
 * The last few sections read, by request, per API client: Back to a grid finds its pages and cursors still
 * here and paints at once, then refetches what changed while it was away. Bounded (a section holds only the
 * pages near where it was left), and an entry in use is never evicted.
 */
const LIMIT = 4;

interface Entry {
  store: PagedSectionStore<unknown>;
  /** Stops the entry's change subscription when it is evicted. */
  stop: () => void;
}

const byClient = new WeakMap<object, Map<string, Entry>>();

export function cachedSection<T>(client: object, key: string, create: () => { store: PagedSectionStore<T>; stop: () => void }): PagedSectionStore<T> {
  let entries = byClient.get(client);
  if (!entries) byClient.set(client, (entries = new Map()));
  let entry = entries.get(key);
  if (entry) entries.delete(key);
  else entry = create() as Entry;
  entries.set(key, entry);
  evictBeyondLimit(entries);
  return entry.store as PagedSectionStore<T>;
}

function evictBeyondLimit(entries: Map<string, Entry>): void {
  for (const [key, entry] of entries) {
    if (entries.size <= LIMIT) return;
    if (entry.store.attached) continue;
    entry.stop();
    entry.store.dispose();
    entries.delete(key);
  }
}
