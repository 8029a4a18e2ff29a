import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useNoteFeature, type LibrarySnapshot } from '../../../api';
import { filterByHits } from '../model/searchFilter';
import { useLibrarySearch, type LibrarySearch } from './useLibrarySearch';

export interface LibraryFilter {
  /** What is typed in the filter box. */
  query: string;
  setQuery(query: string): void;
  /** The query trimmed and deferred: what the index is asked, and empty when nothing is filtered. */
  needle: string;
  search: LibrarySearch;
  /** The library as the filter leaves it; the whole library while nothing is filtered. */
  shown: LibrarySnapshot | null;
}

/** The library's filter box: the index is asked as the user types, and the first use of it is noted. */
export function useLibraryFilter(snapshot: LibrarySnapshot | null): LibraryFilter {
  const [query, setQuery] = useState('');
  const needle = useDeferredValue(query.trim());
  const search = useLibrarySearch(needle, snapshot);
  // While the first answer is on its way the whole library stays up; after that, the last answer does.
  const shown = useMemo(() => (snapshot && search.state === 'done' ? filterByHits(snapshot, search.hits) : snapshot), [snapshot, search]);
  const noteFeature = useNoteFeature();
  useEffect(() => {
    if (needle) noteFeature('search');
  }, [needle, noteFeature]);
  return { query, setQuery, needle, search, shown };
}
