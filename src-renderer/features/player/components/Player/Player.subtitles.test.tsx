import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlaybackSource, SubtitleTrack } from '../../../../api';
import { renderWithApi } from '../../../../test-utils';
import { Player } from './Player';

const ITEM = 'mv1xxxxxxxxxxxxxxxxxxx';
const FIRST = '3f0c2a8e-7d4b-4f6a-9e21-5b8c1d2e3f40';
const SECOND = '5b2e3c9f-7d4b-4f6a-9e21-5b8c1d2e3f43';

const sub = (session: string, index: number, language: string, over: Partial<SubtitleTrack> = {}): SubtitleTrack => ({
  index, label: `${language} ${index}`, language, forced: false, default: false, origin: 'external', format: 'srt', url: `/media/subs/${session}/${index}.vtt`, burned: false, ...over,
});

function session(id: string, audioTrack = 0, subtitles?: SubtitleTrack[]): PlaybackSource {
  return {
    sessionId: id, itemId: ITEM, kind: 'movie', title: 'Night Train', url: `/media/hls/${id}/index.m3u8`, mime: 'video/mp4', decision: 'direct', reason: 'Direct play.',
    video: 'copy', audio: 'copy', durationSec: 100, startSec: 0, chapters: [],
    subtitles: subtitles ?? [sub(id, 0, 'en'), sub(id, 1, 'fr', { forced: true, default: true }), sub(id, 2, 'fr')],
    audioTracks: [
      { index: 0, label: 'English · AAC stereo', language: 'eng', codec: 'aac', channels: 2, selected: audioTrack === 0 },
      { index: 1, label: 'French · AAC stereo', language: 'fra', codec: 'aac', channels: 2, selected: audioTrack === 1 },
    ],
  };
}

/**
 * jsdom has no TextTracks: a stand-in for Chromium's. Each `<track>` has a TextTrack (created once, kept when the
 * element leaves, as a removed track's object outlives it); the element's list holds those of its `<track>`s in
 * tree order plus any added by script (as hls.js does). `autoSelect` is what Chromium's automatic selection does
 * a moment after new `<track>`s are added once subtitles have been shown on the element: it switches one of them
 * on by itself and says so with a `change` event.
 */
class FakeTextTrack {
  mode: TextTrackMode = 'disabled';
  constructor(readonly label: string) {}
}
const tracksOf = new WeakMap<HTMLTrackElement, FakeTextTrack>();
const extraTracks = new WeakMap<HTMLMediaElement, FakeTextTrack[]>();
const lists = new WeakMap<HTMLMediaElement, EventTarget>();

