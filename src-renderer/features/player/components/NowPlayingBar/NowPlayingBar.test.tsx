import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlaybackSource } from '../../../../api';
import { renderWithApi } from '../../../../test-utils';
import { createPlayQueue, type PlayQueueTrack } from '../../model/playQueue';
import { createPreloader } from '../../model/preloader';
import { NowPlayingBar } from './NowPlayingBar';

const SESSION = '3f0c2a8e-7d4b-4f6a-9e21-5b8c1d2e3f40';
const THUMB = `/thumb/${'a'.repeat(64)}`;
const ALBUM: PlayQueueTrack[] = ['First Light', 'Undertow', 'Lantern'].map((title, i) => ({
  itemId: `tr${i}`.padEnd(22, 'x'), title, artist: 'Glass Harbour', album: 'Low Tide', durationSec: 100, thumbUrl: THUMB, coverUrl: null,
}));

function trackSource(itemId: string, over: Partial<PlaybackSource> = {}): PlaybackSource {
  return {
    sessionId: SESSION, itemId, kind: 'track', title: ALBUM.find((t) => t.itemId === itemId)?.title ?? 'Track', url: `/media/${itemId}`, mime: 'audio/mpeg',
    decision: 'direct', reason: 'MP3 plays natively.', video: 'none', audio: 'copy', durationSec: 100, startSec: 0, subtitles: [], audioTracks: [], chapters: [], ...over,
  };
}

let paused = true;
beforeEach(() => {
  paused = true;
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(async function (this: HTMLMediaElement) {
    paused = false;
    this.dispatchEvent(new Event('play'));
  });
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (this: HTMLMediaElement) {
    paused = true;
    this.dispatchEvent(new Event('pause'));
  });
  vi.spyOn(HTMLMediaElement.prototype, 'paused', 'get').mockImplementation(() => paused);
  vi.spyOn(HTMLMediaElement.prototype, 'duration', 'get').mockReturnValue(100);
});

function renderBar(tracks = ALBUM, preload = false) {
  const queue = createPlayQueue(() => 0);
  queue.playFrom(tracks);
  const ports = { open: vi.fn(async (id: string) => trackSource(id, { sessionId: '9d1c2a8e-7d4b-4f6a-9e21-5b8c1d2e3f41' })), stop: vi.fn() };
  const preloader = preload ? createPreloader(ports) : undefined;
  const onClose = vi.fn();
  const rendered = renderWithApi(<NowPlayingBar playQueue={queue} preloader={preloader} onClose={onClose} />, {}, { 'playback.open': ({ itemId }) => trackSource(itemId) });
  const bar = () => screen.getByRole('region', { name: 'Now playing' });
  return { ...rendered, queue, ports, preloader, onClose, bar, user: userEvent.setup() };
}

