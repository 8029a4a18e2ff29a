import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { makeAlbum, makeEpisode, makeLibrary, makeMovie, makeShow, makeTrack } from '../../api/testing';
import { fakePlayback, renderScreen } from '../../test-utils';
import { labelInName } from '../../ui/labelInNameForTests';
import { ItemScreen } from './ItemScreen';

// The first render of a file imports the whole screen; on a busy shared machine that can outlast the default 1 s.
configure({ asyncUtilTimeout: 5000 });

const EVIL = '<img src=x onerror=alert(1)>';
const RTL = '\u202Egnp.exe\u202C Night';
const LONG = 'Very long title '.repeat(32).slice(0, 500);
const POSTER = `/art/${'a'.repeat(64)}`;
const FANART = `/art/${'f'.repeat(64)}`;
const COVER = `/art/${'c'.repeat(64)}`;

function renderMovie(over: Parameters<typeof makeMovie>[0] = {}, handlers = {}, playback = fakePlayback()) {
  const movie = makeMovie(over);
  return { movie, ...renderScreen(<ItemScreen id={movie.id} />, { library: makeLibrary({ movies: [movie] }) }, handlers, playback) };
}

/** The facts line under the page's title, as read. */
const metaLine = () => document.querySelector('.dt-meta')?.textContent;

