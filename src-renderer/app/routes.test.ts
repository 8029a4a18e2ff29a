import { describe, expect, it } from 'vitest';
import { formatRoute, parentOf, parseRoute, type Route } from './routes';

const ID = 'AbCdEfGhIjKlMnOpQrStUv';

describe('routes', () => {
  const every: Route[] = [
    { screen: 'home' },
    { screen: 'movies', sort: 'title', dir: 'asc', filters: {} },
    { screen: 'movies', sort: 'year', dir: 'desc', filters: { unwatched: true, resolution: 'fhd', decade: 1990 } },
    { screen: 'movies', sort: 'title', dir: 'asc', filters: { genre: 'Science Fiction & Fantasy' } },
    { screen: 'movies', sort: 'added', dir: 'asc', filters: { decade: 1970, genre: '<img src=x onerror=alert(1)>?#/&=%' } },
    { screen: 'shows', sort: 'added', dir: 'desc' },
    { screen: 'music', tab: 'albums', sort: 'title', dir: 'asc' },
    { screen: 'show', id: ID },
    { screen: 'artist', id: ID },
    { screen: 'album', id: ID },
    { screen: 'item', id: ID },
    { screen: 'search', query: 'night train & co/2' },
    { screen: 'settings', tab: 'appearance' },
    { screen: 'privacy', tab: 'queue' },
  ];

  it('reads back every route it writes', () => {
    for (const route of every) expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('keeps addresses short by leaving defaults out', () => {
    expect(formatRoute({ screen: 'movies', sort: 'title', dir: 'asc', filters: {} })).toBe('#/movies');
    expect(formatRoute({ screen: 'home' })).toBe('#/');
  });

  it('reads anything malformed or hostile as Home or as the default of the one bad part', () => {
    for (const hash of ['', '#', '#/nowhere', `#/item/${ID}/extra`, '#/item/../../etc/passwd', '#/album/<script>', '#/show/%E0%A4%A']) {
      expect(parseRoute(hash)).toEqual({ screen: 'home' });
    }
    expect(parseRoute('#/movies?sort=rowid;drop&dir=sideways&decade=1995&res=8k')).toEqual({ screen: 'movies', sort: 'title', dir: 'asc', filters: {} });
    expect(parseRoute(`#/search?q=${'x'.repeat(5000)}`)).toEqual({ screen: 'search', query: 'x'.repeat(200) });
  });

  it('reads a genre from the address only when the contract would take it', () => {
    const genre = (query: string) => {
      const route = parseRoute(`#/movies?${query}`);
      return route.screen === 'movies' ? route.filters.genre : 'not movies';
    };
    expect(genre('genre=Film-Noir')).toBe('Film-Noir');
    expect(genre('genre=Science%20Fiction')).toBe('Science Fiction');
    for (const query of ['genre=', `genre=${'x'.repeat(41)}`, 'genre=%20Drama', 'genre=Dra%00ma', 'genre=Dra%1Bma']) {
      expect(genre(query), query).toBeUndefined();
    }
  });

  it('knows the screen above each page', () => {
    expect(parentOf({ screen: 'album', id: ID })).toMatchObject({ screen: 'music', tab: 'albums' });
    expect(parentOf({ screen: 'show', id: ID })).toMatchObject({ screen: 'shows' });
    expect(parentOf({ screen: 'home' })).toBeNull();
  });
});
