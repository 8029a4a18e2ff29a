import { prepared, type ReadableDB } from './db.js';

/**
 * The order a show is watched in: by season, then episode (season 0, the specials, first, as the show's page
 * lists them). A file of several episodes (`S01E02E03`) is followed by the episode after its last one, and a
 * second file of the same episode is never "next". Each lookup is one seek in `items_show_order`.
 */

/**
 * The episodes (as `n`) of show `show` after `after`, a row value `(season, last episode)`: SQL for a WHERE.
 * The row-value range is over the plain columns, so `items_show_order` serves it.
 */
export const episodesAfter = (show: string, after: string): string =>
  `n.show_id = ${show} AND n.kind = 'episode' AND n.extra_type IS NULL AND (n.season, n.episode) > ${after}`;

/** The watching order of `n`, with the id as the tie-break of two files of one episode. */
export const EPISODE_ORDER = 'n.season, n.episode, n.id';

export interface NextEpisode {
  id: string;
  season: number;
  episode: number;
  title: string | null;
}

type EpisodePlace = { show_id: string | null; season: number | null; episode: number | null; episode_end: number | null };

/** The episode after `current` in its show: next in the season, else the first of the next; null at the end. */
export function nextEpisode(db: ReadableDB, current: EpisodePlace): NextEpisode | null {
  if (current.show_id === null) return null;
  const row = prepared(
    db,
    `SELECT n.id, n.season, n.episode, n.episode_title AS title FROM items n
     WHERE ${episodesAfter('@show', '(@season, @through)')} ORDER BY ${EPISODE_ORDER} LIMIT 1`,
  ).get({ show: current.show_id, season: current.season ?? 0, through: current.episode_end ?? current.episode ?? 0 }) as NextEpisode | undefined;
  return row ?? null;
}