describe('the movie page', () => {
  it('shows the title as the one h1, year, runtime, resolution, plot, file facts and subtitle languages', async () => {
    renderMovie({ title: 'Night Train', year: 1998, durationSec: 5520, width: 1920, height: 800, plot: 'A sleeper train.', subtitleLanguages: ['en', 'fr', 'en'], posterUrl: POSTER, fanartUrl: FANART });
    expect(await screen.findByRole('heading', { level: 1, name: 'Night Train' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(metaLine()).toBe('1998 · 1 h 32 min · 1080p');
    expect(screen.getByText('A sleeper train.')).toBeTruthy();
    expect(screen.getByText('MP4')).toBeTruthy();
    expect(screen.getByText('H.264 · 1080p (1920×800)')).toBeTruthy();
    expect(screen.getByText('AAC')).toBeTruthy();
    expect(screen.getByText('1.0 MB')).toBeTruthy();
    expect(screen.getByText('English, French')).toBeTruthy();
    const srcs = [...document.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(srcs).toEqual([FANART, POSTER]);
  });

  it('says a clip shorter than a minute in seconds, and its time left, never "0 min"', async () => {
    renderMovie({ year: 1998, durationSec: 20, resumeSec: 5, width: null, height: null });
    await waitFor(() => expect(metaLine()).toBe('1998 · 20 s'));
    expect(document.querySelector('.dt-resume-left')?.textContent).toBe('15 s left');
  });

  it('says nothing of a length it does not know, nor of an extra\'s', async () => {
    renderMovie({ year: 1998, durationSec: 0, width: null, height: null, extras: [{ id: makeMovie().id, title: 'Teaser', type: 'trailer', durationSec: 0 }] });
    await waitFor(() => expect(metaLine()).toBe('1998'));
    expect(document.body.textContent).not.toMatch(/0 min|0:00/);
  });

  it('lists the parts of a multi-part movie with their sizes', async () => {
    const movie = makeMovie({ parts: 2, width: 3840, height: 2160 });
    const file = { mime: 'video/mp4', size: 3 * 1024 ** 3, parts: [{ number: 1, durationSec: 2700, size: 1.5 * 1024 ** 3 }, { number: 2, durationSec: 2760, size: 700 * 1024 ** 2 }] };
    renderScreen(<ItemScreen id={movie.id} />, {}, { 'library.detail': () => ({ kind: 'movie', movie: { ...movie, genres: [] }, file }) });
    await waitFor(() => expect(metaLine()).toBe('1998 · 1 h 30 min · 4K · 2 parts'));
    expect(screen.getByText('3.0 GB')).toBeTruthy();
    expect(screen.getByText('Part 1 · 45:00 · 1.5 GB')).toBeTruthy();
    expect(screen.getByText('Part 2 · 46:00 · 700 MB')).toBeTruthy();
  });

  it('renders hostile titles and plots as text, clamped with the whole title in its tooltip', async () => {
    const { movie } = renderMovie({ title: `${EVIL}${RTL}`, plot: `<b>${EVIL}</b>`, extras: [{ id: makeMovie().id, title: LONG, type: 'trailer', durationSec: 90 }] });
    expect(await screen.findByText(`<b>${EVIL}</b>`)).toBeTruthy();
    const h1 = screen.getByRole('heading', { level: 1 });
    expect(h1.textContent).toBe(movie.title);
    expect(h1.getAttribute('title')).toBe(movie.title);
    expect(screen.getByTitle(LONG)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });

  it('shows the nfo’s genres as text, in its order, and no list without any', async () => {
    const movie = makeMovie({ title: 'Night Train' });
    const plain = makeMovie({ title: 'Paper Moons' });
    const genres = ['Drama', EVIL, RTL];
    const { unmount } = renderScreen(<ItemScreen id={movie.id} />, { library: makeLibrary({ movies: [movie, plain] }), movieGenres: { [movie.id]: genres } });
    const list = await screen.findByRole('list', { name: 'Genres' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(genres);
    expect(document.querySelector('img')).toBeNull();
    unmount();
    renderScreen(<ItemScreen id={plain.id} />, { library: makeLibrary({ movies: [movie, plain] }), movieGenres: { [movie.id]: genres } });
    await screen.findByRole('heading', { level: 1, name: 'Paper Moons' });
    expect(screen.queryByRole('list', { name: 'Genres' })).toBeNull();
  });

  it('plays from the resume point, or from the start with Start over', async () => {
    const { movie, playback } = renderMovie({ resumeSec: 2530 });
    fireEvent.click(await screen.findByRole('button', { name: 'Resume from 42:10' }));
    expect(playback.playItem).toHaveBeenLastCalledWith(movie.id, { fromStart: false });
    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect(playback.playItem).toHaveBeenLastCalledWith(movie.id, { fromStart: true });
    expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
  });

  it('offers just Play without a resume point', async () => {
    const { movie, playback } = renderMovie();
    fireEvent.click(await screen.findByRole('button', { name: 'Play' }));
    expect(playback.playItem).toHaveBeenCalledWith(movie.id, { fromStart: false });
    expect(screen.queryByRole('button', { name: 'Start over' })).toBeNull();
  });

  it('marks watched through setWatched and shows the new state once the change arrives', async () => {
    const { movie, fake } = renderMovie();
    fireEvent.click(await screen.findByRole('button', { name: 'Mark watched' }));
    expect(fake.callsTo('library.setWatched')).toEqual([{ kind: 'item', id: movie.id, watched: true }]);
    expect(await screen.findByRole('button', { name: 'Mark unwatched' })).toBeTruthy();
    expect(fake.state.library.movies[0]!.watched).toBe(true);
  });

  it('rolls a refused watched mark back and says why', async () => {
    renderMovie({}, { 'library.setWatched': () => Promise.reject(new ApiError('internal', 'The index is read-only.')) });
    fireEvent.click(await screen.findByRole('button', { name: 'Mark watched' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not mark it watched: The index is read-only.');
    expect(screen.getByRole('button', { name: 'Mark watched' })).toBeTruthy();
  });

  it('plays an extra by its id', async () => {
    const trailer = { id: makeMovie().id, title: 'Teaser', type: 'trailer' as const, durationSec: 95 };
    const { playback } = renderMovie({ extras: [trailer] });
    const button = await screen.findByRole('button', { name: 'Play Night Train trailer: Teaser, 1:35' });
    // Its name holds the words the row shows, in their order.
    expect(labelInName(button)).toEqual({ shown: ['trailer', 'teaser', '1', '35'], inName: ['trailer', 'teaser', '1', '35'], at: 3 });
    fireEvent.click(button);
    expect(playback.playItem).toHaveBeenCalledWith(trailer.id, { fromStart: false });
  });

  it('refetches when a change names the movie', async () => {
    const { movie, fake } = renderMovie();
    await screen.findByRole('heading', { level: 1, name: 'Night Train' });
    const before = fake.callsTo('library.detail').length;
    fake.state.library = makeLibrary({ movies: [{ ...movie, title: 'Night Train (Director’s Cut)' }] });
    act(() => fake.emit('onDidChangeLibrary', { scopes: [], items: [movie.id], version: 99 }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Night Train (Director’s Cut)' })).toBeTruthy();
    expect(fake.callsTo('library.detail').length).toBe(before + 1);
    act(() => fake.emit('onDidChangeLibrary', { scopes: [], items: [makeMovie().id], version: 100 }));
    expect(fake.callsTo('library.detail').length).toBe(before + 1);
  });
});

describe('the episode page', () => {
  function renderEpisode() {
    const e5 = makeEpisode({ season: 2, episode: 5, title: 'The Pier', resumeSec: 600 });
    const e6 = makeEpisode({ season: 2, episode: 6, title: null });
    const show = makeShow({ title: 'Harbour Lights', seasons: [{ season: 2, episodes: [e5, e6] }] });
    return { e5, e6, show, ...renderScreen(<ItemScreen id={e5.id} />, { library: makeLibrary({ shows: [show] }) }) };
  }

  it('links to its show, says "S2 · E5", and names the next episode with a link', async () => {
    const { show, e6 } = renderEpisode();
    expect(await screen.findByRole('heading', { level: 1, name: 'The Pier' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Harbour Lights' }).getAttribute('href')).toBe(`#/show/${show.id}`);
    expect(screen.getByText('S2 · E5')).toBeTruthy();
    const next = screen.getByRole('link', { name: /S2 · E6 Episode 6/ });
    expect(next.getAttribute('href')).toBe(`#/item/${e6.id}`);
    expect(screen.getByRole('button', { name: 'Resume from 10:00' })).toBeTruthy();
  });

  it("shows its show's poster and fan art from the episode's own detail: one call, no fetch of the show", async () => {
    const e1 = makeEpisode({ title: 'The Storm' });
    const show = makeShow({ posterUrl: POSTER, fanartUrl: FANART, seasons: [{ season: 1, episodes: [e1] }] });
    const { fake } = renderScreen(<ItemScreen id={e1.id} />, { library: makeLibrary({ shows: [show] }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'The Storm' })).toBeTruthy();
    await waitFor(() => expect([...document.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([FANART, POSTER]));
    expect(fake.callsTo('library.detail')).toEqual([{ kind: 'item', id: e1.id }]);
  });

  it('calls an untitled episode "Episode 6" and says when it is the last one', async () => {
    const e6 = makeEpisode({ season: 2, episode: 6, title: null });
    renderScreen(<ItemScreen id={e6.id} />, { library: makeLibrary({ shows: [makeShow({ seasons: [{ season: 2, episodes: [e6] }] })] }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Episode 6' })).toBeTruthy();
    expect(screen.getByText('This is the last episode.')).toBeTruthy();
  });
});

describe('the track page', () => {
  it('links to its album, plays the track, and queues it with the album artist standing in', async () => {
    const track = makeTrack({ title: 'Low Tide', artist: null, durationSec: 215 });
    const album = makeAlbum({ title: 'Coastal', artist: 'The Glass Wings', tracks: [track] });
    const { playback } = renderScreen(<ItemScreen id={track.id} />, { library: makeLibrary({ albums: [album] }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Low Tide' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Coastal' }).getAttribute('href')).toBe(`#/album/${album.id}`);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(playback.playItem).toHaveBeenCalledWith(track.id, { fromStart: true });
    fireEvent.click(screen.getByRole('button', { name: 'Add to queue' }));
    expect(playback.queueTracks).toHaveBeenCalledWith([{ itemId: track.id, title: 'Low Tide', artist: 'The Glass Wings', album: 'Coastal', durationSec: 215, thumbUrl: null, coverUrl: null }]);
    expect(screen.queryByRole('button', { name: /Mark/ })).toBeNull();
  });

  it("shows its album's cover from the track's own detail (one call), and queues the track with it", async () => {
    const track = makeTrack({ title: 'Low Tide' });
    const album = makeAlbum({ title: 'Coastal', coverUrl: COVER, tracks: [track] });
    const { fake, playback } = renderScreen(<ItemScreen id={track.id} />, { library: makeLibrary({ albums: [album] }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Low Tide' })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('.dt-hero-poster img')?.getAttribute('src')).toBe(COVER));
    expect(fake.callsTo('library.detail')).toEqual([{ kind: 'item', id: track.id }]);
    fireEvent.click(screen.getByRole('button', { name: 'Add to queue' }));
    expect(playback.queueTracks).toHaveBeenCalledWith([expect.objectContaining({ itemId: track.id, coverUrl: COVER })]);
  });
});

describe('states of the item page', () => {
  it('shows a skeleton while loading', () => {
    const { container } = renderScreen(<ItemScreen id={makeMovie().id} />, {}, { 'library.detail': () => new Promise(() => {}) });
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Loading…' })).toBeTruthy();
  });

  it('says the item is gone, with a link Home, when main does not know it', async () => {
    renderScreen(<ItemScreen id={makeMovie().id} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'This is not in your library any more' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Home/ }).getAttribute('href')).toBe('#/');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('says what went wrong otherwise, and Retry tries again', async () => {
    const movie = makeMovie();
    let fail = true;
    renderScreen(<ItemScreen id={movie.id} />, { library: makeLibrary({ movies: [movie] }) }, {
      'library.detail': () => {
        if (fail) throw new ApiError('internal', 'The index is busy.');
        return { kind: 'movie', movie: { ...movie, genres: [] }, file: { mime: 'video/mp4', size: 0, parts: [] } };
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe('The index is busy.');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Night Train' })).toBeTruthy();
    expect(within(document.body).queryByRole('alert')).toBeNull();
  });
});
