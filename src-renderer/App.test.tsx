import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlaybackSource } from './api';
import { makeAlbum, makeLibrary, makeMovie, makeTelemetry, makeTrack } from './api/testing';
import { App } from './App';
import type * as Details from './features/details';
import { renderWithApi } from './test-utils';

/**
 * The item page as far as these tests need it: Play, Play from the start and Add to queue, through the shell's
 * real player (`usePlayback`). The detail screens are built elsewhere; these tests are about the shell and the
 * player, so they do not depend on how those pages look.
 */
vi.mock('./features/details', async (importOriginal) => {
  const original = await importOriginal<typeof Details>();
  const { usePlayback } = await import('./app');
  function ItemScreen({ id }: { id: string }) {
    const playback = usePlayback();
    return (
      <section aria-label="Item page">
        <button type="button" onClick={() => playback.playItem(id)}>
          Play
        </button>
        <button type="button" onClick={() => playback.playItem(id, { fromStart: true })}>
          Play from the start
        </button>
        <button type="button" onClick={() => playback.queueTracks([{ itemId: id, title: 'Added', artist: null, album: null, durationSec: 60 }])}>
          Add to queue
        </button>
      </section>
    );
  }
  return { ...original, ItemScreen };
});

const movie = makeMovie({ title: 'Night Train' });
const album = makeAlbum({ tracks: [makeTrack({ title: 'Low Tide' }), makeTrack({ title: 'Undertow', trackNo: 2 })] });
const library = makeLibrary({ movies: [movie], albums: [album] });

function openResumable({ itemId, startSec }: { itemId: string; startSec?: number }): PlaybackSource {
  const kind = album.tracks.some((t) => t.id === itemId) ? 'track' : 'movie';
  return {
    sessionId: '3f0c2a8e-7d4b-4f6a-9e21-5b8c1d2e3f40', itemId, kind, title: kind === 'track' ? 'Track' : 'Night Train', url: `/media/${itemId}`, mime: kind === 'track' ? 'audio/mpeg' : 'video/mp4',
    decision: 'direct', reason: 'Direct play.', video: kind === 'track' ? 'none' : 'copy', audio: 'copy', durationSec: 5400, startSec: startSec ?? 0, subtitles: [], audioTracks: [], chapters: [],
  };
}

let paused = true;
beforeEach(() => {
  window.location.hash = '';
  paused = true;
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(async () => void (paused = false));
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => void (paused = true));
  vi.spyOn(HTMLMediaElement.prototype, 'paused', 'get').mockImplementation(() => paused);
});

/** The app at an address, as after a reload there. */
function renderAt(hash: string, init: Parameters<typeof renderWithApi>[1] = {}) {
  window.location.hash = hash;
  return renderWithApi(<App />, { library, ...init }, { 'playback.open': openResumable });
}

