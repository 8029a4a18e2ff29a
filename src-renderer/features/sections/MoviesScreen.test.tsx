import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeLibrary, makeMovie } from '../../api/testing';
import { ApiError } from '../../api';
import { fakePlayback, renderScreen } from '../../test-utils';
import { parseRoute } from '../../app';
import { go, manyMovies, Sections, setUpSectionTests } from './testHarness';

setUpSectionTests('#/movies');

const focusedTitle = () => document.activeElement?.getAttribute('title');

describe('Movies', () => {
  it('says how many movies there are and pages them in lazily: a few dozen cards of 5,000, the first pages only', async () => {
    const { fake } = renderScreen(<Sections />, { library: makeLibrary({ movies: manyMovies(5000) }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Movies · 5,000' })).toBeTruthy();
    const grid = screen.getByRole('grid', { name: 'Movies' });
    await within(grid).findByRole('link', { name: /^Movie 0000, / });
    expect(within(grid).getAllByRole('gridcell').length).toBeLessThan(100);
    expect(fake.callsTo('library.page').map((c) => c.after)).toEqual([null, 'o100']);
    expect(fake.callsTo('library.page')[0]).toMatchObject({ section: 'movies', sort: 'title', direction: 'asc', filters: {}, limit: 100 });
  });

  it('moves focus across cards and rows with the arrows, and Enter opens the movie', async () => {
    const user = userEvent.setup();
    const { fake } = renderScreen(<Sections />, { library: makeLibrary({ movies: manyMovies(40) }) });
    (await screen.findByRole('link', { name: /^Movie 0000, / })).focus();
    expect(focusedTitle()).toBe('Movie 0000');
    await user.keyboard('{ArrowRight}');
    expect(focusedTitle()).toBe('Movie 0001');
    await user.keyboard('{ArrowDown}');
    expect(focusedTitle()).toBe('Movie 0007');
    await user.keyboard('{Enter}');
    const id = fake.state.library.movies[7]!.id;
    expect(window.location.hash).toBe(`#/item/${id}`);
    expect(screen.getByText('Elsewhere: item')).toBeTruthy();
    // Back: the grid gives focus to the card that opened the movie.
    go('#/movies');
    await waitFor(() => expect(focusedTitle()).toBe('Movie 0007'));
  });

  it('goes to the last movie with End, and back with Home, asking for the page there rather than walking every page before it', async () => {
    const user = userEvent.setup();
    const { fake } = renderScreen(<Sections />, { library: makeLibrary({ movies: manyMovies(5000) }) });
    (await screen.findByRole('link', { name: /^Movie 0000, / })).focus();
    await screen.findByRole('heading', { level: 1, name: 'Movies · 5,000' });
    const asked = () => fake.callsTo('library.page').length;
    const before = asked();
    await user.keyboard('{Control>}{End}{/Control}');
    await waitFor(() => expect(focusedTitle()).toBe('Movie 4999'));
    expect(fake.callsTo('library.page').slice(before)).toEqual([expect.objectContaining({ at: 4900, direction: 'asc', after: null })]);
    const atEnd = asked();
    await user.keyboard('{Home}');
    await waitFor(() => expect(focusedTitle()).toBe('Movie 0000'));
    // The first page needs no cursor, and the next one is read from the cursor it gave.
    expect(fake.callsTo('library.page').slice(atEnd).map((c) => [c.at, c.after])).toEqual([
      [undefined, null],
      [undefined, 'o100'],
    ]);
  });

  it('plays a movie from its card and marks the one playing', async () => {
    const user = userEvent.setup();
    const movies = manyMovies(3);
    const { playback } = renderScreen(<Sections />, { library: makeLibrary({ movies }) }, {}, fakePlayback({ playingId: movies[2]!.id }));
    await user.click(await screen.findByRole('button', { name: 'Play Movie 0001 (1951)' }));
    expect(playback.playItem).toHaveBeenCalledWith(movies[1]!.id);
    expect(screen.getByRole('link', { name: /^Movie 0002, .*Playing$/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /^Movie 0001, / }).getAttribute('aria-label')).not.toMatch(/Playing/);
  });

  it('sorts and filters through the address, and asks for pages sorted and filtered that way', async () => {
    const user = userEvent.setup();
    const { fake } = renderScreen(<Sections />, { library: makeLibrary({ movies: manyMovies(10) }) });
    await screen.findByRole('link', { name: /^Movie 0000, / });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'Year');
    expect(window.location.hash).toBe('#/movies?sort=year&dir=desc');
    await waitFor(() => expect(fake.callsTo('library.page').at(-1)).toMatchObject({ sort: 'year', direction: 'desc', after: null }));
    await user.click(screen.getByRole('button', { name: 'Order: Newest first' }));
    expect(window.location.hash).toBe('#/movies?sort=year');
    await user.click(screen.getByRole('button', { name: /^Unwatched/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Resolution' }), 'fhd');
    expect(window.location.hash).toBe('#/movies?sort=year&unwatched=1&res=fhd');
    await waitFor(() => expect(fake.callsTo('library.page').at(-1)).toMatchObject({ filters: { unwatched: true, resolution: 'fhd' } }));
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(window.location.hash).toBe('#/movies?sort=year');
  });

  it('offers a genre filter only when an nfo gives a genre, each genre with its movies', async () => {
    const movies = manyMovies(6);
    const { unmount } = renderScreen(<Sections />, { library: makeLibrary({ movies }) });
    await screen.findByRole('link', { name: /^Movie 0000, / });
    await screen.findByRole('heading', { level: 1, name: 'Movies · 6' });
    expect(screen.queryByRole('combobox', { name: 'Genre' })).toBeNull();
    unmount();
    renderScreen(<Sections />, { library: makeLibrary({ movies }), movieGenres: { [movies[0]!.id]: ['Drama', 'Western'], [movies[1]!.id]: ['drama'] } });
    const select = await screen.findByRole('combobox', { name: 'Genre' });
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Any genre', 'Drama (2)', 'Western (1)']));
  });

  it('filters the grid by the genre chosen, through the address', async () => {
    const user = userEvent.setup();
    const movies = manyMovies(6);
    const { fake } = renderScreen(<Sections />, { library: makeLibrary({ movies }), movieGenres: { [movies[2]!.id]: ['Film-Noir'], [movies[4]!.id]: ['Film-Noir', 'Drama'] } });
    await screen.findByRole('link', { name: /^Movie 0005, / });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Genre' }), 'Film-Noir');
    expect(window.location.hash).toBe('#/movies?genre=Film-Noir');
    await waitFor(() => expect(fake.callsTo('library.page').at(-1)).toMatchObject({ filters: { genre: 'Film-Noir' }, after: null }));
    const grid = screen.getByRole('grid', { name: 'Movies' });
    await waitFor(() => expect(within(grid).getAllByRole('link').map((a) => a.getAttribute('title'))).toEqual(['Movie 0002', 'Movie 0004']));
    expect(screen.getByText('2 movies match')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Genre' }), 'Any genre');
    expect(window.location.hash).toBe('#/movies');
  });

  it('keeps a genre from the address that the counts do not list, and matches one listed whatever its case', async () => {
    window.history.replaceState(null, '', '#/movies?genre=drama');
    const movies = manyMovies(3);
    renderScreen(<Sections />, { library: makeLibrary({ movies }), movieGenres: { [movies[1]!.id]: ['Drama'] } });
    const select = await screen.findByRole('combobox', { name: 'Genre' });
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('Drama'));
    expect(await screen.findByText('1 movie matches')).toBeTruthy();
    go('#/movies?genre=Mumblecore');
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Genre' }) as HTMLSelectElement).value).toBe('Mumblecore'));
    expect(within(screen.getByRole('combobox', { name: 'Genre' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['Any genre', 'Drama (1)', 'Mumblecore']);
    expect(await screen.findByText('Nothing matches these filters')).toBeTruthy();
  });

  it('shows a hostile genre as text, and sends it back only as a value', async () => {
    const user = userEvent.setup();
    const evil = '<img src=x onerror=alert(1)>';
    const movies = manyMovies(2);
    const { fake } = renderScreen(<Sections />, { library: makeLibrary({ movies }), movieGenres: { [movies[1]!.id]: [evil] } });
    const select = await screen.findByRole('combobox', { name: 'Genre' });
    await waitFor(() => expect(within(select).getByRole('option', { name: `${evil} (1)` })).toBeTruthy());
    expect(document.querySelector('img')).toBeNull();
    await user.selectOptions(select, evil);
    await waitFor(() => expect(fake.callsTo('library.page').at(-1)).toMatchObject({ filters: { genre: evil } }));
    expect(parseRoute(window.location.hash)).toMatchObject({ screen: 'movies', filters: { genre: evil } });
    expect(document.querySelector('img')).toBeNull();
  });

  it('refetches the pages it shows when the movies change, and only the page holding a movie whose mark changed', async () => {
    const movies = manyMovies(300);
    const { fake } = renderScreen(<Sections />, { library: makeLibrary({ movies }) });
    await screen.findByRole('link', { name: /^Movie 0000, / });
    await waitFor(() => expect(fake.callsTo('library.page')).toHaveLength(2));
    fake.state.library = { ...fake.state.library, movies: [makeMovie({ title: 'A brand new movie' }), ...movies] };
    fake.emit('onDidChangeLibrary', { scopes: ['movies'], items: [], version: 100 });
    expect(await screen.findByRole('link', { name: /^A brand new movie, / })).toBeTruthy();
    await waitFor(() => expect(fake.callsTo('library.page')).toHaveLength(4));
    fake.emit('onDidChangeLibrary', { scopes: ['home'], items: [movies[150]!.id], version: 101 });
    await waitFor(() => expect(fake.callsTo('library.page')).toHaveLength(5));
    expect(fake.callsTo('library.page').at(-1)!.after).toBe('o100');
  });

  it('grows as pages arrive when several filters leave no exact count, with skeletons for the page on its way', async () => {
    window.history.replaceState(null, '', '#/movies?unwatched=1&res=fhd');
    const movies = manyMovies(150);
    let release = () => {};
    const second = new Promise<void>((resolve) => (release = resolve));
    const items = movies.map(({ extras: _extras, ...m }) => ({ ...m, thumbUrl: null }));
    renderScreen(<Sections />, { library: makeLibrary({ movies }) }, {
      'library.page': async ({ after }) => {
        if (after === null) return { section: 'movies', items: items.slice(0, 100), next: 'o100', prev: null };
        await second;
        return { section: 'movies', items: items.slice(100), next: null, prev: 'o50' };
      },
    });
    expect(await screen.findByText('100+ movies match')).toBeTruthy();
    const grid = screen.getByRole('grid', { name: 'Movies' });
    expect(grid.getAttribute('aria-rowcount')).toBe(String(Math.ceil(100 / 6) + 1));
    release();
    expect(await screen.findByText('150 movies match')).toBeTruthy();
    expect(grid.getAttribute('aria-rowcount')).toBe(String(Math.ceil(150 / 6)));
  });

  it('shows hostile titles as text, whole in the tooltip and clamped on the card', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const rtl = 'Harbour \u202Egnp.exe\u202C Lights';
    const long = 'Very long title '.repeat(32).trim();
    renderScreen(<Sections />, { library: makeLibrary({ movies: [makeMovie({ title: evil }), makeMovie({ title: rtl }), makeMovie({ title: long })] }) });
    expect(await screen.findByText(evil)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText(rtl)).toBeTruthy();
    const card = screen.getByRole('link', { name: new RegExp(`^${long}, `) });
    expect(card.getAttribute('title')).toBe(long);
    expect(card.querySelector('.pcard-title')?.textContent).toBe(long);
  });

  it('says a short clip\'s length in seconds on its card and nothing for an unknown one, never "0 min"', async () => {
    const movies = [makeMovie({ title: 'Clip', year: 2020, durationSec: 20, resumeSec: 5 }), makeMovie({ title: 'Unknown', year: 2021, durationSec: 0 })];
    renderScreen(<Sections />, { library: makeLibrary({ movies }) });
    const grid = await screen.findByRole('grid', { name: 'Movies' });
    expect(await within(grid).findByRole('link', { name: 'Clip, 2020 · 20 s, Resumes at 0:05, 15 s left' })).toBeTruthy();
    expect(within(grid).getByRole('link', { name: 'Unknown, 2021' })).toBeTruthy();
    expect(grid.textContent).not.toContain('0 min');
  });

  it('says how to add a folder when there are no movies', async () => {
    renderScreen(<Sections />, { library: makeLibrary({ movies: [] }) });
    expect(await screen.findByText('No movies yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Settings › Library' }).getAttribute('href')).toBe('#/settings/library');
    expect(screen.getByRole('heading', { level: 1, name: 'Movies · 0' })).toBeTruthy();
  });

  it('offers to clear filters that match nothing', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '#/movies?unwatched=1&decade=1960');
    renderScreen(<Sections />, { library: makeLibrary({ movies: manyMovies(5) }) }, { 'library.page': () => ({ section: 'movies', items: [], next: null, prev: null }) });
    expect(await screen.findByText('Nothing matches these filters')).toBeTruthy();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' }).at(-1)!);
    expect(window.location.hash).toBe('#/movies');
  });

  it('says what failed and tries again on Retry', async () => {
    const user = userEvent.setup();
    let fail = true;
    renderScreen(<Sections />, { library: makeLibrary({ movies: manyMovies(3) }) }, {
      'library.page': () => {
        if (fail) throw new ApiError('internal', 'The index is busy.');
        return { section: 'movies', items: [], next: null, prev: null };
      },
    });
    expect(await screen.findByText('Could not load movies: The index is busy.')).toBeTruthy();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByText(/Could not load/)).toBeNull());
  });
});
