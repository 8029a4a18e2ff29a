import { describe, expect, it } from 'vitest';
import type { PlaybackSource } from '../../../api';
import { pendingView } from './reopen';

const previous = {
  audioTracks: [
    { index: 0, label: 'English', language: 'eng', codec: 'aac', channels: 2, selected: true },
    { index: 1, label: 'French', language: 'fra', codec: 'aac', channels: 2, selected: false },
  ],
  subtitles: [
    { index: 0, label: 'English (SRT)', language: 'en', forced: false, default: false, origin: 'external', format: 'srt', url: '/media/subs/x/0.vtt', burned: false },
    { index: 1, label: 'English (PGS pictures)', language: 'en', forced: false, default: false, origin: 'embedded', format: 'pgs', url: null, burned: true },
    { index: 2, label: 'French (PGS pictures)', language: 'fr', forced: false, default: false, origin: 'embedded', format: 'pgs', url: null, burned: false },
  ],
} as unknown as PlaybackSource;

describe('pendingView', () => {
  it('shows the newly chosen audio track as selected while the new session opens', () => {
    expect(pendingView(previous, { audioTrack: 1, burnSubtitle: 1 }).audioTracks.map((t) => t.selected)).toEqual([false, true]);
  });

  it('shows the picture track being burned in, and none when burning in stops', () => {
    expect(pendingView(previous, { burnSubtitle: 2 }).subtitles.map((t) => t.burned)).toEqual([false, false, true]);
    expect(pendingView(previous, {}).subtitles.map((t) => t.burned)).toEqual([false, false, false]);
  });

  it('keeps the audio choice as it was when only the burn-in changes', () => {
    expect(pendingView(previous, { burnSubtitle: 2 }).audioTracks).toBe(previous.audioTracks);
  });
});