function fakeList(el: HTMLMediaElement): EventTarget {
  const current = () => [...[...el.querySelectorAll('track')].map((t) => t.track as unknown as FakeTextTrack), ...(extraTracks.get(el) ?? [])];
  const target = new EventTarget();
  return new Proxy(target, {
    get(t, prop) {
      if (prop === 'length') return current().length;
      if (typeof prop === 'string' && /^\d+$/.test(prop)) return current()[Number(prop)];
      const value = Reflect.get(t, prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}

beforeEach(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  vi.spyOn(HTMLMediaElement.prototype, 'textTracks', 'get').mockImplementation(function (this: HTMLMediaElement) {
    if (!lists.has(this)) lists.set(this, fakeList(this));
    return lists.get(this) as unknown as TextTrackList;
  });
  Object.defineProperty(HTMLTrackElement.prototype, 'track', {
    configurable: true,
    get(this: HTMLTrackElement) {
      if (!tracksOf.has(this)) tracksOf.set(this, new FakeTextTrack(this.label));
      return tracksOf.get(this);
    },
  });
});
afterEach(() => {
  delete (HTMLTrackElement.prototype as unknown as { track?: unknown }).track;
});

const video = () => screen.getByLabelText('Video player') as HTMLVideoElement;
const listed = () => [...Array(video().textTracks.length).keys()].map((i) => video().textTracks[i] as unknown as FakeTextTrack);
const showing = () => listed().filter((t) => t.mode === 'showing').map((t) => t.label);
const trackOf = (sessionId: string, index: number) => video().querySelector<HTMLTrackElement>(`track[data-key="${sessionId}:${index}"]`)!.track as unknown as FakeTextTrack;

function autoSelect(track: FakeTextTrack) {
  track.mode = 'showing';
  act(() => void video().textTracks.dispatchEvent(new Event('change')));
}

describe('subtitles after an audio switch', () => {
  function openSwitching() {
    return renderWithApi(<Player itemId={ITEM} onClose={() => {}} />, {}, { 'playback.open': ({ audioTrack }) => (audioTrack === undefined ? session(FIRST) : session(SECOND, audioTrack)) });
  }

  it('shows exactly the chosen track: the old session’s tracks go off and the browser’s own pick is undone', async () => {
    const user = userEvent.setup();
    const { fake } = openSwitching();
    await screen.findByLabelText('Video player');
    await user.selectOptions(screen.getByLabelText('Subtitles'), '0');
    expect(showing()).toEqual(['en 0']);
    const oldEnglish = trackOf(FIRST, 0);

    await user.selectOptions(screen.getByLabelText('Audio track'), '1');
    await waitFor(() => expect(fake.callsTo('playback.open')).toHaveLength(2));
    await waitFor(() => expect(video().querySelector(`track[data-key="${SECOND}:0"]`)).not.toBeNull());
    expect(video().querySelectorAll('track')).toHaveLength(3);
    // The replaced session's English was switched off before it left, so its cue cannot stay on the picture.
    expect(oldEnglish.mode).toBe('disabled');
    expect(trackOf(SECOND, 0).mode).toBe('showing');

    // A moment later the browser switches on one of the new tracks by itself.
    autoSelect(trackOf(SECOND, 1));
    expect(showing()).toEqual(['en 0']);
    expect(trackOf(SECOND, 0).mode).toBe('showing');
  });

  it('switches off a track that is not one of the session’s (added by script), whatever its place', async () => {
    renderWithApi(<Player itemId={ITEM} onClose={() => {}} />, {}, { 'playback.open': () => session(FIRST) });
    await screen.findByLabelText('Video player');
    const stray = new FakeTextTrack('English (hls.js)');
    extraTracks.set(video(), [stray]);
    autoSelect(stray);
    expect(stray.mode).toBe('disabled');
    expect(showing()).toEqual(['fr 1']);
  });
});

describe('preferred languages', () => {
  it('asks main for the audio in the preferred language, and starts with subtitles in the preferred one', async () => {
    const { fake } = renderWithApi(<Player itemId={ITEM} onClose={() => {}} language="fr" subtitleLanguage="fra" />, {}, { 'playback.open': () => session(FIRST) });
    await screen.findByLabelText('Video player');
    expect(fake.callsTo('playback.open')[0]).toMatchObject({ language: 'fr' });
    // The full French track, not the forced one main would start with.
    expect((screen.getByLabelText('Subtitles') as HTMLSelectElement).value).toBe('2');
    expect(showing()).toEqual(['fr 2']);
  });

  it('keeps what the user picked in this session across a reopen', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApi(<Player itemId={ITEM} onClose={() => {}} subtitleLanguage="fr" />, {}, { 'playback.open': ({ audioTrack }) => (audioTrack === undefined ? session(FIRST) : session(SECOND, audioTrack)) });
    await screen.findByLabelText('Video player');
    await user.selectOptions(screen.getByLabelText('Subtitles'), '');
    await user.selectOptions(screen.getByLabelText('Audio track'), '1');
    await waitFor(() => expect(fake.callsTo('playback.open')).toHaveLength(2));
    await waitFor(() => expect(video().querySelector(`track[data-key="${SECOND}:0"]`)).not.toBeNull());
    expect((screen.getByLabelText('Subtitles') as HTMLSelectElement).value).toBe('');
    expect(showing()).toEqual([]);
  });
});
