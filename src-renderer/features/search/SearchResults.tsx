import { useId, useState, type KeyboardEvent, type ReactElement, type RefObject } from 'react';
import type { SearchHit } from '../../api';
import { formatRoute, navigate, usePlayback } from '../../app';
import { Icon } from '../../ui';
import { Marked } from './Marked';
import { focusItem, itemsIn, targetOf } from './rovingList';
import { KIND_HEADING, KIND_NAME, groupHits, highlightParts, hitKey, routeOfHit, type HitKind } from './searchModel';

const HIT_ATTR = 'data-hit';

interface SearchResultsProps {
  hits: readonly SearchHit[];
  query: string;
  listRef: RefObject<HTMLDivElement | null>;
  /** Up from the first result: back to the field. */
  onLeaveTop: () => void;
}

/**
 * The hits grouped by kind, as one keyboard list: a single tab stop (the last result that had focus, by
 * key, so a refetch never moves it), arrows move across groups, Enter opens, Shift+Enter plays.
 */
export function SearchResults({ hits, query, listRef, onLeaveTop }: SearchResultsProps) {
  const playback = usePlayback();
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const groups = groupHits(hits);
  // Until a result has had focus, the tab stop is the first one shown (main ranks across kinds; the list is by kind).
  const active = hits.some((h) => hitKey(h) === activeKey) ? activeKey : hitKey(groups[0]!.hits[0]!);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = (event.target as HTMLElement).closest<HTMLElement>(`[${HIT_ATTR}]`);
    if (event.key === 'Enter' && event.shiftKey && current) {
      event.preventDefault();
      const hit = hits.find((h) => hitKey(h) === current.getAttribute(HIT_ATTR));
      if (hit) openOrPlay(hit, playback.playItem);
      return;
    }
    const target = targetOf(itemsIn(listRef.current, HIT_ATTR), current, event.key);
    if (target === undefined) return;
    event.preventDefault();
    if (target === null) onLeaveTop();
    else focusItem(target);
  }

  return (
    <div ref={listRef} className="search-results" onKeyDown={onKeyDown}>
      {groups.map((group) => (
        <HitGroup key={group.kind} kind={group.kind} hits={group.hits} query={query} active={active} onFocusHit={setActiveKey} onPlay={playback.playItem} />
      ))}
    </div>
  );
}

/** Shift+Enter: plays what can play (a movie, episode, track), opens the rest. */
function openOrPlay(hit: SearchHit, playItem: (id: string) => void) {
  if (hit.playableId) playItem(hit.playableId);
  else navigate(routeOfHit(hit));
}

interface HitGroupProps {
  kind: HitKind;
  hits: readonly SearchHit[];
  query: string;
  active: string | null;
  onFocusHit: (key: string) => void;
  onPlay: (itemId: string) => void;
}

function HitGroup({ kind, hits, query, active, onFocusHit, onPlay }: HitGroupProps) {
  const headingId = useId();
  return (
    <section className="search-group" aria-labelledby={headingId}>
      <h2 id={headingId} className="search-group-title">
        {KIND_HEADING[kind]} <span className="count">{hits.length}</span>
      </h2>
      <ul>
        {hits.map((hit) => (
          <HitRow key={hitKey(hit)} hit={hit} query={query} tabbable={hitKey(hit) === active} onFocus={onFocusHit} onPlay={onPlay} />
        ))}
      </ul>
    </section>
  );
}

const KIND_ICON: Record<HitKind, () => ReactElement> = { movie: Icon.Film, show: Icon.Tv, episode: Icon.Tv, album: Icon.Music, track: Icon.Music, artist: Icon.Music };

interface HitRowProps {
  hit: SearchHit;
  query: string;
  tabbable: boolean;
  onFocus: (key: string) => void;
  onPlay: (itemId: string) => void;
}

/** One hit: a link to its page; a play button beside it for the mouse (Shift+Enter is the keyboard's). */
function HitRow({ hit, query, tabbable, onFocus, onPlay }: HitRowProps) {
  const key = hitKey(hit);
  const KindIcon = KIND_ICON[hit.kind];
  const context = [KIND_NAME[hit.kind], hit.subtitle].filter(Boolean).join(' · ');
  return (
    <li className="hit">
      <a className="hit-link" href={formatRoute(routeOfHit(hit))} {...{ [HIT_ATTR]: key }} tabIndex={tabbable ? 0 : -1} onFocus={() => onFocus(key)} title={hit.title}>
        <span className="hit-icon" aria-hidden="true">
          <KindIcon />
        </span>
        <span className="hit-text">
          <span className="hit-title">
            <Marked parts={highlightParts(hit.title, query)} />
          </span>
          <span className="hit-context">
            <bdi>{context}</bdi>
          </span>
        </span>
      </a>
      {hit.playableId ? (
        <button type="button" className="hit-play" tabIndex={-1} aria-label={`Play ${hit.title}`} title="Play (Shift+Enter)" onClick={() => onPlay(hit.playableId!)}>
          <Icon.Play />
        </button>
      ) : null}
    </li>
  );
}
