import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Episode, Movie, PlaybackSource } from '../../../../api';
import { makeEpisode, makeMovie } from '../../../../api/testing';
import { renderWithApi } from '../../../../test-utils';
import { CONTROLS_IDLE_MS } from '../../hooks/useControlsShown';
import { detailsFromLibrary } from '../../model/details';
import { Player } from './Player';

const ITEM = 'mv1xxxxxxxxxxxxxxxxxxx';
const SESSION = '3f0c2a8e-7d4b-4f6a-9e21-5b8c1d2e3f40';

function source(over: Partial<PlaybackSource> = {}): PlaybackSource {
  return {
    sessionId: SESSION, itemId: ITEM, kind: 'movie', title: 'Night Train', url: `/media/${ITEM}`, mime: 'video/mp4', decision: 'direct',
    reason: 'Direct play: H.264 and AAC in MP4 play natively in this browser; nothing is converted.', video: 'copy', audio: 'copy',
    durationSec: 100, startSec: 0, subtitles: [], audioTracks: [], chapters: [], ...over,
  };
}

const transcoded = source({
  url: `/media/hls/${SESSION}/index.m3u8`,
  mime: 'application/vnd.apple.mpegurl',
  decision: 'transcode',
  reason: 'HEVC video is not supported by this browser → transcoding video to H.264; the AAC audio is re-encoded with it so both stay in step after seeks.',
  video: 'transcode',
  audio: 'transcode',
  subtitles: [
    { index: 0, label: 'English (external SRT)', language: 'en', forced: false, default: false, origin: 'external', format: 'srt', url: `/media/subs/${SESSION}/0.vtt`, burned: false },
    { index: 1, label: 'French (forced, external ASS)', language: 'fr', forced: true, default: true, origin: 'external', format: 'ass', url: `/media/subs/${SESSION}/1.vtt`, burned: false },
    { index: 2, label: 'English (PGS pictures)', language: 'en', forced: false, default: false, origin: 'embedded', format: 'pgs', url: null, burned: false },
  ],
  audioTracks: [
    { index: 0, label: 'English · AAC stereo', language: 'eng', codec: 'aac', channels: 2, selected: true },
    { index: 1, label: 'French · AAC stereo', language: 'fra', codec: 'aac', channels: 2, selected: false },
  ],
  chapters: [{ title: 'Opening', startSec: 0 }, { title: 'The Pier', startSec: 42 }],
});

const FILE = { mime: 'video/mp4', size: 1, parts: [] };
const movieDetails = (movie: Movie) => detailsFromLibrary({ kind: 'movie', movie: { ...movie, genres: [] }, file: FILE });
const episodeDetails = (episode: Episode) => detailsFromLibrary({ kind: 'episode', episode, show: { id: 'sh1xxxxxxxxxxxxxxxxxxx', title: 'Harbour Lights', thumbUrl: null, posterUrl: null, fanartUrl: null }, file: FILE, next: null });

let paused = true;
beforeEach(() => {
  paused = true;
  // jsdom has no media pipeline.
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(async () => void (paused = false));
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => void (paused = true));
  vi.spyOn(HTMLMediaElement.prototype, 'paused', 'get').mockImplementation(() => paused);
  vi.spyOn(HTMLMediaElement.prototype, 'duration', 'get').mockReturnValue(100);
});

afterEach(() => {
  vi.useRealTimers();
});

async function openVideo(over: Parameters<typeof renderWithApi>[2] = {}) {
  const rendered = renderWithApi(<Player itemId={ITEM} onClose={() => {}} />, {}, over);
  const video = (await screen.findByLabelText('Video player')) as HTMLVideoElement;
  return { ...rendered, video };
}