describe('NowPlayingBar', () => {
  it('shows the album’s cover, the title, artist and album, and hostile titles only as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { bar } = renderBar([{ ...ALBUM[0]!, title: hostile, album: hostile }]);
    await screen.findByLabelText('Audio player');
    const cover = bar().querySelector('img.np-cover');
    expect(cover?.getAttribute('src')).toBe(THUMB);
    expect(cover?.getAttribute('alt')).toBe('');
    expect(within(bar()).getByText(hostile)).toBeTruthy();
    expect(within(bar()).getByText(`Glass Harbour · ${hostile}`)).toBeTruthy();
    expect(bar().querySelectorAll('img')).toHaveLength(1);
  });

  it('falls back to a quiet note without a cover', async () => {
    const { bar } = renderBar([{ ...ALBUM[0]!, thumbUrl: null, coverUrl: null }]);
    await screen.findByLabelText('Audio player');
    expect(bar().querySelector('img')).toBeNull();
    expect(bar().querySelector('.np-cover.is-empty')).toBeTruthy();
  });

  it('plays and pauses, seeks, and sets the volume from its own controls', async () => {
    const { bar, user } = renderBar();
    const audio = (await screen.findByLabelText('Audio player')) as HTMLAudioElement;
    expect(await within(bar()).findByRole('button', { name: 'Pause' }, { timeout: 5000 })).toBeTruthy();
    await user.click(within(bar()).getByRole('button', { name: 'Pause' }));
    expect(paused).toBe(true);
    expect(within(bar()).getByRole('button', { name: 'Play' })).toBeTruthy();
    audio.currentTime = 62;
    fireEvent.timeUpdate(audio);
    const seek = within(bar()).getByRole('slider', { name: 'Seek' });
    expect(seek.getAttribute('aria-valuetext')).toBe('1:02 of 1:40');
    fireEvent.change(seek, { target: { value: '30' } });
    expect(audio.currentTime).toBe(30);
    fireEvent.change(within(bar()).getByRole('slider', { name: 'Volume' }), { target: { value: '40' } });
    expect(audio.volume).toBe(0.4);
    await user.click(within(bar()).getByRole('button', { name: 'Mute' }));
    expect(audio.muted).toBe(true);
    expect(within(bar()).getByRole('button', { name: 'Unmute' })).toBeTruthy();
  });

  it('keeps one audio element, and its volume, from track to track; n, p and the end of a track move through the queue', async () => {
    const { queue, user } = renderBar();
    const audio = (await screen.findByLabelText('Audio player')) as HTMLAudioElement;
    audio.volume = 0.3;
    await user.keyboard('n');
    expect(queue.get().index).toBe(1);
    await waitFor(() => expect(audio.getAttribute('src')).toBe(`/media/${ALBUM[1]!.itemId}`));
    expect(screen.getByLabelText('Audio player')).toBe(audio);
    expect(audio.volume).toBe(0.3);
    audio.currentTime = 1;
    await user.keyboard('p');
    expect(queue.get().index).toBe(0);
    // Well into a track, previous starts it again instead.
    audio.currentTime = 30;
    await user.keyboard('p');
    expect(audio.currentTime).toBe(0);
    expect(queue.get().index).toBe(0);
    fireEvent.ended(audio);
    expect(queue.get().index).toBe(1);
  });

  it('opens the queue above the bar, and Escape closes it without going anywhere', async () => {
    const { bar, user } = renderBar();
    await screen.findByLabelText('Audio player');
    const toggle = within(bar()).getByRole('button', { name: 'Queue' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('list', { name: 'Play queue' });
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('.playq-track')?.textContent)).toEqual(['First Light', 'Undertow', 'Lantern']);
    const outside = vi.fn();
    document.addEventListener('keydown', outside);
    within(list).getByRole('button', { name: 'Jump to Undertow, Glass Harbour · 1:40' }).focus();
    await user.keyboard('{Escape}');
    document.removeEventListener('keydown', outside);
    expect(screen.queryByRole('list', { name: 'Play queue' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
    expect(outside).not.toHaveBeenCalled();
  });

  describe('keys, on any screen', () => {
    it('Space plays or pauses once from a focused button elsewhere, without pressing it; never in a text field', async () => {
      const { user } = renderBar();
      await screen.findByLabelText('Audio player');
      await waitFor(() => expect(paused).toBe(false));
      const elsewhere = document.createElement('button');
      const pressed = vi.fn();
      elsewhere.addEventListener('click', pressed);
      const field = document.createElement('input');
      document.body.append(elsewhere, field);
      act(() => elsewhere.focus());
      await user.keyboard(' ');
      expect(paused).toBe(true);
      expect(pressed).not.toHaveBeenCalled();
      act(() => field.focus());
      await user.keyboard(' k');
      expect(paused).toBe(true);
      elsewhere.remove();
      field.remove();
    });

    it('leaves arrows to the page outside the bar, and seeks with them inside it', async () => {
      const { bar, user } = renderBar();
      const audio = (await screen.findByLabelText('Audio player')) as HTMLAudioElement;
      audio.currentTime = 50;
      await user.keyboard('{ArrowRight}');
      expect(audio.currentTime).toBe(50);
      act(() => within(bar()).getByRole('button', { name: 'Next track' }).focus());
      await user.keyboard('{ArrowLeft}');
      expect(audio.currentTime).toBe(45);
      await user.keyboard('m');
      expect(audio.muted).toBe(true);
    });

    it('lets a key the shell took first alone (the second key of a "g" chord)', async () => {
      const { user } = renderBar();
      const audio = (await screen.findByLabelText('Audio player')) as HTMLAudioElement;
      const chord = (e: KeyboardEvent) => e.key === 'm' && e.preventDefault();
      document.addEventListener('keydown', chord);
      await user.keyboard('m');
      document.removeEventListener('keydown', chord);
      expect(audio.muted).toBe(false);
    });

    it('stay off while a video plays over everything', async () => {
      const queue = createPlayQueue(() => 0);
      queue.playFrom(ALBUM);
      renderWithApi(<NowPlayingBar playQueue={queue} onClose={() => {}} keysEnabled={false} />, {}, { 'playback.open': ({ itemId }) => trackSource(itemId) });
      await screen.findByLabelText('Audio player');
      await userEvent.setup().keyboard('n');
      expect(queue.get().index).toBe(0);
    });
  });

  it('stops and closes', async () => {
    const { bar, user, onClose } = renderBar();
    await screen.findByLabelText('Audio player');
    await user.click(within(bar()).getByRole('button', { name: 'Stop and close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('tells the Media Session what plays and answers the OS media keys', async () => {
    const handlers = new Map<string, ((d: { seekTime?: number }) => void) | null>();
    const session = { metadata: null as unknown, setActionHandler: (a: string, h: ((d: { seekTime?: number }) => void) | null) => handlers.set(a, h) };
    Object.defineProperty(navigator, 'mediaSession', { value: session, configurable: true });
    vi.stubGlobal('MediaMetadata', class {
      constructor(readonly init: { title: string; artist: string; album: string }) {}
    });
    try {
      const { queue, unmount } = renderBar();
      const audio = (await screen.findByLabelText('Audio player')) as HTMLAudioElement;
      await waitFor(() => expect((session.metadata as { init: unknown } | null)?.init).toEqual({ title: 'First Light', artist: 'Glass Harbour', album: 'Low Tide' }));
      expect([...handlers.keys()].sort()).toEqual(['nexttrack', 'pause', 'play', 'previoustrack', 'seekto']);
      handlers.get('seekto')?.({ seekTime: 42 });
      expect(audio.currentTime).toBe(42);
      act(() => handlers.get('pause')?.({}));
      expect(paused).toBe(true);
      act(() => handlers.get('nexttrack')?.({}));
      expect(queue.get().index).toBe(1);
      unmount();
      expect(session.metadata).toBeNull();
      expect(handlers.get('nexttrack')).toBeNull();
    } finally {
      delete (navigator as unknown as { mediaSession?: unknown }).mediaSession;
      vi.unstubAllGlobals();
    }
  });

  it('preloads the next track shortly before the end, not when it is queued, and takes it over', async () => {
    const { ports, preloader } = renderBar(ALBUM, true);
    const audio = (await screen.findByLabelText('Audio player')) as HTMLAudioElement;
    await waitFor(() => expect(audio.getAttribute('src')).toBe(`/media/${ALBUM[0]!.itemId}`));
    audio.currentTime = 50;
    fireEvent.timeUpdate(audio);
    expect(ports.open).not.toHaveBeenCalled();
    audio.currentTime = 95;
    fireEvent.timeUpdate(audio);
    fireEvent.timeUpdate(audio);
    expect(ports.open).toHaveBeenCalledTimes(1);
    expect(ports.open).toHaveBeenCalledWith(ALBUM[1]!.itemId);
    await waitFor(() => expect(document.querySelector('audio.preload')?.getAttribute('src')).toBe(`/media/${ALBUM[1]!.itemId}`));
    // Outside the bar's region: it is not what plays.
    expect(screen.getByRole('region', { name: 'Now playing' }).querySelectorAll('audio')).toHaveLength(1);
    expect(preloader!.take(ALBUM[1]!.itemId)?.sessionId).toBe('9d1c2a8e-7d4b-4f6a-9e21-5b8c1d2e3f41');
    expect(ports.stop).not.toHaveBeenCalled();
  });
});
