import type { GroupSort, MovieFilters, MovieSort, ResolutionClass, SortDirection } from '../api';

/**
 * Every screen has an address in the URL's hash, so Back, Forward and reload work in both hosts. The hash
 * is user-editable input: `parseRoute` accepts only the shapes below (ids of the item-id form, known enums,
 * bounded numbers) and reads anything else as Home.
 *
 *   #/                      Home
 *   #/movies?sort=year&dir=desc&unwatched=1&res=fhd&decade=1990&genre=Science%20Fiction
 *   #/shows?sort=added      #/show/<id>
 *   #/music/artists         #/music/albums?sort=added     #/artist/<id>    #/album/<id>
 *   #/item/<id>             a movie, an episode or a track
 *   #/search?q=<text>       #/settings/<tab>              #/privacy/<tab>
 */

export type MusicTab = 'artists' | 'albums';
export type SettingsTab = 'library' | 'playback' | 'privacy' | 'shortcuts' | 'appearance';

export type Route =
  | { screen: 'home' }
  | { screen: 'movies'; sort: MovieSort; dir: SortDirection; filters: MovieFilters }
  | { screen: 'shows'; sort: GroupSort; dir: SortDirection }
  | { screen: 'music'; tab: MusicTab; sort: GroupSort; dir: SortDirection }
  | { screen: 'show'; id: string }
  | { screen: 'artist'; id: string }
  | { screen: 'album'; id: string }
  | { screen: 'item'; id: string }
  | { screen: 'search'; query: string }
  | { screen: 'settings'; tab: SettingsTab }
  | { screen: 'privacy'; tab: string | null };

export type ScreenName = Route['screen'];

const ID = /^[A-Za-z0-9_-]{22}$/;
const MOVIE_SORTS: readonly MovieSort[] = ['title', 'year', 'added', 'duration'];
const GROUP_SORTS: readonly GroupSort[] = ['title', 'added'];
const RESOLUTIONS: readonly ResolutionClass[] = ['sd', 'hd', 'fhd', 'uhd'];
const SETTINGS_TABS: readonly SettingsTab[] = ['library', 'playback', 'privacy', 'shortcuts', 'appearance'];
const PRIVACY_TAB = /^[a-z-]{1,24}$/;
const MAX_QUERY = 200;
/** The contract's bound on a genre (`Genre`); the reader never stores control characters in one. */
const MAX_GENRE = 40;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const HOME: Route = { screen: 'home' };

function oneOf<T extends string>(options: readonly T[], value: string | null, fallback: T): T {
  return options.find((o) => o === value) ?? fallback;
}

function direction(value: string | null): SortDirection {
  return value === 'desc' ? 'desc' : 'asc';
}

function movieFilters(q: URLSearchParams): MovieFilters {
  const filters: MovieFilters = {};
  if (q.get('unwatched') === '1') filters.unwatched = true;
  const res = RESOLUTIONS.find((r) => r === q.get('res'));
  if (res) filters.resolution = res;
  const decade = Number(q.get('decade'));
  if (Number.isInteger(decade) && decade >= 1800 && decade <= 2200 && decade % 10 === 0) filters.decade = decade;
  const genre = q.get('genre');
  if (genre && genre.length <= MAX_GENRE && genre.trim() === genre && !CONTROL.test(genre)) filters.genre = genre;
  return filters;
}

/** The route a hash names; anything malformed is Home. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const q = new URLSearchParams(query);
  const [head = '', arg = null, ...rest] = path.split('/').map(safeDecode);
  if (rest.length > 0) return HOME;
  switch (head) {
    case '':
      return HOME;
    case 'movies':
      return { screen: 'movies', sort: oneOf(MOVIE_SORTS, q.get('sort'), 'title'), dir: direction(q.get('dir')), filters: movieFilters(q) };
    case 'shows':
      return { screen: 'shows', sort: oneOf(GROUP_SORTS, q.get('sort'), 'title'), dir: direction(q.get('dir')) };
    case 'music':
      return { screen: 'music', tab: arg === 'albums' ? 'albums' : 'artists', sort: oneOf(GROUP_SORTS, q.get('sort'), 'title'), dir: direction(q.get('dir')) };
    case 'show':
    case 'artist':
    case 'album':
    case 'item':
      return arg !== null && ID.test(arg) ? { screen: head, id: arg } : HOME;
    case 'search':
      return { screen: 'search', query: (q.get('q') ?? '').slice(0, MAX_QUERY) };
    case 'settings':
      return { screen: 'settings', tab: oneOf(SETTINGS_TABS, arg, 'library') };
    case 'privacy':
      return { screen: 'privacy', tab: arg !== null && PRIVACY_TAB.test(arg) ? arg : null };
    default:
      return HOME;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}

function withQuery(path: string, params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== false) q.set(key, value === true ? '1' : String(value));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The hash of a route (`#/…`): what links and `navigate` use. Defaults are left out, so addresses stay short. */
export function formatRoute(route: Route): string {
  return `#/${routePath(route)}`;
}

function sortParams(sort: string, defaultSort: string, dir: SortDirection) {
  return { sort: sort === defaultSort ? undefined : sort, dir: dir === 'asc' ? undefined : dir };
}

function routePath(route: Route): string {
  switch (route.screen) {
    case 'home':
      return '';
    case 'movies': {
      const { unwatched, resolution, decade, genre } = route.filters;
      return withQuery('movies', { ...sortParams(route.sort, 'title', route.dir), unwatched, res: resolution, decade, genre });
    }
    case 'shows':
      return withQuery('shows', sortParams(route.sort, 'title', route.dir));
    case 'music':
      return withQuery(`music/${route.tab}`, sortParams(route.sort, 'title', route.dir));
    case 'show':
    case 'artist':
    case 'album':
    case 'item':
      return `${route.screen}/${route.id}`;
    case 'search':
      return withQuery('search', { q: route.query || undefined });
    case 'settings':
      return `settings/${route.tab}`;
    case 'privacy':
      return route.tab ? `privacy/${route.tab}` : 'privacy';
  }
}

/** The section a screen belongs to, for the sidebar's highlight: an album page is in Music. */
export function sectionOf(route: Route): 'home' | 'movies' | 'shows' | 'music' | 'search' | 'settings' | 'privacy' | null {
  switch (route.screen) {
    case 'show':
      return 'shows';
    case 'artist':
    case 'album':
      return 'music';
    case 'item':
      return null;
    default:
      return route.screen;
  }
}

/** The screen above: a show's page is under Shows, an album's under Music; Home has none. */
export function parentOf(route: Route): Route | null {
  switch (route.screen) {
    case 'home':
      return null;
    case 'show':
      return { screen: 'shows', sort: 'title', dir: 'asc' };
    case 'artist':
      return { screen: 'music', tab: 'artists', sort: 'title', dir: 'asc' };
    case 'album':
      return { screen: 'music', tab: 'albums', sort: 'title', dir: 'asc' };
    default:
      return HOME;
  }
}

/** The route of one screen, for its component's props. */
export type RouteOf<S extends ScreenName> = Extract<Route, { screen: S }>;
