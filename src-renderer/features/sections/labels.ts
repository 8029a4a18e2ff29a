import type { AlbumSummary, ArtistSummary, MovieSummary, ShowSummary } from '../../api';
import { formatDuration, formatRemaining, formatRuntime, plural } from '../../ui';

/** "Play Night Train (1998)": the play disc's name. */
export function playLabel(movie: Pick<MovieSummary, 'title' | 'year'>): string {
  return movie.year != null ? `Play ${movie.title} (${movie.year})` : `Play ${movie.title}`;
}

/** Where a movie stands, in words: "Watched", "Resumes at 42:10, 50:00 left", or null. */
export function watchStatus(item: Pick<MovieSummary, 'watched' | 'resumeSec' | 'durationSec'>): string | null {
  const resume = item.resumeSec !== null && item.resumeSec > 0 ? item.resumeSec : null;
  const left = resume !== null && item.durationSec ? formatRemaining(item.durationSec - resume) : '';
  const parts = [item.watched ? 'Watched' : null, resume !== null ? [`Resumes at ${formatDuration(resume)}`, left].filter(Boolean).join(', ') : null];
  return parts.filter(Boolean).join('. ') || null;
}

/** The resume bar's fill, 0–1, or null when there is nothing to resume. */
export function resumeFraction(item: Pick<MovieSummary, 'resumeSec' | 'durationSec'>): number | null {
  if (item.resumeSec === null || item.resumeSec <= 0 || !item.durationSec) return null;
  return Math.min(1, Math.max(0, item.resumeSec / item.durationSec));
}

export function movieMeta(movie: MovieSummary): string {
  return [movie.year, formatRuntime(movie.durationSec)].filter(Boolean).join(' · ');
}

export function showMeta(show: ShowSummary): string {
  const seasons = show.seasonCount > 1 ? `${plural(show.seasonCount, 'season')} · ` : '';
  return `${seasons}${plural(show.episodeCount, 'episode')}`;
}

export function albumMeta(album: AlbumSummary): [string, string] {
  return [album.artist ?? 'Unknown artist', [album.year, plural(album.trackCount, 'track')].filter(Boolean).join(' · ')];
}

export function artistMeta(artist: ArtistSummary): string {
  return `${plural(artist.albumCount, 'album')} · ${plural(artist.trackCount, 'track')}`;
}
