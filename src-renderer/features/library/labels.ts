import type { Episode, FolderKind, Movie } from '../../api';
import { formatDuration } from '../../ui';

export const KIND_LABEL: Record<FolderKind, string> = { movies: 'Movies', shows: 'Shows', music: 'Music', mixed: 'Mixed' };

/** "Play Night Train (1998)", or "Play Night Train" without a year. */
export function movieLabel(movie: Pick<Movie, 'title' | 'year'>): string {
  return movie.year != null ? `Play ${movie.title} (${movie.year})` : `Play ${movie.title}`;
}

/** "S01E02". */
export function episodeCode(e: Pick<Episode, 'season' | 'episode'>): string {
  return `S${String(e.season).padStart(2, '0')}E${String(e.episode).padStart(2, '0')}`;
}

/** A stable hue for a title's placeholder art (the title is only hashed, never rendered as markup). */
export function hueOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return Math.abs(h) % 360;
}

/** The first letters of up to two words, for placeholder art. */
export function initialsOf(text: string): string {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words
    .slice(0, 2)
    .map((w) => [...w.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '')
    .join('')
    .toUpperCase();
}

/** Where a movie or episode stands: the bar's fill (0–1) and the words for `aria-describedby`. */
export function progressOf(item: { resumeSec: number | null; durationSec: number | null; watched: boolean }): { fraction: number | null; text: string | null } {
  const resume = item.resumeSec !== null && item.resumeSec > 0 ? item.resumeSec : null;
  const fraction = resume !== null && item.durationSec ? Math.min(1, Math.max(0, resume / item.durationSec)) : null;
  const left = resume !== null && item.durationSec ? formatDuration(Math.max(0, item.durationSec - resume)) : null;
  const parts = [item.watched ? 'Watched' : null, resume !== null ? (left ? `Resumes at ${formatDuration(resume)}, ${left} left` : `Resumes at ${formatDuration(resume)}`) : null];
  const text = parts.filter(Boolean).join('. ');
  return { fraction, text: text || null };
}
