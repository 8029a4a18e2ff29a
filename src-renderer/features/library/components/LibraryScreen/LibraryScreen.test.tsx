import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../api';
import { everythingChanged, makeAlbum, makeEpisode, makeLibrary, makeMovie, makeShow, makeTrack } from '../../../../api/testing';
import { renderWithApi } from '../../../../test-utils';
import { LibraryScreen } from './LibraryScreen';

describe('LibraryScreen', () => {
  it('renders movies, shows with episodes and albums with tracks from the snapshot', async () => {
    renderWithApi(<LibraryScreen onPlay={() => {}} playingId={null} />);
    expect(await screen.findByRole('heading', { name: /Movies/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Shows/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Music/ })).toBeTruthy();
    const tile = screen.getByRole('button', { name: 'Play Night Train (1998)' });
    expect(within(tile).getByText('1998 · 1:30:00 · 1080p')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Play Paper Moon Harbour' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Play Harbour Lights S01E01' })).toBeTruthy();
    expect(within(screen.getByRole('button', { name: 'Play Harbour Lights S01E02' })).getByText('The Pier')).toBeTruthy();
    expect(screen.getByText('Coastal')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Play Undertow' })).toBeTruthy();
  });

  it('calls onPlay with the item id when a tile is chosen', async () => {
    const user = userEvent.setup();
    const onPlay = vi.fn();
    const { fake } = renderWithApi(<LibraryScreen onPlay={onPlay} playingId={null} />);
    await user.click(await screen.findByRole('button', { name: 'Play Night Train (1998)' }));
    expect(onPlay).toHaveBeenCalledWith(fake.state.library.movies[0]!.id);
  });

  it('renders hostile titles and tags as text, never as markup', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const library = makeLibrary({
      movies: [makeMovie({ title: evil, year: 2001 })],
      shows: [makeShow({ title: `<b>${evil}</b>` })],
      albums: [makeAlbum({ title: '<script>alert(2)</script>', artist: evil, tracks: [makeTrack({ title: evil })] })],
    });
    const { container } = renderWithApi(<LibraryScreen onPlay={() => {}} playingId={null} />, { library });
    expect(await screen.findByRole('button', { name: `Play ${evil} (2001)` })).toBeTruthy();
    expect(screen.getAllByText(evil).length).toBeGreaterThan(0);
    expect(screen.getByText('<script>alert(2)</script>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('filters through the index search: accents and case do not matter, and every kind is found', async () => {
    const user = userEvent.setup();
    const library = makeLibrary({
      albums: [makeAlbum({ title: 'Lemonade', artist: 'Beyoncé', tracks: [makeTrack({ title: 'Hold Up', artist: 'Beyoncé' })] }), makeAlbum()],
    });
    const { fake } = renderWithApi(<LibraryScreen onPlay={() => {}} playingId={null} />, { library });
    await user.type(await screen.findByRole('searchbox', { name: 'Filter library' }), 'beyonce');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Play Undertow' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Play Hold Up' })).toBeTruthy();
    expect(screen.getByText('No movies match.')).toBeTruthy();
    expect(fake.callsTo('library.search').at(-1)).toEqual({ query: 'beyonce', limit: 200 });

    await user.clear(screen.getByRole('searchbox', { name: 'Filter library' }));
    await user.type(screen.getByRole('searchbox', { name: 'Filter library' }), 'pie');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Play Hold Up' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Play Harbour Lights S01E02' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Play Harbour Lights S01E01' })).toBeNull();

    await user.clear(screen.getByRole('searchbox', { name: 'Filter library' }));
    expect(await screen.findByRole('button', { name: 'Play Undertow' })).toBeTruthy();
  });

  it('says once, calmly, that nothing matches, and clears the filter back to the whole library', async () => {
    const user = userEvent.setup();
    renderWithApi(<LibraryScreen onPlay={() => {}} playingId={null} />);
    const box = await screen.findByRole('searchbox', { name: 'Filter library' });
    await user.type(box, 'zzzz');
    expect(await screen.findByText('Nothing matches “zzzz”')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /Movies|Shows|Music/ })).toBeNull();
    expect(screen.queryByText(/No (movies|shows) match|No music matches/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(await screen.findByRole('button', { name: 'Play Night Train (1998)' })).toBeTruthy();
    expect((box as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(box);
    expect(screen.queryByText(/Nothing matches/)).toBeNull();
  });

  it('shows a hostile query that matches nothing as text, never as markup', async () => {
    const user = userEvent.setup();
    const evil = '<img src=x onerror=alert(1)><b>x</b>';
    const { container } = renderWithApi(<LibraryScreen onPlay={() => {}} playingId={null} />);
    await user.type(await screen.findByRole('searchbox', { name: 'Filter library' }), evil);
    expect(await screen.findByText(`Nothing matches “${evil}”`)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('says so when search fails, and keeps the library on screen', async () => {
    const user = userEvent.setup();
    renderWithApi(<LibraryScreen onPlay={() => {}} playingId={null} />, {}, {
      'library.search': () => {
        throw new ApiError('internal', 'The index is busy.');
      },
    });
    await user.type(await screen.findByRole('searchbox', { name: 'Filter library' }), 'night');
    expect((await screen.findByRole('alert')).textContent).toContain('The index is busy.');
    expect(screen.getByRole('button', { name: 'Play Night Train (1998)' })).toBeTruthy();
  });

  it('adds a folder by path and kind, and shows the error as text where it was taken', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApi(<LibraryScreen onPlay={() => {}} playingId={null} />, {}, {
      'library.addFolder': ({ path }) => {
        if (path === '/missing') throw new ApiError('not-found', 'That folder does not exist.');
        return { id: 'fo-new-xxxxxxxxxxxxxxx', name: 'Films', place: '…/media', kind: 'movies', itemCount: 0, online: true };
      },
    });
    await user.type(await screen.findByRole('textbox', { name: 'Folder path' }), '/media/Films');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'movies');
    await user.click(screen.getByRole('button', { name: 'Add folder' }));
    expect(fake.callsTo('library.addFolder')).toEqual([{ path: '/media/Films', kind: 'movies' }]);
    expect(await screen.findByText(/Added “Films”/)).toBeTruthy();
    // Main scans a folder as it is added; the notice must not ask for a scan.
    expect(screen.getByText(/Added “Films”/).textContent).toBe('Added “Films”. Scanning it now.');
    await user.type(screen.getByRole('textbox', { name: 'Folder path' }), '/missing');
    await user.click(screen.getByRole('button', { name: 'Add folder' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That folder does not exist.');
  });

  it('offers the system folder picker where the host has one', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApi(<LibraryScreen onPlay={() => {}} playingId={null} />, { app: { version: '1', host: 'electron', canPickFolders: true } });
    await user.click(await screen.findByRole('button', { name: 'Choose folder…' }));
    expect(fake.callsTo('library.pickFolder')).toEqual([{ kind: 'mixed' }]);
    expect(screen.queryByRole('textbox', { name: 'Folder path' })).toBeNull();
  });

  it('scans with live progress, then shows the summary with the files that could not be read', async () => {
    const user = userEvent.setup();
    let finish: (v: { added: number; updated: number; removed: number; unchanged: number; failed: { name: string; reason: string }[]; durationMs: number }) => void = () => {};
    const { fake } = renderWithApi(<LibraryScreen onPlay={() => {}} playingId={null} />, {}, {
      'library.scan': () => new Promise((resolve) => (finish = resolve)),
    });
    await user.click(await screen.findByRole('button', { name: 'Scan library' }));
    act(() => fake.emit('onDidChangeScanProgress', { phase: 'parsing', seen: 4000, parsed: 2000, failed: 0, unchanged: 1000, currentFolder: 'Demo', ratePerSec: 95.4, etaSec: 10.5 }));
    const bar = screen.getByRole('progressbar', { name: 'Scan progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('3000');
    expect(bar.getAttribute('aria-valuemax')).toBe('4000');
    expect(screen.getByText('3,000 of 4,000 files · 95 files/s · about 15 s left')).toBeTruthy();
    await act(async () => finish({ added: 3, updated: 0, removed: 0, unchanged: 0, failed: [{ name: 'broken.mkv', reason: 'No video or audio stream' }], durationMs: 1200 }));
    expect(await screen.findByText('3 added, 1 could not be read')).toBeTruthy();
    expect(screen.getByText('broken.mkv')).toBeTruthy();
    expect(screen.getByText('No video or audio stream')).toBeTruthy();
  });

  it('refetches the snapshot when main says the library changed', async () => {
    const { fake } = renderWithApi(<LibraryScreen onPlay={() => {}} playingId={null} />);
    await screen.findByRole('button', { name: 'Play Night Train (1998)' });
    fake.state.library = { ...fake.state.library, movies: [makeMovie({ title: 'Low Orbit', year: 2010 })] };
    act(() => fake.emit('onDidChangeLibrary', everythingChanged()));
    expect(await screen.findByRole('button', { name: 'Play Low Orbit (2010)' })).toBeTruthy();
  });

  it('tells the user what to do when the library is empty', async () => {
    renderWithApi(<LibraryScreen onPlay={() => {}} playingId={null} />, { library: makeLibrary({ folders: [], movies: [], shows: [], albums: [] }) });
    expect(await screen.findByText('Your library is empty')).toBeTruthy();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Scan library' }) as HTMLButtonElement).disabled).toBe(true));
  });

  describe('watch state', () => {
    function library() {
      const movie = makeMovie({ resumeSec: 754, durationSec: 5400 });
      const seen = makeMovie({ title: 'Paper Moons', year: 2004, watched: true });
      const e1 = makeEpisode({ episode: 1, watched: true });
      const e2 = makeEpisode({ episode: 2, title: 'The Pier', resumeSec: 60 });
      const e3 = makeEpisode({ episode: 3, title: 'Fog' });
      return makeLibrary({ movies: [movie, seen], shows: [makeShow({ seasons: [{ season: 1, episodes: [e1, e2, e3] }] })], continueWatching: [e2.id, movie.id] });
    }

    it('keeps button names and describes watched and resume state instead', async () => {
      renderWithApi(<LibraryScreen onPlay={() => {}} playingId={null} />, { library: library() });
      expect(await screen.findByRole('button', { name: 'Play Night Train (1998)', description: 'Resumes at 12:34, 1:17:26 left' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Play Paper Moons (2004)', description: 'Watched' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Play Harbour Lights S01E01', description: 'Watched' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Play Harbour Lights S01E03' }).getAttribute('aria-describedby')).toBeNull();
    });

    it('shows Continue watching first, most recent first, and up next per show', async () => {
      const user = userEvent.setup();
      const onPlay = vi.fn();
      const lib = library();
      renderWithApi(<LibraryScreen onPlay={onPlay} playingId={null} />, { library: lib });
      const section = await screen.findByRole('region', { name: 'Continue watching' });
      const tiles = within(section).getAllByRole('button');
      expect(tiles.map((t) => t.getAttribute('aria-label'))).toEqual(['Resume Harbour Lights S01E02', 'Resume Night Train (1998)']);
      expect(within(section).getByText('1998 · 1:17:26 left')).toBeTruthy();
      await user.click(tiles[1]!);
      expect(onPlay).toHaveBeenLastCalledWith(lib.movies[0]!.id);
      // Up next: after the last watched episode (E01), the first unwatched one (E02, part way through).
      await user.click(screen.getByRole('button', { name: 'Play next: Harbour Lights S01E02' }));
      expect(onPlay).toHaveBeenLastCalledWith(lib.shows[0]!.seasons[0]!.episodes[1]!.id);
    });

    it('has no Continue watching section when nothing is part way', async () => {
      renderWithApi(<LibraryScreen onPlay={() => {}} playingId={null} />);
      await screen.findByRole('heading', { name: /Movies/ });
      expect(screen.queryByRole('region', { name: 'Continue watching' })).toBeNull();
    });
  });

  it('adds a track to the queue from its row', async () => {
    const user = userEvent.setup();
    const onAddToPlayQueue = vi.fn();
    const { fake } = renderWithApi(<LibraryScreen onPlay={() => {}} onAddToPlayQueue={onAddToPlayQueue} playingId={null} />);
    await user.click(await screen.findByRole('button', { name: 'Add Undertow to queue' }));
    expect(onAddToPlayQueue).toHaveBeenCalledWith(fake.state.library.albums[0]!.tracks[1]!.id);
  });
});
