import { useLibraryQuery, type LibraryQuery } from '../../../data/useLibraryQuery';
import type { LibraryChangeScope } from '../../../api';
import type { LibraryStatus } from '../model/types';

const SCOPES: readonly LibraryChangeScope[] = ['folders'];

/** The folders, the count of unreadable files and any recovery, fetched again when the folders change. */
export function useLibraryStatus(): LibraryQuery<LibraryStatus> {
  return useLibraryQuery('library.status', {}, { scopes: SCOPES });
}
