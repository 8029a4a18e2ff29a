import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, useApi } from '../../../api';
import type { UnparseableEntry } from '../model/types';

/** Rows per "Show more": enough to fill the screen, small enough for main to answer at once. */
export const UNPARSEABLE_PAGE = 50;

export interface UnparseableView {
  files: readonly UnparseableEntry[];
  hasMore: boolean;
  /** A page is on its way. */
  loading: boolean;
  error: string | null;
  more(): void;
}

interface Pages {
  /** The list these pages belong to; a new key starts again from the first page. */
  key: string;
  files: UnparseableEntry[];
  next: string | null;
  busy: boolean;
  error: string | null;
}

/**
 * The files that could not be read, a keyset page at a time ("Show more" asks for the page after the last
 * one). `listKey` names the list: when it changes (a scan found more, a folder went) it starts again.
 * Answers that arrive after a newer request are dropped.
 */
export function useUnparseable(listKey: string): UnparseableView {
  const client = useApi();
  const [pages, setPages] = useState<Pages>({ key: '', files: [], next: null, busy: false, error: null });
  const seq = useRef(0);

  const fetchPage = useCallback(
    (key: string, after: string | null) => {
      const mine = ++seq.current;
      client['library.unparseable']({ limit: UNPARSEABLE_PAGE, after }).then(
        (page) => {
          if (mine !== seq.current) return;
          setPages((p) => ({ key, files: after === null ? page.files : [...p.files, ...page.files], next: page.next, busy: false, error: null }));
        },
        (error: unknown) => mine === seq.current && setPages((p) => ({ ...p, key, busy: false, error: errorMessage(error) })),
      );
    },
    [client],
  );

  useEffect(() => fetchPage(listKey, null), [fetchPage, listKey]);

  const current = pages.key === listKey;
  function more() {
    if (!current || pages.busy || pages.next === null) return;
    setPages((p) => ({ ...p, busy: true, error: null }));
    fetchPage(listKey, pages.next);
  }
  // The rows shown stay while the list is fetched again, so a rescan never blanks it.
  return { files: pages.files, hasMore: current && pages.next !== null, loading: !current || pages.busy, error: current ? pages.error : null, more };
}
