import type { Extra, ExtraType, LibrarySnapshot, Movie } from '../../contract/index.js';
import type { ReadableDB } from './db.js';
import type { ItemRow } from './item-rows.js';
import { movieDirOf } from '../names/movie-names.js';
import { titleKey } from '../names/name-text.js';
import { extraOwnerDir } from '../names/media-name.js';

/**
 * Where extras and the parts of split movies go in the snapshot (migration 005). Both are `movie` rows in
 * the index; here extras leave the movie list for their owner's `extras`, and the parts of one movie
 * become one entry (the lowest part's id, durations summed). Ownership is worked out at read time, so it
 * does not depend on the order in which a scan indexed the files.
 */

/** Extras are selected by a non-null `extra_type`, parts by a non-null `part_group`. */
export type ExtraRow = Pick<ItemRow, 'id' | 'folder_id' | 'rel_path' | 'title' | 'extra_owner' | 'duration_sec'> & { extra_type: ExtraType };
type PartRow = Pick<ItemRow, 'id' | 'folder_id' | 'duration_sec'> & { part_group: string };

export interface MovieRef {
  id: string;
  folderId: string;
  dir: string;
  key: string;
}

/** A movie as `ownerMovie` compares it with an extra's path and owner title. */
export function toMovieRef(m: Pick<ItemRow, 'id' | 'folder_id' | 'rel_path' | 'title'>): MovieRef {
  return { id: m.id, folderId: m.folder_id, dir: movieDirOf(m.rel_path), key: titleKey(m.title) };
}

/** An extra as the DTOs list it. */
export function toExtra(e: ExtraRow): Extra {
  return { id: e.id, title: e.title, type: e.extra_type, durationSec: e.duration_sec };
}

/** Extras by title, the order every listing shows them in. */
export const byExtraTitle = (a: Extra, b: Extra): number => a.title.localeCompare(b.title, 'en', { numeric: true });

/** Joined parts: the lead part's id → how many parts and their total duration. */
function joinParts(parts: PartRow[]): { leads: Map<string, { count: number; durationSec: number | null }>; followers: Set<string> } {
  const leads = new Map<string, { count: number; durationSec: number | null }>();
  const followers = new Set<string>();
  let lead: { count: number; durationSec: number | null } | null = null;
  let groupKey = '';
  for (const p of parts) {
    const key = `${p.folder_id}\u0000${p.part_group}`;
    if (lead === null || key !== groupKey) {
      groupKey = key;
      lead = { count: 1, durationSec: p.duration_sec };
      leads.set(p.id, lead);
      continue;
    }
    followers.add(p.id);
    lead.count++;
    // An unknown duration makes the total unknown rather than wrong.
    lead.durationSec = lead.durationSec === null || p.duration_sec === null ? null : lead.durationSec + p.duration_sec;
  }
  return { leads, followers };
}

/** The movie an extra belongs to: by the owner's title (nearest folder first), else the one movie in the owner's folder. */
export function ownerMovie(extra: ExtraRow, movies: MovieRef[]): string | null {
  const dir = extraOwnerDir(extra.rel_path);
  const inFolder = movies.filter((m) => m.folderId === extra.folder_id);
  const key = extra.extra_owner ? titleKey(extra.extra_owner) : null;
  const byTitle = key ? inFolder.filter((m) => m.key === key) : [];
  if (byTitle.length > 0) return (byTitle.find((m) => m.dir === dir) ?? byTitle[0]!).id;
  const byDir = dir === '' ? [] : inFolder.filter((m) => m.dir === dir);
  return byDir.length === 1 ? byDir[0]!.id : null;
}

/** Moves extras under their movie or show and joins the parts of split movies; see the module comment. */
export function placeExtrasAndParts(db: ReadableDB, snapshot: LibrarySnapshot): LibrarySnapshot {
  const extras = db
    .prepare('SELECT id, folder_id, rel_path, title, extra_type, extra_owner, duration_sec FROM items WHERE extra_type IS NOT NULL')
    .all() as ExtraRow[];
  const parts = db
    .prepare('SELECT id, folder_id, part_group, duration_sec FROM items WHERE part_group IS NOT NULL ORDER BY folder_id, part_group, part, rel_path')
    .all() as PartRow[];
  if (extras.length === 0 && parts.length === 0) return snapshot;

  const { leads, followers } = joinParts(parts);
  const hidden = new Set([...followers, ...extras.map((e) => e.id)]);
  const movies: Movie[] = [];
  for (const movie of snapshot.movies) {
    if (hidden.has(movie.id)) continue;
    const lead = leads.get(movie.id);
    movies.push(lead ? { ...movie, parts: lead.count, durationSec: lead.durationSec } : movie);
  }

  const movieExtras = new Map<string, Extra[]>();
  const showExtras = new Map<string, Extra[]>();
  if (extras.length > 0) {
    const refs = (db.prepare("SELECT id, folder_id, rel_path, title FROM items WHERE kind = 'movie' AND extra_type IS NULL").all() as Pick<ItemRow, 'id' | 'folder_id' | 'rel_path' | 'title'>[])
      .filter((m) => !followers.has(m.id))
      .map(toMovieRef);
    const showsByKey = new Map(snapshot.shows.map((s) => [titleKey(s.title), s.id]));
    for (const e of extras) {
      const extra = toExtra(e);
      const movieId = ownerMovie(e, refs);
      const showId = movieId === null && e.extra_owner ? showsByKey.get(titleKey(e.extra_owner)) : undefined;
      const target = movieId !== null ? movieExtras : showExtras;
      const ownerId = movieId ?? showId;
      if (ownerId === undefined) continue; // an extra whose owner is not in the library is not listed
      target.set(ownerId, [...(target.get(ownerId) ?? []), extra]);
    }
  }
  return {
    ...snapshot,
    movies: movies.map((m) => (movieExtras.has(m.id) ? { ...m, extras: movieExtras.get(m.id)!.sort(byExtraTitle) } : m)),
    shows: snapshot.shows.map((s) => (showExtras.has(s.id) ? { ...s, extras: showExtras.get(s.id)!.sort(byExtraTitle) } : s)),
    continueWatching: snapshot.continueWatching.filter((id) => !hidden.has(id)),
  };
}
