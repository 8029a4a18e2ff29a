import type { Episode, Show } from '../../../api';

/** What the show's main button plays: the episode, and whether it picks up where it was left. */
export interface ShowNext {
  episode: Episode;
  resume: boolean;
  /** Everything has been watched: the button starts the show again. */
  again: boolean;
}

function inOrder(show: Pick<Show, 'seasons'>): Episode[] {
  const all = show.seasons.flatMap((s) => s.episodes).sort((a, b) => a.season - b.season || a.episode - b.episode);
  // Specials sit outside the story's order; a show of nothing but specials still has something to play.
  const story = all.filter((e) => e.season > 0);
  return story.length > 0 ? story : all;
}

/**
 * The episode to go on with: the first one not watched after the last watched one (so a rewatched pilot
 * does not send you back to it), else the first not watched at all, else the first episode again.
 */
export function showNext(show: Pick<Show, 'seasons'>): ShowNext | null {
  const episodes = inOrder(show);
  if (episodes.length === 0) return null;
  let last = -1;
  episodes.forEach((e, i) => {
    if (e.watched) last = i;
  });
  const next = episodes.slice(last + 1).find((e) => !e.watched) ?? episodes.find((e) => !e.watched);
  if (!next) return { episode: episodes[0]!, resume: false, again: true };
  return { episode: next, resume: next.resumeSec !== null && next.resumeSec > 0, again: false };
}

/** Every episode's id, for the page's refetch on a watched mark. */
export function episodeIds(show: Pick<Show, 'seasons'>): string[] {
  return show.seasons.flatMap((s) => s.episodes.map((e) => e.id));
}
