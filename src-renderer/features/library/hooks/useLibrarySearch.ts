import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../api';
import { errorMessage, useApi } from '../../../api';

/** Enough for a screenful of every kind; the index answers this in a few milliseconds. */
const LIMIT = 200;

export type LibrarySearch =
  | { state: 'idle' }
  | { state: 'searching' }
  /** `hits` may answer an earlier query while the latest one is on its way: the screen never blanks between keys. */
  | { state: 'done'; hits: SearchHit[] }
  | { state: 'failed'; message: string };

type Answer = { query: string; revision: unknown } & ({ hits: SearchHit[] } | { message: string });

/**
 * Asks the index for `query` (already trimmed and deferred by the caller) as the user types. Only the
 * answer to the latest query is kept: an earlier, slower answer never overwrites a newer one. `revision`
 * (the snapshot) asks again after the library changed, so hits never point at stale items.
 */
export function useLibrarySearch(query: string, revision: unknown): LibrarySearch {
  const client = useApi();
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (query === '') return;
    let current = true;
    client['library.search']({ query, limit: LIMIT }).then(
      ({ hits }) => current && setAnswer({ query, revision, hits }),
      (error: unknown) => current && setAnswer({ query, revision, message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, query, revision]);

  if (query === '') return { state: 'idle' };
  if (answer === null) return { state: 'searching' };
  if ('hits' in answer) return { state: 'done', hits: answer.hits };
  return answer.query === query ? { state: 'failed', message: answer.message } : { state: 'searching' };
}
