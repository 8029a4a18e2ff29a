import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { labelInName } from '../../ui/labelInNameForTests';
import { makeAlbum, makeEpisode, makeLibrary, makeShow, makeTrack } from '../../api/testing';
import { renderScreen } from '../../test-utils';
import { Sections, setUpSectionTests } from './testHarness';

setUpSectionTests('#/shows');

describe('Shows', () => {
  it('lists shows with their episodes and a count of the unwatched ones, sorted through the address', async () => {
    const user = userEvent.setup();
    const watched = makeEpisode({ watched: true });
    const shows = [makeShow({ title: 'Harbour Lights' }), makeShow({ title: 'Seen It All', seasons: [{ season: 1, episodes: [watched] }] })];
    const { fake } = renderScreen(<Sections />, { library: makeLibrary({ shows }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Shows · 2' })).toBeTruthy();
    const card = await screen.findByRole('link', { name: 'Harbour Lights, 2 episodes, 2 unwatched' });
    expect(card.getAttribute('href')).toBe(`#/show/${shows[0]!.id}`);
    // The count over the poster is drawn, so the card's visible words are the start of its name.
    expect(card.querySelector('.artbox-mark-count')?.getAttribute('data-text')).toBe('2');
    const shown = ['harbour', 'lights', '2', 'episodes'];
    expect(labelInName(card)).toEqual({ shown, inName: shown, at: 0 });
    expect(screen.getByRole('link', { name: 'Seen It All, 1 episode, Watched' })).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'Date added');
    expect(window.location.hash).toBe('#/shows?sort=added&dir=desc');
    await waitFor(() => expect(fake.callsTo('library.page').at(-1)).toMatchObject({ section: 'shows', sort: 'added', direction: 'desc' }));
  });

  it('refetches its cards when a watched mark changes, as a show counts its unwatched episodes', async () => {
    const shows = [makeShow()];
    const { fake } = renderScreen(<Sections />, { library: makeLibrary({ shows }) });
    await screen.findByRole('link', { name: /2 unwatched/ });
    const episode = shows[0]!.seasons[0]!.episodes[0]!;
    await fake.client['library.setWatched']({ kind: 'item', id: episode.id, watched: true });
    expect(await screen.findByRole('link', { name: /1 unwatched/ })).toBeTruthy();
  });

  it("refetches no card for an episode's resume point saved as it plays, only when main names the show lists", async () => {
    const shows = [makeShow()];
    const { fake } = renderScreen(<Sections />, { library: makeLibrary({ shows }) });
    await screen.findByRole('link', { name: /2 unwatched/ });
    const pages = fake.callsTo('library.page').length;
    const episode = shows[0]!.seasons[0]!.episodes[0]!;
    await act(async () => fake.emit('onDidChangeLibrary', { scopes: [], items: [episode.id], version: 900 }));
    expect(fake.callsTo('library.page')).toHaveLength(pages);
    fake.state.library = makeLibrary({ shows: [{ ...shows[0]!, seasons: [{ season: 1, episodes: [{ ...episode, watched: true }, shows[0]!.seasons[0]!.episodes[1]!] }] }] });
    await act(async () => fake.emit('onDidChangeLibrary', { scopes: ['shows', 'home'], items: [episode.id], version: 901 }));
    expect(await screen.findByRole('link', { name: /1 unwatched/ })).toBeTruthy();
    expect(fake.callsTo('library.page')).toHaveLength(pages + 1);
  });
});

describe('Music', () => {
  it('has Artists and Albums tabs that are links, and arrows switch between them', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '#/music/artists');
    const albums = [makeAlbum({ title: 'Coastal', artist: 'The Glass Wings' }), makeAlbum({ title: 'Inland', artist: 'The Glass Wings', year: 2023 }), makeAlbum({ title: 'Solo', artist: 'Mara', tracks: [makeTrack()] })];
    renderScreen(<Sections />, { library: makeLibrary({ albums }) });
    const tablist = screen.getByRole('tablist', { name: 'Music' });
    const artistsTab = within(tablist).getByRole('tab', { name: 'Artists' });
    expect(artistsTab.getAttribute('aria-selected')).toBe('true');
    expect(within(tablist).getByRole('tab', { name: 'Albums' }).getAttribute('href')).toBe('#/music/albums');
    expect(await screen.findByRole('link', { name: 'The Glass Wings, 2 albums · 4 tracks' })).toBeTruthy();
    expect(screen.getByRole('tabpanel', { name: 'Artists' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'Music · 2' })).toBeTruthy();
    artistsTab.focus();
    await user.keyboard('{ArrowRight}');
    expect(window.location.hash).toBe('#/music/albums');
    expect(document.activeElement).toBe(within(tablist).getByRole('tab', { name: 'Albums' }));
    const album = await screen.findByRole('link', { name: 'Inland, The Glass Wings, 2023 · 2 tracks' });
    expect(album.getAttribute('href')).toBe(`#/album/${albums[1]!.id}`);
    expect(screen.getByRole('heading', { level: 1, name: 'Music · 3' })).toBeTruthy();
  });

  it('says how to add music when there is none', async () => {
    window.history.replaceState(null, '', '#/music/albums');
    renderScreen(<Sections />, { library: makeLibrary({ albums: [] }) });
    expect(await screen.findByText('No music yet')).toBeTruthy();
  });
});
