import type { SearchHit } from '../../api';
import type { Route } from '../../app';

export type HitKind = SearchHit['kind'];

/** The order groups appear in, and their headings. */
export const KIND_ORDER: readonly HitKind[] = ['movie', 'show', 'episode', 'album', 'track', 'artist'];
export const KIND_HEADING: Record<HitKind, string> = { movie: 'Movies', show: 'Shows', episode: 'Episodes', album: 'Albums', track: 'Tracks', artist: 'Artists' };
export const KIND_NAME: Record<HitKind, string> = { movie: 'Movie', show: 'Show', episode: 'Episode', album: 'Album', track: 'Track', artist: 'Artist' };

/** The page a hit opens: a movie, episode or track its item page, a show, album or artist its own. */
export function routeOfHit(hit: Pick<SearchHit, 'kind' | 'id'>): Route {
  switch (hit.kind) {
    case 'show':
      return { screen: 'show', id: hit.id };
    case 'album':
      return { screen: 'album', id: hit.id };
    case 'artist':
      return { screen: 'artist', id: hit.id };
    default:
      return { screen: 'item', id: hit.id };
  }
}

/** A key unique across kinds (an artist's id is opaque like the rest, but is not promised distinct from an album's). */
export function hitKey(hit: Pick<SearchHit, 'kind' | 'id'>): string {
  return `${hit.kind}:${hit.id}`;
}

/** Hits by kind, in `KIND_ORDER`, keeping main's ranking inside each kind; empty kinds are left out. */
export function groupHits(hits: readonly SearchHit[]): Array<{ kind: HitKind; hits: SearchHit[] }> {
  return KIND_ORDER.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) })).filter((g) => g.hits.length > 0);
}

/** Folds case and accents the way the index does, so "beyonce" marks "Beyoncé". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** How many characters of `word` (as typed in the title) a folded prefix `q` covers, or 0 when it is not a prefix. */
function coveredPrefix(word: string, q: string): number {
  if (!fold(word).startsWith(q)) return 0;
  let folded = '';
  let length = 0;
  for (const ch of word) {
    if (folded.length >= q.length) break;
    folded += fold(ch);
    length += ch.length;
  }
  return length;
}

export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * A title split into the parts the query's words begin (marked) and the rest, to highlight as text: the
 * index matches word prefixes, so that is what is marked. A typo match marks nothing, which is honest.
 */
export function highlightParts(text: string, query: string): TextPart[] {
  const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return [{ text, match: false }];
  const parts: TextPart[] = [];
  for (const piece of text.split(/([\p{L}\p{N}]+)/u)) {
    if (piece === '') continue;
    const covered = Math.max(0, ...words.map((w) => coveredPrefix(piece, w)));
    if (covered > 0) parts.push({ text: piece.slice(0, covered), match: true });
    if (covered < piece.length) parts.push({ text: piece.slice(covered), match: false });
  }
  return parts;
}