describe('App', () => {
  it('shows first-run consent until it has been seen, then the app', async () => {
    const user = userEvent.setup();
    renderWithApi(<App />, {
      telemetry: makeTelemetry({ consent: { seen: false, master: false, categories: { performance: false, usage: false, diagnostics: false }, source: 'user', lockedReason: null, pendingCategories: [] } }),
    });
    expect(await screen.findByRole('heading', { name: 'Before you start: what Glasswing could send' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('plays a movie over the whole window, with the page still under it; Escape is back where you were', async () => {
    const user = userEvent.setup();
    renderAt(`#/item/${movie.id}`);
    const play = await screen.findByRole('button', { name: 'Play' });
    await user.click(play);
    const layer = await screen.findByRole('dialog', { name: 'Night Train' });
    expect(within(layer).getByLabelText('Video player')).toBeTruthy();
    expect(layer.contains(document.activeElement)).toBe(true);
    expect(document.querySelector('.shell')?.hasAttribute('inert')).toBe(true);
    // The page it was opened from stays mounted, as it was.
    expect(screen.getByRole('region', { name: 'Item page', hidden: true })).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Night Train' })).toBeNull());
    expect(window.location.hash).toBe(`#/item/${movie.id}`);
    expect(document.activeElement).toBe(play);
    expect(document.querySelector('.shell')?.hasAttribute('inert')).toBe(false);
  });

  it('Space after Play was clicked or pressed with Enter pauses the movie instead of opening it again from 0:00', async () => {
    const user = userEvent.setup();
    const { fake } = renderAt(`#/item/${movie.id}`);
    const play = await screen.findByRole('button', { name: 'Play' });
    await user.click(play);
    await screen.findByLabelText('Video player');
    await waitFor(() => expect(paused).toBe(false));
    await user.keyboard(' ');
    expect(paused).toBe(true);
    await user.keyboard(' ');
    expect(paused).toBe(false);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(play));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.callsTo('playback.open')).toHaveLength(2));
    await waitFor(() => expect(paused).toBe(false));
    await user.keyboard(' ');
    await user.keyboard(' ');
    expect(fake.callsTo('playback.open')).toHaveLength(2);
    expect(paused).toBe(false);
  });

  it('g then a section’s key switches screens, and music keys never take the chord’s second key', async () => {
    const user = userEvent.setup();
    renderAt(`#/item/${album.tracks[0]!.id}`);
    await user.click(await screen.findByRole('button', { name: 'Play' }));
    const audio = (await screen.findByLabelText('Audio player')) as HTMLAudioElement;
    await user.keyboard('gw');
    expect(await screen.findByRole('heading', { level: 1, name: 'What we collect' })).toBeTruthy();
    expect(window.location.hash).toBe('#/privacy');
    await user.keyboard('gm');
    await waitFor(() => expect(window.location.hash).toBe('#/movies'));
    expect(audio.muted).toBe(false);
    await user.keyboard('gh');
    await waitFor(() => expect(window.location.hash).toBe('#/'));
  });

  it('a track plays its album from there on in the bar, which keeps playing on every screen', async () => {
    const user = userEvent.setup();
    renderAt(`#/item/${album.tracks[0]!.id}`);
    await user.click(await screen.findByRole('button', { name: 'Play' }));
    const bar = await screen.findByRole('region', { name: 'Now playing' });
    const audio = within(bar).getByLabelText('Audio player');
    expect(within(bar).getByText('Low Tide')).toBeTruthy();
    expect(document.body.classList.contains('has-now-playing')).toBe(true);
    await user.click(within(bar).getByRole('button', { name: 'Queue' }));
    const rows = () => within(screen.getByRole('list', { name: 'Play queue' })).getAllByRole('listitem');
    expect(rows().map((li) => li.querySelector('.playq-track')?.textContent)).toEqual(['Low Tide', 'Undertow']);
    await user.click(screen.getByRole('button', { name: 'Add to queue' }));
    expect(rows()).toHaveLength(3);
    await user.keyboard('n');
    await waitFor(() => expect(rows()[1]!.getAttribute('aria-current')).toBe('true'));

    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: /What we collect/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'What we collect' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Now playing' })).toBe(bar);
    expect(within(bar).getByLabelText('Audio player')).toBe(audio);
    // Space from anywhere but a text field plays or pauses it, once.
    await waitFor(() => expect(paused).toBe(false));
    act(() => within(nav).getByRole('link', { name: /Home/ }).focus());
    await user.keyboard(' ');
    expect(paused).toBe(true);
    expect(window.location.hash).toBe('#/privacy');

    await user.click(within(bar).getByRole('button', { name: 'Stop and close' }));
    expect(screen.queryByRole('region', { name: 'Now playing' })).toBeNull();
    expect(document.body.classList.contains('has-now-playing')).toBe(false);
  });

  it('resumes a movie where it was left, or plays it from the start on request', async () => {
    const user = userEvent.setup();
    const { fake } = renderAt(`#/item/${movie.id}`, { library: makeLibrary({ movies: [{ ...movie, resumeSec: 754 }], albums: [album] }) });
    await user.click(await screen.findByRole('button', { name: 'Play' }));
    expect(await screen.findByText('Resumed at 12:34')).toBeTruthy();
    expect(fake.callsTo('playback.open')[0]).toMatchObject({ itemId: movie.id, startSec: 754 });
    await user.click(screen.getByRole('button', { name: 'Close player' }));
    await waitFor(() => expect(fake.callsTo('playback.stop')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Play from the start' }));
    await screen.findByLabelText('Video player');
    expect(fake.callsTo('playback.open')[1]!.startSec).toBeUndefined();
    expect(screen.queryByText(/Resumed at/)).toBeNull();
  });

  it('opens in the preferred audio language', async () => {
    const user = userEvent.setup();
    const { fake } = renderAt(`#/item/${movie.id}`);
    fake.state.settings = { ...fake.state.settings, preferredAudioLanguage: 'fr' };
    await user.click(await screen.findByRole('button', { name: 'Play' }));
    await screen.findByLabelText('Video player');
    expect(fake.callsTo('playback.open')[0]).toMatchObject({ language: 'fr' });
  });
});
