import type { Episode, Show } from '../../../api';

/**
 * The episode to play next in a show: the first unwatched one after the last watched one, in season and
 * episode order. Specials (season 0) sit outside that order and are skipped. Null when nothing has been
 * watched yet or everything after the last watched episode has been.
 */
export function upNext(show: Pick<Show, 'seasons'>): Episode | null {
  const episodes = show.seasons
    .filter((s) => s.season > 0)
    .flatMap((s) => s.episodes)
    .sort((a, b) => a.season - b.season || a.episode - b.episode);
  let last = -1;
  episodes.forEach((e, i) => {
    if (e.watched) last = i;
  });
  if (last < 0) return null;
  return episodes.slice(last + 1).find((e) => !e.watched) ?? null;
}
