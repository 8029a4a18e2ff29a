import { act } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { navigate, parseRoute, useRoute } from '../../app';
import { makeMovie } from '../../api/testing';
import type { Movie } from '../../api';
import { forgetGridPlaces } from '../../ui/gridMemory';
import { mockGridLayout } from '../../ui/layoutForTests';
import { MoviesScreen } from './MoviesScreen';
import { MusicScreen } from './MusicScreen';
import { ShowsScreen } from './ShowsScreen';

/** The section screens as the shell switches them, by the address; any other screen is a stand-in. */
export function Sections() {
  const route = useRoute();
  if (route.screen === 'movies') return <MoviesScreen route={route} />;
  if (route.screen === 'shows') return <ShowsScreen route={route} />;
  if (route.screen === 'music') return <MusicScreen route={route} />;
  return <p>Elsewhere: {route.screen}</p>;
}

/** Each test starts at `hash` with a 1000 × 800 layout and no remembered grid places. */
export function setUpSectionTests(hash: string) {
  let undo = () => {};
  beforeEach(() => {
    undo = mockGridLayout({ width: 1000, height: 800 });
    forgetGridPlaces();
    window.history.replaceState(null, '', hash);
  });
  afterEach(() => undo());
}

export function go(hash: string) {
  act(() => navigate(parseRoute(hash)));
}

/** `n` movies titled "Movie 0000"…, in that order. */
export function manyMovies(n: number): Movie[] {
  return Array.from({ length: n }, (_, i) => makeMovie({ title: `Movie ${String(i).padStart(4, '0')}`, year: 1950 + (i % 70) }));
}
