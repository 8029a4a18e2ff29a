import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { makeAlbum, makeArtist, makeLibrary, makeTrack } from '../../api/testing';
import { renderScreen } from '../../test-utils';
import { ArtistScreen } from './ArtistScreen';

// The first render of a file imports the whole screen; on a busy shared machine that can outlast the default 1 s.
configure({ asyncUtilTimeout: 5000 });

function library() {
  const first = makeAlbum({ title: 'Coastal', year: 2021, tracks: [makeTrack({ title: 'Low Tide' }), makeTrack({ title: 'Undertow', trackNo: 2 })] });
  const second = makeAlbum({ title: 'Inland', year: 2023, tracks: [makeTrack({ title: 'Dry Creek' })] });
  const guest = makeAlbum({ title: 'Friends', artist: 'Various Artists', year: 2019, tracks: [makeTrack({ title: 'Not Theirs', artist: 'Someone Else' }), makeTrack({ title: 'Guest Spot', trackNo: 2 })] });
  const other = makeAlbum({ title: 'Elsewhere', artist: 'Other Band', tracks: [makeTrack({ title: 'Nope', artist: 'Other Band' })] });
  return { albums: [first, second, guest, other], artist: makeArtist('The Glass Wings') };
}

function renderArtist(handlers = {}) {
  const { albums, artist } = library();
  return { albums, artist, ...renderScreen(<ArtistScreen id={artist.id} />, { library: makeLibrary({ albums }), artists: [artist] }, handlers) };
}

/** The facts line under the page's title, as read. */
const metaLine = () => document.querySelector('.dt-meta')?.textContent;

describe('the artist page', () => {
  it('shows the name, counts and albums linking to their pages', async () => {
    const { albums } = renderArtist();
    expect(await screen.findByRole('heading', { level: 1, name: 'The Glass Wings' })).toBeTruthy();
    expect(metaLine()).toBe('3 albums · 4 tracks');
    const grid = screen.getByRole('list', { name: 'Albums by The Glass Wings' });
    const links = within(grid).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual(albums.slice(0, 3).map((a) => `#/album/${a.id}`));
    expect(within(grid).getByText('2021 · 2 tracks')).toBeTruthy();
  });

  it('plays the artist’s tracks of every album, in order', async () => {
    const { fake, playback } = renderArtist();
    fireEvent.click(await screen.findByRole('button', { name: 'Play all' }));
    await waitFor(() => expect(playback.playTracks).toHaveBeenCalledTimes(1));
    const [queue, start] = playback.playTracks.mock.calls[0]!;
    expect(start).toBe(0);
    expect(queue.map((t: { title: string }) => t.title)).toEqual(['Low Tide', 'Undertow', 'Dry Creek', 'Guest Spot']);
    expect(fake.callsTo('library.detail').filter((c) => c.kind === 'album')).toHaveLength(3);
  });

  it('says why Play all failed', async () => {
    const { playback } = renderArtist({
      'library.detail': (input: { kind: string }) => {
        if (input.kind === 'album') throw new ApiError('internal', 'The index is busy.');
        const { albums, artist } = library();
        return { kind: 'artist', artist: { ...artist, albumCount: 1, trackCount: 1 }, albums: albums.slice(0, 1).map(({ tracks, ...a }) => ({ ...a, thumbUrl: null, trackCount: tracks.length })) };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Play all' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The index is busy.');
    expect(playback.playTracks).not.toHaveBeenCalled();
  });

  it('moves between album covers with the arrow keys, one tab stop for the grid', async () => {
    renderArtist();
    const grid = await screen.findByRole('list', { name: 'Albums by The Glass Wings' });
    const links = within(grid).getAllByRole('link');
    expect(links.map((l) => l.tabIndex)).toEqual([0, -1, -1]);
    act(() => links[0]!.focus());
    fireEvent.keyDown(links[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(links[1]);
    fireEvent.keyDown(links[1]!, { key: 'End' });
    expect(document.activeElement).toBe(links[2]);
    expect(links.map((l) => l.tabIndex)).toEqual([-1, -1, 0]);
  });

  it('says an unknown artist is not in the library any more', async () => {
    renderScreen(<ArtistScreen id={makeArtist().id} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'This is not in your library any more' })).toBeTruthy();
  });
});
