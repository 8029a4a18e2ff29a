import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeLibrary, makeMovie, makeTelemetry } from './api/testing';
import { App } from './App';
import { renderWithApi } from './test-utils';

beforeEach(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
});

// Issue 13: these go back on as the screens land (the player helper rewrites them for routes).
describe('App', () => {
  it.skip('shows first-run consent until it has been seen, then the library', async () => {
    const user = userEvent.setup();
    renderWithApi(<App />, {
      telemetry: makeTelemetry({ consent: { seen: false, master: false, categories: { performance: false, usage: false, diagnostics: false }, source: 'user', lockedReason: null, pendingCategories: [] } }),
    });
    expect(await screen.findByRole('heading', { name: 'Before you start: what Glasswing could send' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Library' })).toBeTruthy();
  });

  it.skip('a tile click opens the player, which keeps playing on What we collect', async () => {
    const user = userEvent.setup();
    renderWithApi(<App />);
    await user.click(await screen.findByRole('button', { name: 'Play Night Train (1998)' }));
    const player = await screen.findByRole('region', { name: 'Player' });
    expect(within(player).getByLabelText('Video player')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: 'What we collect' }));
    expect(screen.getByRole('heading', { level: 1, name: 'What we collect' })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: 'What we collect' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('region', { name: 'Player' })).toBe(player);
    await user.click(screen.getByRole('button', { name: 'Close player' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Player' })).toBeNull());
  });

  it.skip('Space after a poster was clicked or opened with Enter pauses the movie instead of reopening it from 0:00', async () => {
    const user = userEvent.setup();
    let paused = true;
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(async () => void (paused = false));
    vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => void (paused = true));
    vi.spyOn(HTMLMediaElement.prototype, 'paused', 'get').mockImplementation(() => paused);
    const { fake } = renderWithApi(<App />);
    const poster = await screen.findByRole('button', { name: 'Play Night Train (1998)' });
    await user.click(poster);
    await screen.findByLabelText('Video player');
    await waitFor(() => expect(paused).toBe(false));
    expect(document.activeElement).toBe(poster);
    await user.keyboard(' ');
    expect(paused).toBe(true);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.callsTo('playback.open')).toHaveLength(2));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Play Night Train (1998)' }));
    await user.keyboard(' ');
    await user.keyboard(' ');
    expect(fake.callsTo('playback.open')).toHaveLength(2);
  });

  it.skip('g then w and g then l switch screens', async () => {
    const user = userEvent.setup();
    renderWithApi(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Library' });
    await user.keyboard('gw');
    expect(screen.getByRole('heading', { level: 1, name: 'What we collect' })).toBeTruthy();
    await user.keyboard('gl');
    expect(screen.getByRole('heading', { level: 1, name: 'Library' })).toBeTruthy();
  });

  it.skip('a track plays its album from there on in the queue, and Add to queue appends', async () => {
    const user = userEvent.setup();
    renderWithApi(<App />);
    await user.click(await screen.findByRole('button', { name: 'Play Low Tide' }));
    const player = await screen.findByRole('region', { name: 'Player' });
    const list = within(player).getByRole('list', { name: 'Play queue' });
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('.playq-track')?.textContent)).toEqual(['Low Tide', 'Undertow']);
    await user.click(screen.getByRole('button', { name: 'Add Low Tide to queue' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    await user.keyboard('n');
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Play queue' })).getAllByRole('listitem')[1]!.getAttribute('aria-current')).toBe('true'));
  });

  it.skip('resumes a movie where it was left, and refetches the library after the player closes', async () => {
    const user = userEvent.setup();
    const library = makeLibrary({ movies: [makeMovie({ resumeSec: 754 })] });
    const { fake } = renderWithApi(<App />, { library }, {
      'playback.open': ({ itemId, startSec }) => ({
        sessionId: '3f0c2a8e-7d4b-4f6a-9e21-5b8c1d2e3f40', itemId, kind: 'movie', title: 'Night Train', url: `/media/${itemId}`, mime: 'video/mp4', decision: 'direct',
        reason: 'Direct play.', video: 'copy', audio: 'copy', durationSec: 5400, startSec: startSec ?? 0, subtitles: [], audioTracks: [], chapters: [],
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Play Night Train (1998)' }));
    expect(await screen.findByText('Resumed at 12:34')).toBeTruthy();
    expect(fake.callsTo('playback.open')[0]).toMatchObject({ startSec: 754 });
    const before = fake.callsTo('library.snapshot').length;
    await user.click(screen.getByRole('button', { name: 'Close player' }));
    await waitFor(() => expect(fake.callsTo('library.snapshot').length).toBeGreaterThan(before));
    const methods = fake.calls.map((c) => c.method);
    expect(methods.lastIndexOf('library.snapshot')).toBeGreaterThan(methods.lastIndexOf('playback.stop'));
  });
});
