import { useState } from 'react';
import { errorMessage, useApi, type SetWatchedRequest } from '../../../api';

export interface WatchedToggle {
  /** What the page shows: the mark asked for until the page's answer changes, then the answer's. */
  watched: boolean;
  busy: boolean;
  error: string | null;
  toggle(): void;
}

/**
 * Marks an item or a show watched or unwatched. The new mark shows at once; it holds until the page's data
 * (`answer`, a new object on every refetch) changes, which the change event main sends brings about, and
 * rolls back with the error if the call fails.
 */
export function useWatchedToggle(kind: SetWatchedRequest['kind'], id: string, watched: boolean, answer: object): WatchedToggle {
  const client = useApi();
  const [asked, setAsked] = useState<{ want: boolean; answer: object; busy: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const holding = asked !== null && asked.answer === answer;

  function toggle() {
    const want = !(holding ? asked.want : watched);
    setError(null);
    setAsked({ want, answer, busy: true });
    client['library.setWatched']({ kind, id, watched: want }).then(
      () => setAsked((a) => (a && a.want === want ? { ...a, busy: false } : a)),
      (e: unknown) => {
        setAsked(null);
        setError(`Could not mark it ${want ? 'watched' : 'unwatched'}: ${errorMessage(e)}`);
      },
    );
  }

  return { watched: holding ? asked.want : watched, busy: holding && asked.busy, error, toggle };
}
