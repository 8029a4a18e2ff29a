import type { LibraryDetail } from '../../../api';

/** The episode after the one playing, as the Up next card names it. */
export interface NextEpisode {
  id: string;
  /** "S1 · E3 The Pier" (or "S1 · E3" for an untitled episode). */
  label: string;
}

/** What the library knows of a movie or episode beyond its session: shown in the player and its info panel. */
export interface ItemDetails {
  kind: 'movie' | 'episode';
  /** The movie's title, or the episode's ("Episode 2" when it has none). */
  title: string;
  /** Where an episode sits: "Harbour Lights · S1 · E2"; a movie's year; null when there is nothing to say. */
  context: string | null;
  durationSec: number | null;
  /** Plain text from an nfo; never markup. */
  plot: string | null;
  /** Codes of the subtitle files beside it (`en`, `pt-BR`). */
  subtitleLanguages: readonly string[];
  /** The picture's shape, so the stage has its size before the first frame (and keeps it across a reopen). */
  width: number | null;
  height: number | null;
  /** Where it was left last time, when that is worth resuming. */
  resumeSec: number | null;
  /** The episode after this one in its show; null for a movie and at the end of a show. */
  next: NextEpisode | null;
}

/** "S1 · E3" and the title where there is one. */
export function episodeLabel(e: { season: number; episode: number; title: string | null }): string {
  const place = `S${e.season} · E${e.episode}`;
  return e.title ? `${place} ${e.title}` : place;
}

/** The player's details of a movie or an episode detail; null for anything else (a track plays in the bar). */
export function detailsFromLibrary(detail: LibraryDetail): ItemDetails | null {
  if (detail.kind === 'movie') {
    const m = detail.movie;
    return { kind: 'movie', title: m.title, context: m.year ? String(m.year) : null, ...facts(m), plot: m.plot?.trim() || null, subtitleLanguages: m.subtitleLanguages, next: null };
  }
  if (detail.kind !== 'episode') return null;
  const e = detail.episode;
  return {
    kind: 'episode',
    title: e.title ?? `Episode ${e.episode}`,
    context: `${detail.show.title} · S${e.season} · E${e.episode}`,
    ...facts(e),
    plot: e.plot?.trim() || null,
    subtitleLanguages: e.subtitleLanguages,
    next: detail.next ? { id: detail.next.id, label: episodeLabel(detail.next) } : null,
  };
}

function facts(item: { durationSec: number | null; width: number | null; height: number | null; resumeSec: number | null }) {
  return { durationSec: item.durationSec, width: item.width, height: item.height, resumeSec: item.resumeSec };
}
