import { useEffect, useId, useRef, type KeyboardEvent, type RefObject } from 'react';
import { Button, ErrorText, Icon, plural, useStore } from '../../ui';
import { searchFocusRequests } from './searchFocus';
import { SearchResults } from './SearchResults';
import { useQueryField } from './useQueryField';
import { useSearchHits, type SearchHits } from './useSearchHits';
import { focusItem } from './rovingList';
import './search.css';

/** Enough for a screenful of every kind; more says "add a word" rather than paging. */
export const SEARCH_LIMIT = 100;

/** Search (`#/search?q=`): results as you type, grouped by kind, the whole list keyboard-selectable. */
export function SearchScreen({ query }: { query: string }) {
  const field = useQueryField(query);
  // The field's text, not the route's: results follow every key (a search is a millisecond at 100,000
  // items); only the address waits for typing to rest.
  const search = useSearchHits(field.text, SEARCH_LIMIT);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const fieldId = useId();
  const hintId = useId();
  useFieldFocus(inputRef);

  function onFieldKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      const first = listRef.current?.querySelector<HTMLElement>('[data-hit][tabindex="0"]');
      if (!first) return;
      event.preventDefault();
      focusItem(first);
    } else if (event.key === 'Enter') {
      field.flush();
    }
  }

  return (
    <section className="page search-screen" aria-labelledby={`${fieldId}-h1`}>
      <h1 id={`${fieldId}-h1`}>Search</h1>
      <div className="search-field" role="search">
        <label htmlFor={fieldId} className="sr-only">
          Search movies, shows, episodes, albums, tracks and artists
        </label>
        <Icon.Search />
        <input
          ref={inputRef}
          id={fieldId}
          type="search"
          value={field.text}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          placeholder="Movies, shows, episodes, albums, tracks, artists"
          aria-describedby={hintId}
          onChange={(e) => field.setText(e.target.value)}
          onKeyDown={onFieldKey}
        />
      </div>
      <p id={hintId} className="search-hint small muted">
        <kbd>↓</kbd> moves into the results · <kbd>Enter</kbd> opens · <kbd>Shift</kbd>+<kbd>Enter</kbd> plays
      </p>
      <SearchBody search={search} listRef={listRef} onLeaveTop={() => inputRef.current?.focus()} />
    </section>
  );
}

/** The caret goes to the field when the screen opens and whenever "/" (or the palette) asks for it again. */
function useFieldFocus(inputRef: RefObject<HTMLInputElement | null>) {
  const request = useStore(searchFocusRequests);
  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    input.focus();
    input.setSelectionRange?.(input.value.length, input.value.length);
  }, [inputRef, request]);
}

interface SearchBodyProps {
  search: SearchHits;
  listRef: RefObject<HTMLDivElement | null>;
  onLeaveTop: () => void;
}

/** One status line (never a message per group), then the results or what went wrong. */
function SearchBody({ search, listRef, onLeaveTop }: SearchBodyProps) {
  const { query, hits, current, error } = search;
  if (query === '') return <p className="search-idle muted">Type to search your library. Words match their beginnings, and a small typo is forgiven.</p>;
  if (error)
    return (
      <div className="search-error">
        <ErrorText>Search failed: {error}</ErrorText>
        <Button onClick={search.retry}>Retry</Button>
      </div>
    );
  return (
    <div className="search-body" aria-busy={!current}>
      <p className={current && hits?.length === 0 ? 'search-status is-empty' : 'search-status'} role="status">
        {statusText(search)}
      </p>
      {current && hits?.length === 0 ? <p className="muted small">Check the spelling, or try fewer or shorter words.</p> : null}
      {hits && hits.length > 0 ? <SearchResults hits={hits} query={query} listRef={listRef} onLeaveTop={onLeaveTop} /> : null}
    </div>
  );
}

function statusText({ query, hits, current }: SearchHits): string {
  if (!current || !hits) return hits ? '' : 'Searching…';
  if (hits.length === 0) return `Nothing matches “${query}”.`;
  if (hits.length >= SEARCH_LIMIT) return `The first ${SEARCH_LIMIT} matches: add a word to narrow them.`;
  return plural(hits.length, 'match', 'matches');
}
