import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HomeShelves } from '../../api';
import { ApiError } from '../../api';
import { makeAlbum, makeEpisode, makeLibrary, makeMovie, makeShow } from '../../api/testing';
import { renderScreen } from '../../test-utils';
import { HomeScreen } from './HomeScreen';

const movie = makeMovie({ title: 'Night Train', year: 1998, durationSec: 6000, resumeSec: 3480 });
const other = makeMovie({ title: 'Paper Moon', year: 1973 });
const episode = makeEpisode({ season: 1, episode: 3, title: 'The Pier', durationSec: 1500, resumeSec: 300 });
const show = makeShow({ title: 'Harbour Lights', seasons: [{ season: 1, episodes: [makeEpisode(), episode] }] });
const album = makeAlbum({ title: 'Coastal', artist: 'The Glass Wings', year: 2021 });

function watchedLibrary() {
  return makeLibrary({ movies: [movie, other], shows: [show], albums: [album], continueWatching: [movie.id, episode.id] });
}

function shelf(name: string) {
  return screen.getByRole('region', { name });
}

describe('HomeScreen', () => {
  it('shows Continue watching with progress and "S1 · E3" under the show, then the three Recently added shelves', async () => {
    renderScreen(<HomeScreen />, { library: watchedLibrary() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    await screen.findByRole('region', { name: 'Continue watching' });
    const shelves = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(shelves).toEqual(['Continue watching', 'Recently added movies', 'Recently added episodes', 'Recently added albums']);
    const resume = within(shelf('Continue watching')).getByRole('button', { name: 'Resume Harbour Lights, season 1, episode 3' });
    expect(resume.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(resume.getAttribute('aria-describedby')!)?.textContent).toBe('20 min left');
    const details = within(shelf('Continue watching')).getByRole('link', { name: /Harbour Lights.*S1 · E3 · The Pier/ });
    expect(details.getAttribute('href')).toBe(`#/item/${episode.id}`);
    expect(shelf('Continue watching').querySelectorAll('.home-progress')).toHaveLength(2);
    expect(within(shelf('Recently added albums')).getByRole('link', { name: /Coastal.*The Glass Wings · 2021/ }).getAttribute('href')).toBe(`#/album/${album.id}`);
  });

  it('resumes on Enter and on a click, and leaves Space to the player', async () => {
    const user = userEvent.setup();
    const { playback } = renderScreen(<HomeScreen />, { library: watchedLibrary() });
    const first = await screen.findByRole('button', { name: 'Resume Night Train' });
    await user.tab();
    expect(document.activeElement).toBe(first);
    await user.keyboard(' ');
    expect(playback.playItem).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(playback.playItem).toHaveBeenCalledWith(movie.id);
    await user.click(screen.getByRole('button', { name: /Resume Harbour Lights/ }));
    expect(playback.playItem).toHaveBeenLastCalledWith(episode.id);
  });

  it('has one tab stop per shelf: Left/Right/Home/End move within it, Up/Down between shelves to the card each last had', async () => {
    const user = userEvent.setup();
    renderScreen(<HomeScreen />, { library: watchedLibrary() });
    await screen.findByRole('region', { name: 'Continue watching' });
    const stops = [...document.querySelectorAll('[data-roving][tabindex="0"]')];
    expect(stops).toHaveLength(4);
    await user.tab();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Resume Harbour Lights, season 1, episode 3');
    await user.keyboard('{ArrowRight}{Home}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Resume Night Train');
    await user.keyboard('{End}{ArrowDown}');
    expect(document.activeElement).toBe(within(shelf('Recently added movies')).getByRole('link', { name: /Night Train/ }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.textContent).toContain('Paper Moon');
    await user.keyboard('{ArrowDown}{ArrowUp}');
    expect(document.activeElement?.textContent).toContain('Paper Moon');
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Resume Harbour Lights, season 1, episode 3');
  });

  it('plays the episode Up next offers', async () => {
    const user = userEvent.setup();
    const next = makeEpisode({ season: 2, episode: 1, title: 'Low Water' });
    const home: HomeShelves = {
      continueWatching: [],
      upNext: [{ kind: 'episode', episode: next, show: { id: show.id, title: 'Harbour Lights', thumbUrl: null } }],
      recentlyAdded: { movies: [], episodes: [], albums: [] },
    };
    const { playback } = renderScreen(<HomeScreen />, {}, { 'library.home': () => home });
    await user.click(await screen.findByRole('button', { name: 'Play Harbour Lights, season 2, episode 1' }));
    expect(playback.playItem).toHaveBeenCalledWith(next.id);
    expect(screen.getByText('S2 · E1 · Low Water')).toBeTruthy();
  });

  it('asks a new user with no folders to add one', async () => {
    renderScreen(<HomeScreen />, { library: makeLibrary({ folders: [], movies: [], shows: [], albums: [] }) });
    const add = await screen.findByRole('link', { name: 'Add your first folder' });
    expect(add.getAttribute('href')).toBe('#/settings/library');
    expect(screen.queryByText(/Nothing in progress/)).toBeNull();
  });

  it('with folders but nothing started, says so calmly and shows what was added', async () => {
    renderScreen(<HomeScreen />, { library: makeLibrary() });
    expect(await screen.findByText(/Nothing in progress yet/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Recently added movies' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Add your first folder' })).toBeNull();
  });

  it('with folders that hold nothing playable yet, says a scan may still be running', async () => {
    renderScreen(<HomeScreen />, { library: makeLibrary({ movies: [], shows: [], albums: [] }) });
    expect(await screen.findByRole('heading', { name: 'Nothing to show yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Check your folders' }).getAttribute('href')).toBe('#/settings/library');
  });

  it('shows skeleton shelves while loading', () => {
    const { container } = renderScreen(<HomeScreen />, {}, { 'library.home': () => new Promise<never>(() => undefined) });
    expect(screen.getByRole('status').textContent).toBe('Loading Home…');
    expect(container.querySelectorAll('.home-skeleton-box').length).toBeGreaterThan(0);
  });

  it('says what failed and loads again on Retry', async () => {
    const user = userEvent.setup();
    let fail = true;
    const lib = watchedLibrary();
    renderScreen(<HomeScreen />, { library: lib }, {
      'library.home': () => {
        if (fail) throw new ApiError('internal', 'The index is busy.');
        return { continueWatching: [], upNext: [], recentlyAdded: { movies: [{ kind: 'movie', movie: { ...other, thumbUrl: null } }], episodes: [], albums: [] } };
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('The index is busy.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'Recently added movies' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows hostile titles as text, clamped, with the whole name in the tooltip', async () => {
    const titles = ['<img src=x onerror=alert(1)>', '\u202Egnp.exe', 'L'.repeat(500)];
    const { container } = renderScreen(<HomeScreen />, { library: makeLibrary({ movies: titles.map((title) => makeMovie({ title })), shows: [], albums: [] }) });
    const link = await screen.findByRole('link', { name: /<img src=x onerror=alert\(1\)>/ });
    expect(link.getAttribute('title')).toContain(titles[0]);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('link', { name: new RegExp('L{500}') }).getAttribute('title')).toContain(titles[2]);
  });
});
