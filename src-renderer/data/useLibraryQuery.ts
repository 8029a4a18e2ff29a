import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage, useApi, type CallInput, type CallName, type CallOutput, type LibraryChange, type LibraryChangeScope } from '../api';

export interface LibraryQuery<T> {
  /** The last answer; kept while a refetch runs, so a change never blanks the screen. */
  data: T | null;
  /** What went wrong with the last attempt, in words; null after a success. */
  error: string | null;
  /** The failed call's code ('not-found': the thing is gone, so say so rather than offer a retry); null otherwise. */
  errorCode: string | null;
  /** No answer yet (show a skeleton). */
  loading: boolean;
  reload: () => void;
}

export interface QueryOptions<T> {
  /** The lists whose change may change this answer. */
  scopes: readonly LibraryChangeScope[];
  /** The items this answer shows, so a watched mark or resume point on one of them refetches it. */
  itemsOf?: (data: T) => Iterable<string>;
  /** False to wait (an id not known yet). */
  enabled?: boolean;
}

/** Whether a change touches an answer that shows `items` and depends on `scopes`. */
export function touches(change: LibraryChange, scopes: readonly LibraryChangeScope[], items: ReadonlySet<string>): boolean {
  return change.scopes.some((s) => scopes.includes(s)) || change.items.some((id) => items.has(id));
}

/**
 * One bounded call's answer (a detail, Home's shelves, the counts), fetched when the input changes and again
 * when main says something it shows changed. Answers that arrive out of order are dropped.
 */
export function useLibraryQuery<M extends CallName>(method: M, input: CallInput<M>, opts: QueryOptions<CallOutput<M>>): LibraryQuery<CallOutput<M>> {
  const client = useApi();
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ key: string; data: CallOutput<M> | null; error: string | null; errorCode?: string }>({ key, data: null, error: null });
  const seq = useRef(0);
  const shown = useRef<ReadonlySet<string>>(new Set());
  const enabled = opts.enabled ?? true;
  const { scopes, itemsOf } = opts;

  const load = useCallback(() => {
    if (!enabled) return;
    const mine = ++seq.current;
    // A generic index into the client loses the pairing of method and input; the types above keep it.
    const call = client[method] as unknown as (input: CallInput<M>) => Promise<CallOutput<M>>;
    call(JSON.parse(key) as CallInput<M>).then(
      (data) => {
        if (mine !== seq.current) return;
        shown.current = new Set(itemsOf ? itemsOf(data) : []);
        setState({ key, data, error: null });
      },
      (error: unknown) =>
        mine === seq.current &&
        setState((s) => ({ key, data: s.key === key ? s.data : null, error: errorMessage(error), errorCode: error instanceof ApiError ? error.code : undefined })),
    );
    // `itemsOf` is read at answer time; a new function each render must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, method, key, enabled]);

  useEffect(() => {
    load();
    return client.on('onDidChangeLibrary', (change) => {
      if (touches(change, scopes, shown.current)) load();
    });
    // `scopes` is a constant list per screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, load]);

  const current = state.key === key;
  return { data: current ? state.data : null, error: current ? state.error : null, errorCode: current ? (state.errorCode ?? null) : null, loading: !current || (state.data === null && state.error === null), reload: load };
}
