import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeEpisode, makeLibrary, makeMovie, makeShow } from '../../api/testing';
import { renderScreen } from '../../test-utils';
import { labelInName } from '../../ui/labelInNameForTests';
import { ShowScreen } from './ShowScreen';

// The first render of a file imports the whole screen; on a busy shared machine that can outlast the default 1 s.
configure({ asyncUtilTimeout: 5000 });

const EVIL = '<img src=x onerror=alert(1)>';

function twoSeasons() {
  const s1 = [makeEpisode({ season: 1, episode: 1, title: 'Pilot', watched: true }), makeEpisode({ season: 1, episode: 2, title: 'The Pier', resumeSec: 300, durationSec: 1500 }), makeEpisode({ season: 1, episode: 3, title: null })];
  const s2 = [makeEpisode({ season: 2, episode: 1, title: 'Return' }), makeEpisode({ season: 2, episode: 2, title: 'Storm' })];
  return makeShow({ title: 'Harbour Lights', plot: 'Ships in the night.', seasons: [{ season: 1, episodes: s1 }, { season: 2, episodes: s2 }] });
}

function renderShow(show = twoSeasons(), handlers = {}) {
  return { show, ...renderScreen(<ShowScreen id={show.id} />, { library: makeLibrary({ shows: [show] }) }, handlers) };
}

const episodeRows = (name: string) => within(screen.getByRole('list', { name })).getAllByRole('listitem');
const episodeRowsOf = (list: HTMLElement) => within(list).getAllByRole('link');

/** The facts line under the page's title, as read. */
const metaLine = () => document.querySelector('.dt-meta')?.textContent;

