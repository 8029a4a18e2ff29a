import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, useApi, type LibraryChangeScope, type SearchHit } from '../../api';

/** A change to any of these lists may change what a query finds. */
const SEARCH_SCOPES: readonly LibraryChangeScope[] = ['movies', 'shows', 'albums', 'artists'];

export interface SearchHits {
  /** The trimmed query asked; '' means nothing is asked (show a hint, not "nothing matches"). */
  query: string;
  /** The latest answer's hits: while a newer query is on its way they are the previous query's, so the list never blanks between keys. */
  hits: readonly SearchHit[] | null;
  /** The hits answer `query` itself (not an earlier one). */
  current: boolean;
  /** Why the search for `query` failed, in words. */
  error: string | null;
  retry: () => void;
}

interface Answer {
  query: string;
  hits: readonly SearchHit[] | null;
  error: string | null;
}

/**
 * Asks the index for `query` (at most `limit` hits), and again when the library changes. Only the answer
 * to the latest question is kept: a slower reply to an earlier query is dropped when it arrives.
 */
export function useSearchHits(query: string, limit: number): SearchHits {
  const client = useApi();
  const q = query.trim();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const seq = useRef(0);

  const load = useCallback(() => {
    const mine = ++seq.current;
    if (q === '') return;
    client['library.search']({ query: q, limit }).then(
      ({ hits }) => mine === seq.current && setAnswer({ query: q, hits, error: null }),
      (error: unknown) => mine === seq.current && setAnswer((a) => ({ query: q, hits: a?.hits ?? null, error: errorMessage(error) })),
    );
  }, [client, q, limit]);

  useEffect(() => {
    load();
    return client.on('onDidChangeLibrary', (change) => {
      if (change.scopes.some((s) => SEARCH_SCOPES.includes(s))) load();
    });
  }, [client, load]);

  const current = answer?.query === q;
  return { query: q, hits: q === '' ? null : (answer?.hits ?? null), current, error: current ? (answer?.error ?? null) : null, retry: load };
}
