import { describe, expect, it } from 'vitest';
import { textTrackKey, textTrackModes } from './textTracks';

const OLD = '11111111-1111-4111-8111-111111111111';
const NEW = '22222222-2222-4222-8222-222222222222';

describe('textTrackModes', () => {
  it('shows only the chosen track of the session on screen, whatever its place in the list', () => {
    const keys = [textTrackKey(NEW, 0), textTrackKey(NEW, 1), textTrackKey(NEW, 3)];
    expect(textTrackModes(keys, textTrackKey(NEW, 1))).toEqual(['disabled', 'showing', 'disabled']);
  });

  it('switches off the replaced session’s tracks and tracks that are not ours, even where they come first', () => {
    // After an audio switch: the old English and French still listed, a track hls.js added, then the new ones.
    const keys = [textTrackKey(OLD, 0), textTrackKey(OLD, 1), null, textTrackKey(NEW, 0), textTrackKey(NEW, 1)];
    expect(textTrackModes(keys, textTrackKey(NEW, 0))).toEqual(['disabled', 'disabled', 'disabled', 'showing', 'disabled']);
  });

  it('never shows two tracks, even if the chosen one is listed twice', () => {
    const key = textTrackKey(NEW, 0);
    expect(textTrackModes([key, key], key)).toEqual(['showing', 'disabled']);
  });

  it('shows none when subtitles are off', () => {
    expect(textTrackModes([textTrackKey(NEW, 0), null], null)).toEqual(['disabled', 'disabled']);
  });
});