describe('Player', () => {
  it('opens with this browser’s capabilities and shows how and why it plays that way', async () => {
    const { fake, video } = await openVideo();
    expect(video.getAttribute('src')).toBe(`/media/${ITEM}`);
    const open = fake.callsTo('playback.open')[0]!;
    expect(open.itemId).toBe(ITEM);
    expect(open.capabilities.mse).toBeDefined();
    expect(screen.getByRole('region', { name: 'Player' })).toBeTruthy();
    expect(screen.getByText('Direct play')).toBeTruthy();
    expect(screen.getByText(/H\.264 and AAC in MP4 play natively/)).toBeTruthy();
    expect(screen.queryByLabelText('Transcode status')).toBeNull();
  });

  it('shows a transcode’s reason and live speed, and ffmpeg’s error in words', async () => {
    const { fake } = await openVideo({ 'playback.open': () => transcoded, 'playback.status': ({ sessionId }) => ({ sessionId, state: 'starting', speed: null, message: null }) });
    expect(screen.getByText('Transcode')).toBeTruthy();
    expect(screen.getByText(/^HEVC video is not supported by this browser → transcoding video to H\.264/)).toBeTruthy();
    expect((await screen.findByLabelText('Transcode status')).textContent).toBe('Starting the transcoder…');
    act(() => fake.emit('onDidChangeTranscode', { sessionId: SESSION, state: 'running', speed: 1.84, message: null }));
    expect(screen.getByLabelText('Transcode status').textContent).toBe('Converting at 1.8× real time');
    act(() => fake.emit('onDidChangeTranscode', { sessionId: SESSION, state: 'running', speed: 0.6, message: null }));
    expect(screen.getByLabelText('Transcode status').textContent).toMatch(/slower than real time/);
    act(() => fake.emit('onDidChangeTranscode', { sessionId: SESSION, state: 'failed', speed: null, message: 'ffmpeg could not read “Harbour.mkv”: the file is damaged or is not a media file.' }));
    expect(screen.getByRole('alert').textContent).toMatch(/damaged or is not a media file/);
  });

  it('lists text subtitles as <track>s, starts with the forced one, and offers image tracks for burn-in', async () => {
    const { video, fake } = await openVideo({ 'playback.open': () => transcoded });
    const tracks = video.querySelectorAll('track');
    expect([...tracks].map((t) => [t.getAttribute('src'), t.getAttribute('label'), t.getAttribute('srclang')])).toEqual([
      [`/media/subs/${SESSION}/0.vtt`, 'English (external SRT)', 'en'],
      [`/media/subs/${SESSION}/1.vtt`, 'French (forced, external ASS)', 'fr'],
    ]);
    await waitFor(() => expect((screen.getByLabelText('Subtitles') as HTMLSelectElement).value).toBe('1'));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Burn in English (PGS pictures)' }));
    await waitFor(() => expect(fake.callsTo('playback.open')).toHaveLength(2));
    expect(fake.callsTo('playback.open')[1]).toMatchObject({ burnSubtitle: 2, startSec: 0 });
    expect(screen.getByRole('navigation', { name: 'Chapters' }).textContent).toContain('The Pier');
  });

  it('keeps focus on the burn-in button across the reopen it causes', async () => {
    const user = userEvent.setup();
    const BURNED = '4a1d2b8e-7d4b-4f6a-9e21-5b8c1d2e3f42';
    await openVideo({
      'playback.open': ({ burnSubtitle }) =>
        burnSubtitle === undefined ? transcoded : { ...transcoded, sessionId: BURNED, subtitles: transcoded.subtitles.map((t) => ({ ...t, burned: t.index === burnSubtitle })) },
    });
    await user.click(screen.getByRole('button', { name: 'Burn in English (PGS pictures)' }));
    const stop = await screen.findByRole('button', { name: 'Stop burning in English (PGS pictures)' });
    await waitFor(() => expect(document.activeElement).toBe(stop));
  });

  it('marks the chapter playing now, and seeks to a chosen one', async () => {
    const user = userEvent.setup();
    const { video } = await openVideo({ 'playback.open': () => transcoded });
    const chapters = screen.getByRole('navigation', { name: 'Chapters' });
    video.currentTime = 50;
    fireEvent.timeUpdate(video);
    expect(within(chapters).getByRole('button', { name: /The Pier/ }).getAttribute('aria-current')).toBe('true');
    await user.click(within(chapters).getByRole('button', { name: /Opening/ }));
    expect(video.currentTime).toBe(0);
    fireEvent.seeked(video);
    expect(within(chapters).getByRole('button', { name: /Opening/ }).getAttribute('aria-current')).toBe('true');
  });

  it('binds the keys of issue 7', async () => {
    const user = userEvent.setup();
    const onNext = vi.fn();
    const onPrevious = vi.fn();
    const { fake } = renderWithApi(<Player itemId={ITEM} onClose={() => {}} onNext={onNext} onPrevious={onPrevious} />, {}, { 'playback.open': () => transcoded });
    const video = (await screen.findByLabelText('Video player')) as HTMLVideoElement;
    await waitFor(() => expect(paused).toBe(false));

    await user.keyboard('k');
    expect(paused).toBe(true);
    await user.keyboard(' ');
    expect(paused).toBe(false);

    video.currentTime = 50;
    await user.keyboard('{ArrowRight}');
    expect(video.currentTime).toBe(55);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(video.currentTime).toBe(45);
    await user.keyboard('l');
    expect(video.currentTime).toBe(55);
    await user.keyboard('j');
    expect(video.currentTime).toBe(45);

    video.volume = 0.5;
    await user.keyboard('{ArrowUp}');
    expect(video.volume).toBe(0.6);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(video.volume).toBe(0.4);
    await user.keyboard('m');
    expect(video.muted).toBe(true);
    await user.keyboard('m');
    expect(video.muted).toBe(false);

    await user.keyboard('7');
    expect(video.currentTime).toBe(70);
    await user.keyboard('0');
    expect(video.currentTime).toBe(0);

    // Frame steps only while paused.
    video.currentTime = 10;
    await user.keyboard('.');
    expect(video.currentTime).toBe(10);
    await user.keyboard('k');
    await user.keyboard('.');
    expect(video.currentTime).toBeCloseTo(10.04);
    await user.keyboard(',,');
    expect(video.currentTime).toBeCloseTo(9.96);

    // c cycles: forced French (default) → off → English → French.
    const select = screen.getByLabelText('Subtitles') as HTMLSelectElement;
    expect(select.value).toBe('1');
    await user.keyboard('c');
    expect(select.value).toBe('');
    await user.keyboard('c');
    expect(select.value).toBe('0');
    expect(screen.getAllByRole('status').map((el) => el.textContent)).toContain('Subtitles: English (external SRT)');

    await user.keyboard('n');
    expect(onNext).toHaveBeenCalledTimes(1);
    await user.keyboard('p');
    expect(onPrevious).toHaveBeenCalledTimes(1);

    const fullscreen = vi.fn().mockResolvedValue(undefined);
    (HTMLElement.prototype as unknown as { requestFullscreen: unknown }).requestFullscreen = fullscreen;
    await user.keyboard('f');
    expect(fullscreen).toHaveBeenCalledTimes(1);

    // a reopens the item with the next audio track, from where it was.
    video.currentTime = 33;
    await user.keyboard('a');
    await waitFor(() => expect(fake.callsTo('playback.open')).toHaveLength(2));
    expect(fake.callsTo('playback.open')[1]).toMatchObject({ audioTrack: 1, startSec: 33 });
    await waitFor(() => expect(fake.callsTo('playback.stop')).toEqual([{ sessionId: SESSION }]));
  });

  describe('Space plays or pauses exactly once, wherever focus is', () => {
    /** Chromium's own video controls toggle on Space's keyup unless the page took the key: modelled as a default action. */
    function nativeControlsOn(video: HTMLVideoElement) {
      const onKeyUp = (e: KeyboardEvent) => {
        if (e.key !== ' ' || e.defaultPrevented || e.target !== video) return;
        if (video.paused) void video.play();
        else video.pause();
      };
      window.addEventListener('keyup', onKeyUp);
      return () => window.removeEventListener('keyup', onKeyUp);
    }

    it('on the video, where its own controls would toggle a second time on keyup', async () => {
      const user = userEvent.setup();
      const { video } = await openVideo();
      await waitFor(() => expect(paused).toBe(false));
      const off = nativeControlsOn(video);
      act(() => video.focus());
      await user.keyboard(' ');
      expect(paused).toBe(true);
      await user.keyboard(' ');
      expect(paused).toBe(false);
      off();
    });

    it('on a focused button of the player, which Space would otherwise press', async () => {
      const user = userEvent.setup();
      const onClose = vi.fn();
      renderWithApi(<Player itemId={ITEM} onClose={onClose} />);
      await screen.findByLabelText('Video player');
      await waitFor(() => expect(paused).toBe(false));
      act(() => screen.getByRole('button', { name: 'Close player' }).focus());
      await user.keyboard(' ');
      expect(paused).toBe(true);
      expect(onClose).not.toHaveBeenCalled();
    });

    it('once per press while the key is held, and never in a text field', async () => {
      const user = userEvent.setup();
      await openVideo({ 'playback.open': () => transcoded });
      await waitFor(() => expect(paused).toBe(false));
      await user.keyboard('[Space>2/]');
      expect(paused).toBe(true);
      act(() => screen.getByLabelText('Subtitles').focus());
      await user.keyboard(' ');
      expect(paused).toBe(true);
    });
  });

  describe('reopening the item (another audio track, a picture track burned in)', () => {
    const FRENCH = '5b2e3c9f-7d4b-4f6a-9e21-5b8c1d2e3f43';
    const twoVoices = source({
      audioTracks: transcoded.audioTracks,
      chapters: transcoded.chapters,
      subtitles: [transcoded.subtitles[0]!, transcoded.subtitles[2]!],
    });
    let ready = 4;
    beforeEach(() => {
      ready = 4;
      vi.spyOn(HTMLMediaElement.prototype, 'readyState', 'get').mockImplementation(() => ready);
    });

    /** The reopened session opens only when the test says so, so the time in between can be looked at. */
    function gated() {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const handlers: Parameters<typeof renderWithApi>[2] = {
        'playback.open': async ({ audioTrack, burnSubtitle, startSec }) => {
          if (audioTrack === undefined && burnSubtitle === undefined) return twoVoices;
          await gate;
          return {
            ...twoVoices,
            sessionId: FRENCH,
            startSec: startSec ?? 0,
            audioTracks: twoVoices.audioTracks.map((t) => ({ ...t, selected: t.index === (audioTrack ?? 0) })),
            subtitles: twoVoices.subtitles.map((t) => ({ ...t, burned: t.index === burnSubtitle })),
          };
        },
      };
      return { handlers, open: () => act(async () => open()) };
    }
    const switching = () => screen.getAllByRole('status').find((el) => el.closest('.video-surface'))!;

    it('keeps the same video element, the panel and a paused state, and says what it is doing until the new picture is there', async () => {
      const user = userEvent.setup();
      const { handlers, open } = gated();
      const { fake, video } = await openVideo(handlers);
      await waitFor(() => expect(paused).toBe(false));
      await user.keyboard('k');
      video.currentTime = 33;
      await user.selectOptions(screen.getByLabelText('Audio track'), '1');

      await waitFor(() => expect(fake.callsTo('playback.open')).toHaveLength(2));
      expect(fake.callsTo('playback.open')[1]).toMatchObject({ audioTrack: 1, startSec: 33 });
      expect(switching().textContent).toContain('Switching audio track…');
      expect(within(switching()).getByRole('progressbar')).toBeTruthy();
      // Nothing in the panel jumps: the title, the chapters and the new choice stay in place.
      expect(screen.getByLabelText('Video player')).toBe(video);
      expect(screen.getByRole('heading', { name: 'Night Train' })).toBeTruthy();
      expect(screen.getByRole('navigation', { name: 'Chapters' })).toBeTruthy();
      expect((screen.getByLabelText('Audio track') as HTMLSelectElement).value).toBe('1');
      expect(screen.getByLabelText('Audio track')).toBe(document.activeElement);

      await open();
      await waitFor(() => expect(fake.callsTo('playback.stop')).toEqual([{ sessionId: SESSION }]));
      expect(screen.getByLabelText('Video player')).toBe(video);
      // The new stream loads: its first frame at 0 is not the picture at 33 yet.
      ready = 0;
      fireEvent.loadStart(video);
      ready = 2;
      video.currentTime = 0;
      fireEvent.loadedData(video);
      expect(switching().textContent).toContain('Switching audio track…');
      video.currentTime = 33;
      fireEvent.seeked(video);
      expect(switching().textContent).toBe('');
      expect(paused).toBe(true);
      expect(screen.getByLabelText('Audio track')).toBe(document.activeElement);
    });

    it('plays on after burning in a picture track while playing', async () => {
      const user = userEvent.setup();
      const { handlers, open } = gated();
      const { video } = await openVideo(handlers);
      await waitFor(() => expect(paused).toBe(false));
      video.currentTime = 12;
      await user.click(screen.getByRole('button', { name: 'Burn in English (PGS pictures)' }));
      expect(switching().textContent).toContain('Burning in subtitles…');
      // Frozen meanwhile: no sound runs on under a still picture.
      expect(paused).toBe(true);
      expect(screen.getByRole('button', { name: 'Stop burning in English (PGS pictures)' })).toBe(document.activeElement);
      await open();
      await waitFor(() => expect(paused).toBe(false));
      fireEvent.loadStart(video);
      fireEvent.canPlay(video);
      expect(switching().textContent).toBe('');
    });

    it('lets go of the held picture when the new session cannot be opened, so the error shows', async () => {
      const user = userEvent.setup();
      await openVideo({
        'playback.open': ({ audioTrack }) => {
          if (audioTrack === undefined) return twoVoices;
          throw new Error('The converter could not start.');
        },
      });
      await user.selectOptions(screen.getByLabelText('Audio track'), '1');
      expect((await screen.findByRole('alert')).textContent).toBe('The converter could not start.');
      expect(screen.queryByText('Switching audio track…')).toBeNull();
    });
  });

  it('shows the video’s own controls only while the pointer moves over the picture or the video has focus', async () => {
    const { video } = await openVideo();
    expect(video.hasAttribute('controls')).toBe(false);
    fireEvent.pointerMove(video);
    expect(video.hasAttribute('controls')).toBe(true);
    fireEvent.pointerLeave(video.closest('.player-stage')!);
    expect(video.hasAttribute('controls')).toBe(false);
    // A pointer resting on a paused picture lets the controls go after a while, as they do while playing.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.pointerMove(video);
    expect(video.hasAttribute('controls')).toBe(true);
    act(() => void vi.advanceTimersByTime(CONTROLS_IDLE_MS));
    expect(video.hasAttribute('controls')).toBe(false);
    vi.useRealTimers();
    expect(video.tabIndex).toBe(0);
    act(() => video.focus());
    expect(video.hasAttribute('controls')).toBe(true);
    act(() => video.blur());
    expect(video.hasAttribute('controls')).toBe(false);
  });

  it('shows a movie’s plot as text and its subtitle languages by name', async () => {
    const plot = 'A night train crosses the <b>border</b> & nobody sleeps.';
    const movie = makeMovie({ id: ITEM, plot, subtitleLanguages: ['en', 'fre', 'pt-BR'] });
    renderWithApi(<Player itemId={ITEM} onClose={() => {}} details={movieDetails(movie)} />);
    const details = screen.getByRole('complementary', { name: 'Playback details' });
    expect(await within(details).findByText(plot)).toBeTruthy();
    expect(details.querySelector('b')).toBeNull();
    expect(within(details).getByText('Subtitle languages').nextElementSibling?.textContent).toBe('English, French, Brazilian Portuguese');
  });

  it('gives a movie the picture’s shape while it opens, so nothing moves when the first frame comes', async () => {
    const movie = makeMovie({ id: ITEM, width: 1920, height: 800 });
    // The open never answers: the stage stays in its opening state.
    renderWithApi(<Player itemId={ITEM} onClose={() => {}} details={movieDetails(movie)} />, {}, { 'playback.open': () => new Promise(() => {}) });
    const opening = await screen.findByText('Opening…', { selector: '.player-opening' });
    expect((opening.parentElement as HTMLElement).style.getPropertyValue('--ratio')).toBe(String(800 / 1920));
  });

  it('shows an episode’s plot', async () => {
    const episode = makeEpisode({ id: ITEM, plot: 'The pier lights fail on the longest night.' });
    renderWithApi(<Player itemId={ITEM} onClose={() => {}} details={episodeDetails(episode)} />);
    expect(await screen.findByText('The pier lights fail on the longest night.')).toBeTruthy();
    expect(screen.queryByText('Subtitle languages')).toBeNull();
  });

  it('shows every binding in an accessible dialog on ?', async () => {
    const user = userEvent.setup();
    await openVideo();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const table = screen.getByRole('table', { name: 'Player keyboard shortcuts' });
    expect(dialog.contains(table)).toBe(true);
    for (const label of ['Play or pause', 'Back 5 seconds', 'Forward 10 seconds', 'Volume up or down', 'Mute or unmute', 'Full screen', 'Next subtitle track (or off)', 'Next audio track', 'Next or previous item in the queue', 'One frame back or forward (while paused)', 'Jump to 0 %, 10 % … 90 %']) {
      expect(screen.getByRole('row', { name: new RegExp(label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeTruthy();
    }
    // Keys typed inside the dialog do not drive the player; Escape closes the dialog, not the player.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('region', { name: 'Player' })).toBeTruthy();
  });

  it('reports started once, on the first playing event of the session', async () => {
    const { fake, video } = await openVideo();
    fireEvent.playing(video);
    fireEvent.playing(video);
    await waitFor(() => expect(fake.callsTo('playback.reportStarted')).toHaveLength(1));
    expect(fake.callsTo('playback.reportStarted')[0]).toEqual({ sessionId: SESSION });
  });

  it('maps a media error to the contract and says what went wrong', async () => {
    const { fake, video } = await openVideo();
    Object.defineProperty(video, 'error', { value: { code: 3 }, configurable: true });
    fireEvent.error(video);
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toMatch(/could not be decoded/);
    expect(fake.callsTo('playback.reportFailed')).toEqual([{ sessionId: SESSION, error: 'decode' }]);
  });

  it('closes with its button, and stops its session', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    const { fake, unmount } = renderWithApi(<Player itemId={ITEM} onClose={onClose} />);
    await screen.findByLabelText('Video player');
    await user.click(screen.getByRole('button', { name: 'Close player' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    unmount();
    await waitFor(() => expect(fake.callsTo('playback.stop')).toEqual([{ sessionId: SESSION }]));
  });

  it('shows the error from opening as text', async () => {
    renderWithApi(<Player itemId={ITEM} onClose={() => {}} />, {}, {
      'playback.open': () => {
        throw new Error('That item is no longer in the library.');
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe('That item is no longer in the library.');
  });

  it('reports progress every 5 s while playing, and on seek, pause and close (before stop)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { fake, video, unmount } = await openVideo();
    const reports = () => fake.callsTo('playback.reportProgress');
    // waitFor polls with setInterval, which is faked here: let the fake transport's promises settle instead.
    const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
    video.currentTime = 0;
    fireEvent.playing(video);
    for (const t of [0, 1, 2, 3, 4]) {
      video.currentTime = t;
      fireEvent.timeUpdate(video);
    }
    act(() => void vi.advanceTimersByTime(5000));
    await settle();
    expect(reports()).toEqual([{ sessionId: SESSION, positionSec: 4, playedSec: 4 }]);

    // A seek is not listening: it moves the position only.
    fireEvent.seeking(video);
    video.currentTime = 60;
    fireEvent.timeUpdate(video);
    fireEvent.seeked(video);
    await settle();
    expect(reports()[1]).toEqual({ sessionId: SESSION, positionSec: 60, playedSec: 0 });

    video.currentTime = 61.5;
    fireEvent.timeUpdate(video);
    fireEvent.pause(video);
    await settle();
    expect(reports()[2]).toEqual({ sessionId: SESSION, positionSec: 61.5, playedSec: 1.5 });
    // Paused: no more ticks.
    act(() => void vi.advanceTimersByTime(20_000));
    expect(reports()).toHaveLength(3);

    vi.useRealTimers();
    unmount();
    await waitFor(() => expect(fake.callsTo('playback.stop')).toEqual([{ sessionId: SESSION }]));
    const order = fake.calls.map((c) => c.method).filter((m) => m === 'playback.reportProgress' || m === 'playback.stop');
    expect(order.slice(-2)).toEqual(['playback.reportProgress', 'playback.stop']);
  });

  it('ignores a failed progress report: playback carries on and nothing is shown', async () => {
    const { fake, video } = await openVideo({
      'playback.reportProgress': () => {
        throw new Error('database is locked');
      },
    });
    video.currentTime = 3;
    fireEvent.timeUpdate(video);
    fireEvent.pause(video);
    await waitFor(() => expect(fake.callsTo('playback.reportProgress')).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Video player')).toBe(video);
  });

  it('resumes where the item was left, says so, and starts over on request', async () => {
    const user = userEvent.setup();
    const onSessionEnd = vi.fn();
    const { fake, unmount } = renderWithApi(<Player itemId={ITEM} onClose={() => {}} resumeSec={754} onSessionEnd={onSessionEnd} />, {}, {
      'playback.open': ({ itemId, startSec }) => source({ itemId, startSec: startSec ?? 0, durationSec: 5400 }),
    });
    const video = (await screen.findByLabelText('Video player')) as HTMLVideoElement;
    expect(fake.callsTo('playback.open')[0]).toMatchObject({ startSec: 754 });
    fireEvent.loadedMetadata(video);
    expect(video.currentTime).toBe(754);
    expect(screen.getByText('Resumed at 12:34')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    expect(video.currentTime).toBe(0);
    expect(screen.queryByText('Resumed at 12:34')).toBeNull();
    unmount();
    await waitFor(() => expect(onSessionEnd).toHaveBeenCalledWith(expect.objectContaining({ sessionId: SESSION })));
  });

});
