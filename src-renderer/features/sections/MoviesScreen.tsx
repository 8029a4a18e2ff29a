import { useCallback } from 'react';
import type { MovieFilters, MovieSort, MovieSummary, SortDirection } from '../../api';
import { formatRoute, navigate, type RouteOf } from '../../app';
import { MovieCard } from './components/cards';
import { MovieFilterControls } from './components/MovieFilterControls';
import { SectionGrid } from './components/SectionGrid';
import { AddFolderHint, EmptySection, SectionBody, SectionHeader } from './components/SectionStates';
import { SortControls, type SortOption } from './components/SortControls';
import { usePagedSection } from './hooks/usePagedSection';
import { activeFilters, movieTotal, useSectionCounts } from './hooks/useSectionCounts';
import { useStablePlay } from './hooks/useStablePlay';
import './sections.css';

const MOVIE_SORTS: ReadonlyArray<SortOption<MovieSort>> = [
  { id: 'title', label: 'Title', natural: 'asc', words: ['A–Z', 'Z–A'] },
  { id: 'year', label: 'Year', natural: 'desc', words: ['Oldest first', 'Newest first'] },
  { id: 'added', label: 'Date added', natural: 'desc', words: ['Oldest first', 'Newest first'] },
  { id: 'duration', label: 'Duration', natural: 'asc', words: ['Shortest first', 'Longest first'] },
];

/** Movies: every movie as a poster grid, sorted and filtered by the route (so Back and reload keep both). */
export function MoviesScreen({ route }: { route: RouteOf<'movies'> }) {
  const counts = useSectionCounts();
  const total = movieTotal(counts.data, route.filters);
  const view = usePagedSection({ section: 'movies', sort: route.sort, direction: route.dir, filters: route.filters }, total);
  const { play, playingId } = useStablePlay();
  const renderCard = useCallback((movie: MovieSummary, tabbable: boolean) => <MovieCard item={movie} tabbable={tabbable} playing={movie.id === playingId} onPlay={play} />, [play, playingId]);
  // Stable while the route is, so the memoized toolbar is left alone as pages arrive.
  const setSort = useCallback((sort: MovieSort, dir: SortDirection) => navigate({ ...route, sort, dir }, { replace: true }), [route]);
  const setFilters = useCallback((filters: MovieFilters) => navigate({ ...route, filters }, { replace: true }), [route]);
  const filtered = activeFilters(route.filters) > 0;
  const retry = () => {
    counts.reload();
    view.retry();
  };
  return (
    <section className="section-page" aria-labelledby="movies-title">
      <SectionHeader id="movies-title" title="Movies" count={counts.data?.movies ?? null} loading={counts.loading}>
        <div className="section-toolbar">
          <SortControls options={MOVIE_SORTS} sort={route.sort} dir={route.dir} onChange={setSort} />
          <MovieFilterControls filters={route.filters} counts={counts.data} onChange={setFilters} />
          {filtered ? <MatchCount shown={view.snapshot.length} exact={total !== null || view.snapshot.ended} /> : null}
        </div>
      </SectionHeader>
      <SectionBody view={view} what="movies" onRetry={retry} empty={<NoMovies filtered={filtered && counts.data?.movies !== 0} onClear={() => setFilters({})} />}>
        <SectionGrid view={view} label="Movies" shape="poster" metaLines={1} renderCard={renderCard} memoryKey={formatRoute(route)} />
      </SectionBody>
    </section>
  );
}

/** How many movies the filters leave: exact when known, "100+" while a list of unknown length grows. */
function MatchCount({ shown, exact }: { shown: number; exact: boolean }) {
  const n = `${shown.toLocaleString('en-US')}${exact ? '' : '+'}`;
  return (
    <span className="tb-status" aria-live="polite">
      {exact && shown === 1 ? '1 movie matches' : `${n} movies match`}
    </span>
  );
}

function NoMovies({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  if (filtered)
    return (
      <div className="empty big">
        <p className="empty-title">Nothing matches these filters</p>
        <p className="muted">No movie is all of what the filters ask for.</p>
        <button type="button" className="btn btn-primary" onClick={onClear}>
          Clear filters
        </button>
      </div>
    );
  return (
    <EmptySection title="No movies yet">
      <AddFolderHint kind="movies" />
    </EmptySection>
  );
}