describe('the show page', () => {
  it('names each episode row by the words it shows, in their order (its number drawn like a list marker)', async () => {
    renderShow();
    const links = episodeRowsOf(await screen.findByRole('list', { name: 'Season 1 episodes' }));
    expect(labelInName(links[1]!)).toEqual({ shown: ['the', 'pier', '25', 'min'], inName: ['the', 'pier', '25', 'min'], at: 2 });
    expect(labelInName(links[2]!)).toEqual({ shown: ['episode', '3', '25', 'min'], inName: ['episode', '3', '25', 'min'], at: 0 });
    expect(links[1]!.getAttribute('aria-label')).toBe('Episode 2: The Pier, 25 min');
  });

  it('shows the title, counts, plot, and the season of the next episode as a tab', async () => {
    renderShow();
    expect(await screen.findByRole('heading', { level: 1, name: 'Harbour Lights' })).toBeTruthy();
    expect(metaLine()).toBe('2 seasons · 5 episodes · 4 unwatched');
    expect(screen.getByText('Ships in the night.')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Season 1' }).getAttribute('aria-selected')).toBe('true');
    const rows = episodeRows('Season 1 episodes');
    expect(rows.map((r) => r.querySelector('.dt-row-title')?.textContent)).toEqual(['Pilot', 'The Pier', 'Episode 3']);
    expect(within(rows[0]!).getByTitle('Watched')).toBeTruthy();
    expect(rows[1]!.querySelector('.dt-row-progress')).not.toBeNull();
    expect(within(rows[1]!).getByText('25 min')).toBeTruthy();
  });

  it('resumes the show where it was left, and plays each episode from its own row', async () => {
    const { show, playback } = renderShow();
    const pier = show.seasons[0]!.episodes[1]!;
    fireEvent.click(await screen.findByRole('button', { name: 'Resume S1 · E2' }));
    expect(playback.playItem).toHaveBeenLastCalledWith(pier.id, { fromStart: false });
    const third = show.seasons[0]!.episodes[2]!;
    fireEvent.click(screen.getByRole('button', { name: 'Play S1 · E3: Episode 3' }));
    expect(playback.playItem).toHaveBeenLastCalledWith(third.id, { fromStart: false });
  });

  it('plays the next unwatched episode, or the first again when all are watched', async () => {
    const a = makeEpisode({ episode: 1, watched: true });
    const b = makeEpisode({ episode: 2 });
    renderShow(makeShow({ seasons: [{ season: 1, episodes: [a, b] }] }));
    expect(await screen.findByRole('button', { name: 'Play S1 · E2' })).toBeTruthy();
    const all = makeShow({ title: 'Done', seasons: [{ season: 1, episodes: [makeEpisode({ watched: true })] }] });
    renderScreen(<ShowScreen id={all.id} />, { library: makeLibrary({ shows: [all] }) });
    expect(await screen.findByRole('button', { name: 'Play again from S1 · E1' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mark show unwatched' })).toBeTruthy();
  });

  it('switches seasons with the arrow keys', async () => {
    renderShow();
    const tab = await screen.findByRole('tab', { name: 'Season 1' });
    act(() => tab.focus());
    fireEvent.keyDown(tab, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Season 2' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Season 2' }));
    expect(episodeRows('Season 2 episodes')).toHaveLength(2);
  });

  it('has one tab stop in the episode list; arrows move between rows and to the Play button, Enter opens the page', async () => {
    const { show } = renderShow();
    await screen.findByRole('list', { name: 'Season 1 episodes' });
    const list = screen.getByRole('list', { name: 'Season 1 episodes' });
    const stops = [...list.querySelectorAll('a, button')].filter((el) => (el as HTMLElement).tabIndex === 0);
    expect(stops).toHaveLength(1);
    const [pilot, pier, third] = show.seasons[0]!.episodes;
    const first = within(list).getByRole('link', { name: 'Episode 1: Pilot, 25 min' });
    expect(first.getAttribute('href')).toBe(`#/item/${pilot!.id}`);
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('href')).toBe(`#/item/${pier!.id}`);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(within(list).getByRole('button', { name: 'Play S1 · E2: The Pier' }));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(within(list).getByRole('button', { name: 'Play S1 · E3: Episode 3' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement?.getAttribute('href')).toBe(`#/item/${third!.id}`);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(first);
    expect([...list.querySelectorAll('a, button')].filter((el) => (el as HTMLElement).tabIndex === 0)).toEqual([first]);
  });

  it('never takes Space in the list (it is the player’s)', async () => {
    renderShow();
    const first = await screen.findByRole('link', { name: 'Episode 1: Pilot, 25 min' });
    act(() => first.focus());
    const event = fireEvent.keyDown(first, { key: ' ' });
    expect(event).toBe(true); // not prevented
    expect(document.activeElement).toBe(first);
  });

  it('marks the whole show watched through setWatched, and shows it once the change arrives', async () => {
    const { show, fake } = renderShow();
    fireEvent.click(await screen.findByRole('button', { name: 'Mark show watched' }));
    expect(fake.callsTo('library.setWatched')).toEqual([{ kind: 'show', id: show.id, watched: true }]);
    expect(await screen.findByRole('button', { name: 'Mark show unwatched' })).toBeTruthy();
    await waitFor(() => expect(metaLine()).toBe('2 seasons · 5 episodes'));
  });

  it('renders hostile titles, plots and extras as text', async () => {
    const show = makeShow({ title: EVIL, plot: `<script>${EVIL}</script>`, seasons: [{ season: 1, episodes: [makeEpisode({ title: EVIL })] }], extras: [{ id: makeMovie().id, title: EVIL, type: 'featurette', durationSec: 60 }] });
    const { playback } = renderShow(show);
    expect(await screen.findByRole('heading', { level: 1, name: EVIL })).toBeTruthy();
    expect(screen.getByText(`<script>${EVIL}</script>`)).toBeTruthy();
    expect(screen.getByRole('link', { name: `Episode 1: ${EVIL}, 25 min` })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: `Play ${EVIL} featurette: ${EVIL}, 1:00` }));
    expect(playback.playItem).toHaveBeenCalledWith(show.extras[0]!.id, { fromStart: false });
    expect(document.querySelector('img, script')).toBeNull();
  });

  it('shows a lone season without tabs', async () => {
    renderShow(makeShow());
    expect(await screen.findByRole('heading', { level: 2, name: /Season 1/ })).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(episodeRows('Season 1 episodes')).toHaveLength(2);
  });

  it('says a removed show is not in the library any more', async () => {
    renderScreen(<ShowScreen id={makeShow().id} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'This is not in your library any more' })).toBeTruthy();
  });
});
