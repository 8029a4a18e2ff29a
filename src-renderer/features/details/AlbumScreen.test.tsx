import { act, configure, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAlbum, makeArtist, makeLibrary, makeTrack } from '../../api/testing';
import { fakePlayback, renderScreen } from '../../test-utils';
import { labelInName } from '../../ui/labelInNameForTests';
import { AlbumScreen } from './AlbumScreen';

// The first render of a file imports the whole screen; on a busy shared machine that can outlast the default 1 s.
configure({ asyncUtilTimeout: 5000 });

const EVIL = '<img src=x onerror=alert(1)>';
const COVER = `/art/${'c'.repeat(64)}`;

afterEach(() => vi.restoreAllMocks());

function twoDiscs() {
  const tracks = [
    makeTrack({ title: 'Bonus', discNo: null, trackNo: null, durationSec: 100 }),
    makeTrack({ title: 'Second One', discNo: 2, trackNo: 1, durationSec: 200 }),
    makeTrack({ title: 'First One', discNo: 1, trackNo: 1, durationSec: 300, artist: 'Guest Singer' }),
    makeTrack({ title: 'First Two', discNo: 1, trackNo: 2, durationSec: 400, artist: null }),
  ];
  return makeAlbum({ title: 'Coastal', artist: 'The Glass Wings', year: 2021, coverUrl: COVER, tracks });
}

/** The album's artist, whose page the fake answers for. */
const GLASS_WINGS = makeArtist('The Glass Wings');

function renderAlbum(album = twoDiscs(), playback = fakePlayback()) {
  return { album, ...renderScreen(<AlbumScreen id={album.id} />, { library: makeLibrary({ albums: [album] }), artists: [GLASS_WINGS] }, {}, playback) };
}

const titles = ['First One', 'First Two', 'Second One', 'Bonus'];

/** The facts line under the page's title, as read. */
const metaLine = () => document.querySelector('.dt-meta')?.textContent;

