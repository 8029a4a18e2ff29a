import { describe, expect, it } from 'vitest';
import type { SubtitleTrack } from '../../../api';
import { startingSubtitle } from './trackChoice';

const track = (index: number, language: string | null, over: Partial<SubtitleTrack> = {}): SubtitleTrack => ({
  index, label: `${language} ${index}`, language, forced: false, default: false, origin: 'external', format: 'srt', url: `/media/subs/s/${index}.vtt`, burned: false, ...over,
});

describe('startingSubtitle', () => {
  const tracks = [track(0, 'eng'), track(1, 'fre', { forced: true, default: true }), track(2, 'fra'), track(3, 'de', { url: null, format: 'pgs' })];

  it('starts with a full track in the preferred language, however its code is written', () => {
    expect(startingSubtitle(tracks, 'fr')).toBe(2);
    expect(startingSubtitle(tracks, 'fra')).toBe(2);
    expect(startingSubtitle(tracks, 'en')).toBe(0);
  });

  it('takes a forced track in that language when there is nothing else in it', () => {
    expect(startingSubtitle([track(0, 'en'), track(1, 'fr', { forced: true })], 'fr')).toBe(1);
  });

  it('falls back to main’s default, never to a picture track, and to none', () => {
    expect(startingSubtitle(tracks, null)).toBe(1);
    expect(startingSubtitle(tracks, 'de')).toBe(1);
    expect(startingSubtitle([track(0, 'en')], null)).toBeNull();
  });
});
