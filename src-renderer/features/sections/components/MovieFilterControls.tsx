import { memo } from 'react';
import type { LibraryCounts, MovieFilters, ResolutionClass } from '../../../api';
import { Button } from '../../../ui';
import { activeFilters, sameGenre } from '../hooks/useSectionCounts';

const RESOLUTIONS: ReadonlyArray<[ResolutionClass, string]> = [
  ['uhd', '4K'],
  ['fhd', '1080p'],
  ['hd', '720p'],
  ['sd', 'SD'],
];

/** " (1,234)" after an option, when the counts are here. */
const countText = (n: number | undefined) => (n === undefined ? '' : ` (${n.toLocaleString('en-US')})`);

export interface MovieFilterControlsProps {
  filters: MovieFilters;
  counts: LibraryCounts | null;
  onChange: (filters: MovieFilters) => void;
}

/** Unwatched, resolution, decade and (where an nfo gives one) genre, each with what it leaves on its own; Clear when any is on. */
export const MovieFilterControls = memo(function MovieFilterControls({ filters, counts, onChange }: MovieFilterControlsProps) {
  const decades = counts?.movieFilters.decades ?? [];
  const listed = filters.decade !== undefined && !decades.some((d) => d.decade === filters.decade) ? [...decades, { decade: filters.decade, count: 0 }] : decades;
  const set = (patch: Partial<MovieFilters>) => onChange(withoutEmpty({ ...filters, ...patch }));
  return (
    <div className="tb-group" role="group" aria-label="Filters">
      <button type="button" className="btn btn-sm tb-toggle" aria-pressed={filters.unwatched === true} onClick={() => set({ unwatched: filters.unwatched ? undefined : true })}>
        Unwatched{countText(counts?.movieFilters.unwatched)}
      </button>
      <select aria-label="Resolution" value={filters.resolution ?? ''} onChange={(e) => set({ resolution: (e.target.value || undefined) as ResolutionClass | undefined })}>
        <option value="">Any resolution</option>
        {RESOLUTIONS.map(([id, label]) => (
          <option key={id} value={id}>
            {label}
            {countText(counts?.movieFilters.resolution[id])}
          </option>
        ))}
      </select>
      <select aria-label="Decade" value={filters.decade ?? ''} onChange={(e) => set({ decade: e.target.value ? Number(e.target.value) : undefined })}>
        <option value="">Any decade</option>
        {listed.map((d) => (
          <option key={d.decade} value={d.decade}>
            {d.decade}s{countText(d.count)}
          </option>
        ))}
      </select>
      <GenreSelect genre={filters.genre} counts={counts} onChange={(genre) => set({ genre })} />
      {activeFilters(filters) > 0 ? (
        <Button size="sm" variant="ghost" onClick={() => onChange({})}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
});

interface GenreSelectProps {
  genre: string | undefined;
  counts: LibraryCounts | null;
  onChange: (genre: string | undefined) => void;
}

/**
 * The genres the counts list, each with its movies; none at all (no nfo gives a genre) hides it. A genre
 * from the address that the counts do not list (case aside) is offered too, without a count, so the filter
 * in force is always shown and can be turned off here.
 */
function GenreSelect({ genre, counts, onChange }: GenreSelectProps) {
  const genres = counts?.movieFilters.genres ?? [];
  const listed = genre === undefined ? undefined : genres.find((g) => sameGenre(g.genre, genre));
  if (genres.length === 0 && genre === undefined) return null;
  const options: ReadonlyArray<{ genre: string; count?: number }> = genre !== undefined && !listed ? [...genres, { genre }] : genres;
  return (
    <select aria-label="Genre" value={listed?.genre ?? genre ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">Any genre</option>
      {options.map((g) => (
        <option key={g.genre} value={g.genre}>
          {g.genre}
          {countText(g.count)}
        </option>
      ))}
    </select>
  );
}

/** Filters with the ones turned off left out, so the route stays short and compares equal. */
function withoutEmpty(f: MovieFilters): MovieFilters {
  const out: MovieFilters = {};
  if (f.unwatched) out.unwatched = true;
  if (f.resolution !== undefined) out.resolution = f.resolution;
  if (f.decade !== undefined) out.decade = f.decade;
  if (f.genre !== undefined) out.genre = f.genre;
  return out;
}