describe('the album page', () => {
  it("shows cover, title, artist (a link to the artist's page), year, track count and length", async () => {
    renderAlbum();
    expect(await screen.findByRole('heading', { level: 1, name: 'Coastal' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'The Glass Wings' }).getAttribute('href')).toBe(`#/artist/${GLASS_WINGS.id}`);
    expect(metaLine()).toBe('2021 · 4 tracks · 17 min');
    expect(document.querySelector('.dt-hero-poster img')?.getAttribute('src')).toBe(COVER);
  });

  it('names an artist with no page of its own (a compilation’s) without a link, and an album without one as unknown', async () => {
    renderAlbum(makeAlbum({ title: 'Summer Hits', artist: 'Various Artists' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Summer Hits' })).toBeTruthy();
    expect(screen.getByText('Various Artists').closest('a')).toBeNull();
    renderAlbum(makeAlbum({ title: 'Tapes', artist: null }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tapes' })).toBeTruthy();
    expect(screen.getByText('Unknown artist')).toBeTruthy();
  });

  it('names each track by the words its row shows, in their order, after "Play" (its number drawn like a list marker)', async () => {
    renderAlbum();
    const buttons = within(await screen.findByRole('list', { name: 'Disc 1' })).getAllByRole('button', { name: /^Play / });
    expect(labelInName(buttons[0]!)).toEqual({ shown: ['first', 'one', 'guest', 'singer', '5', '00'], inName: ['first', 'one', 'guest', 'singer', '5', '00'], at: 1 });
    expect(labelInName(buttons[1]!)).toEqual({ shown: ['first', 'two', '6', '40'], inName: ['first', 'two', '6', '40'], at: 1 });
  });

  it('groups tracks by disc, numbered discs first and untagged last, with headings only for more than one disc', async () => {
    renderAlbum();
    await screen.findByRole('heading', { level: 1, name: 'Coastal' });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Disc 1', 'Disc 2', 'Other tracks']);
    expect(within(screen.getByRole('list', { name: 'Disc 1' })).getAllByRole('button', { name: /^Play / }).map((b) => b.getAttribute('aria-label'))).toEqual(['Play First One · Guest Singer, 5:00', 'Play First Two, 6:40']);
    expect(screen.getByText('· Guest Singer')).toBeTruthy();
    renderAlbum(makeAlbum({ title: 'Single' }));
    await screen.findByRole('heading', { level: 1, name: 'Single' });
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(3);
    expect(screen.getByRole('list', { name: 'Tracks' })).toBeTruthy();
  });

  it('plays all in disc order as queue tracks, the track artist falling back to the album’s', async () => {
    const { album, playback } = renderAlbum();
    fireEvent.click(await screen.findByRole('button', { name: 'Play all' }));
    const [queue, start] = playback.playTracks.mock.calls[0]!;
    expect(start).toBe(0);
    expect(queue.map((t: { title: string }) => t.title)).toEqual(titles);
    const first = album.tracks.find((t) => t.title === 'First One')!;
    expect(queue[0]).toEqual({ itemId: first.id, title: 'First One', artist: 'Guest Singer', album: 'Coastal', durationSec: 300, thumbUrl: null, coverUrl: album.coverUrl });
    expect(queue[1].artist).toBe('The Glass Wings');
  });

  it('plays the album from a chosen track', async () => {
    const { playback } = renderAlbum();
    fireEvent.click(await screen.findByRole('button', { name: 'Play Second One, 3:20' }));
    const [queue, start] = playback.playTracks.mock.calls[0]!;
    expect(queue.map((t: { title: string }) => t.title)).toEqual(titles);
    expect(start).toBe(2);
  });

  it('shuffles every track into a new order', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { playback } = renderAlbum();
    fireEvent.click(await screen.findByRole('button', { name: 'Shuffle' }));
    const [queue, start] = playback.playTracks.mock.calls[0]!;
    expect(start).toBe(0);
    const order = queue.map((t: { title: string }) => t.title);
    expect([...order].sort()).toEqual([...titles].sort());
    expect(order).not.toEqual(titles);
  });

  it('adds the album, or one track, to the queue', async () => {
    const { playback } = renderAlbum();
    fireEvent.click(await screen.findByRole('button', { name: 'Add to queue' }));
    expect(playback.queueTracks.mock.calls[0]![0].map((t: { title: string }) => t.title)).toEqual(titles);
    fireEvent.click(screen.getByRole('button', { name: 'Add Bonus to queue' }));
    expect(playback.queueTracks.mock.calls[1]![0]).toEqual([expect.objectContaining({ title: 'Bonus', artist: 'The Glass Wings', album: 'Coastal', durationSec: 100 })]);
  });

  it('marks the track that is playing', async () => {
    const album = twoDiscs();
    const playing = album.tracks[1]!;
    renderAlbum(album, fakePlayback({ playingId: playing.id }));
    const button = await screen.findByRole('button', { name: 'Play Second One, 3:20' });
    expect(button.getAttribute('aria-current')).toBe('true');
    expect(within(button).getByText('Now playing')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Play First One · Guest Singer, 5:00' }).hasAttribute('aria-current')).toBe(false);
  });

  it('moves focus over all tracks with arrows, across discs, with one tab stop', async () => {
    renderAlbum();
    const first = await screen.findByRole('button', { name: 'Play First One · Guest Singer, 5:00' });
    const all = () => [...document.querySelectorAll<HTMLElement>('.dt-tracklist button')];
    expect(all().filter((b) => b.tabIndex === 0)).toEqual([first]);
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Play Second One, 3:20' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add Second One to queue' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add Bonus to queue' }));
    fireEvent.keyDown(document.activeElement!, { key: 'PageUp' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add First One to queue' }));
    expect(all().filter((b) => b.tabIndex === 0)).toHaveLength(1);
  });

  it('renders hostile titles as text', async () => {
    const long = 'ﷺ'.repeat(500);
    renderAlbum(makeAlbum({ title: EVIL, artist: `\u202E${EVIL}`, tracks: [makeTrack({ title: long }), makeTrack({ title: EVIL, trackNo: 2 })] }));
    expect(await screen.findByRole('heading', { level: 1, name: EVIL })).toBeTruthy();
    expect(screen.getByRole('button', { name: `Play ${long} · The Glass Wings, 3:35` }).getAttribute('title')).toBe(long);
    expect(screen.getByRole('button', { name: `Play ${EVIL} · The Glass Wings, 3:35` })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('says a removed album is not in the library any more', async () => {
    renderScreen(<AlbumScreen id={makeAlbum().id} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'This is not in your library any more' })).toBeTruthy();
  });
});
