import { useEffect, useState } from 'react';
import { navigate } from '../../app';

/** How long typing rests before the route (and so the search) follows: quick enough to feel live. */
export const SEARCH_DEBOUNCE_MS = 120;

/**
 * The search field's text, kept in the route: typing writes `#/search?q=…` (replacing the entry, so Back
 * leaves Search rather than stepping through every key) once it rests, and a query the route gets from
 * elsewhere (the palette, Back, a reload) fills the field.
 */
export function useQueryField(query: string) {
  const [text, setText] = useState(query);
  // The route query this field last wrote or took in: a different one came from elsewhere.
  const [owned, setOwned] = useState(query);
  if (query !== owned) {
    setOwned(query);
    setText(query);
  }
  useEffect(() => {
    if (text === owned) return;
    const timer = setTimeout(() => {
      setOwned(text);
      navigate({ screen: 'search', query: text }, { replace: true });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, owned]);
  /** Writes the route now (Enter in the field). */
  function flush() {
    setOwned(text);
    navigate({ screen: 'search', query: text }, { replace: true });
  }
  return { text, setText, flush };
}
