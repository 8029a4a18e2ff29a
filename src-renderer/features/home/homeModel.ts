import type { AlbumSummary, HomeShelves, ShelfEntry, ThumbUrl } from '../../api';
import { formatRoute } from '../../app';
import { formatRemaining } from '../../ui';

/** One card on a shelf, whatever it shows. */
export interface Card {
  /** The item's id: focus is kept by it, so a refetch never moves the user. */
  key: string;
  /** The name in large type: a movie's or album's title, an episode's show. */
  title: string;
  /** The line under it: "1998", "S1 · E3 · The Pier · 42 min left", "The Glass Wings · 2021". */
  meta: string;
  /** The item page (or album page) the card links to. */
  href: string;
  thumbUrl: ThumbUrl | null;
  shape: 'poster' | 'square';
  /** What Enter plays on a Continue watching or Up next card, with the words the button says. */
  play: { itemId: string; label: string } | null;
  /** How far in (0–1) and the words for it, for items with a resume point. */
  progress: { fraction: number; text: string } | null;
}

export interface ShelfModel {
  id: 'continue' | 'upnext' | 'movies' | 'episodes' | 'albums';
  title: string;
  cards: Card[];
}

function progressOf(resumeSec: number | null, durationSec: number | null): Card['progress'] {
  if (resumeSec === null || resumeSec <= 0 || !durationSec) return null;
  const fraction = Math.min(1, resumeSec / durationSec);
  return { fraction, text: formatRemaining(durationSec - resumeSec) };
}

/** "S1 · E3" on the card, "season 1, episode 3" where it is spoken. */
function episodeCodes(e: { season: number; episode: number }) {
  return { shown: `S${e.season} · E${e.episode}`, spoken: `season ${e.season}, episode ${e.episode}` };
}

/** A movie or episode as a card; `verb` makes it a card that plays ("Resume", "Play"), or a link card without. */
export function entryCard(entry: ShelfEntry, verb: 'Resume' | 'Play' | null): Card {
  const item = entry.kind === 'movie' ? entry.movie : entry.episode;
  const progress = verb === 'Resume' ? progressOf(item.resumeSec, item.durationSec) : null;
  const href = formatRoute({ screen: 'item', id: item.id });
  if (entry.kind === 'movie') {
    const { movie } = entry;
    const meta = [movie.year !== null ? String(movie.year) : 'Movie', progress?.text].filter(Boolean).join(' · ');
    return { key: movie.id, title: movie.title, meta, href, thumbUrl: movie.thumbUrl, shape: 'poster', progress, play: verb ? { itemId: movie.id, label: `${verb} ${movie.title}` } : null };
  }
  const { episode, show } = entry;
  const codes = episodeCodes(episode);
  const meta = [codes.shown, episode.title, progress?.text].filter(Boolean).join(' · ');
  const play = verb ? { itemId: episode.id, label: `${verb} ${show.title}, ${codes.spoken}` } : null;
  return { key: episode.id, title: show.title, meta, href, thumbUrl: show.thumbUrl, shape: 'poster', progress, play };
}

export function albumCard(album: AlbumSummary): Card {
  const meta = [album.artist ?? 'Unknown artist', album.year !== null ? String(album.year) : null].filter(Boolean).join(' · ');
  return { key: album.id, title: album.title, meta, href: formatRoute({ screen: 'album', id: album.id }), thumbUrl: album.thumbUrl, shape: 'square', progress: null, play: null };
}

/** Home's shelves in order, empty ones included (the screen decides what an empty shelf means). */
export function shelvesOf(home: HomeShelves): ShelfModel[] {
  return [
    { id: 'continue', title: 'Continue watching', cards: home.continueWatching.map((e) => entryCard(e, 'Resume')) },
    { id: 'upnext', title: 'Up next', cards: home.upNext.map((e) => entryCard(e, 'Play')) },
    { id: 'movies', title: 'Recently added movies', cards: home.recentlyAdded.movies.map((e) => entryCard(e, null)) },
    { id: 'episodes', title: 'Recently added episodes', cards: home.recentlyAdded.episodes.map((e) => entryCard(e, null)) },
    { id: 'albums', title: 'Recently added albums', cards: home.recentlyAdded.albums.map(albumCard) },
  ];
}

/** The items Home shows, so a watched mark or resume point on one of them refetches it. */
export function homeItemIds(home: HomeShelves): string[] {
  const entries = [...home.continueWatching, ...home.upNext, ...home.recentlyAdded.movies, ...home.recentlyAdded.episodes];
  return [...entries.map((e) => (e.kind === 'movie' ? e.movie.id : e.episode.id)), ...home.recentlyAdded.albums.map((a) => a.id)];
}
