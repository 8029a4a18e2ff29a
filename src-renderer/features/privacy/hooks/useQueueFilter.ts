import { useDeferredValue, useMemo, useState } from 'react';
import type { QueuedEvent } from '../../../api';
import { filterEvents, type CategoryFilter } from '../model/queueView';

/** The Queue tab's category and search boxes, and the events they let through. */
export function useQueueFilter(events: readonly QueuedEvent[]) {
  const [category, setCategory] = useState<CategoryFilter>('all');
  const [search, setSearch] = useState('');
  // Typing stays responsive with 10,000 events: the list filters behind the keystrokes.
  const deferredSearch = useDeferredValue(search);
  const shown = useMemo(() => filterEvents(events, category, deferredSearch), [events, category, deferredSearch]);
  return { category, setCategory, search, setSearch, shown };
}

export type QueueFilter = ReturnType<typeof useQueueFilter>;
