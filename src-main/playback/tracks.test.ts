import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudioStream, SubtitleStream } from './probe.js';
import { audioTracks, burnChoice, chooseAudio, defaultSubtitle, subtitleOptions, subtitleTracks } from './tracks.js';

const audio = (order: number, language: string | null, isDefault = false, channels: number | null = 2): AudioStream => ({ order, codec: 'aac', channels, language, title: null, isDefault });
const sub = (order: number, codec: string, language: string | null, forced = false): SubtitleStream => ({ order, codec, language, title: null, forced, isDefault: false });

let tmp: string;
let video: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-tracks-'));
  video = path.join(tmp, 'Film (2000).mkv');
  for (const name of ['Film (2000).mkv', 'Film (2000).de.forced.srt', 'Film (2000).en.sdh.srt', 'Other.en.srt']) fs.writeFileSync(path.join(tmp, name), '');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('audio tracks', () => {
  const streams = [audio(0, 'eng', true, 6), audio(1, 'deu'), audio(2, 'deu', false, 1)];

  it('plays the track asked for, else one in the preferred language, else the file’s default', () => {
    expect(chooseAudio(streams, { audioTrack: 2, language: 'en' })).toEqual({ stream: streams[2], notDefault: true });
    expect(chooseAudio(streams, { language: 'de-AT' })).toEqual({ stream: streams[1], notDefault: true });
    expect(chooseAudio(streams, { language: 'fr' })).toEqual({ stream: streams[0], notDefault: false });
    expect(chooseAudio([], {})).toEqual({ stream: null, notDefault: false });
  });

  it('labels each track by language, codec and channels, the chosen one selected', () => {
    expect(audioTracks(streams, streams[1] ?? null).map((t) => [t.label, t.selected])).toEqual([
      ['English · AAC 5.1', false],
      ['German · AAC stereo', true],
      ['German · AAC mono', false],
    ]);
  });
});

describe('subtitle tracks', () => {
  const embedded = [sub(0, 'subrip', 'eng'), sub(1, 'hdmv_pgs_subtitle', 'deu', true)];

  it('lists the files beside the video, then its embedded streams, and only text tracks get a URL', () => {
    const options = subtitleOptions(video, tmp, embedded);
    const tracks = subtitleTracks(options, { audioLanguage: 'deu', request: { language: 'de', burnSubtitle: 3 }, url: (file) => `/subs/${file}` });
    expect(tracks.map((t) => [t.index, t.label, t.origin, t.url, t.default, t.burned])).toEqual([
      [0, 'German (forced, external SRT)', 'external', '/subs/0.vtt', true, false],
      [1, 'English (SDH, external SRT)', 'external', '/subs/1.vtt', false, false],
      [2, 'English', 'embedded', '/subs/2.vtt', false, false],
      [3, 'German (forced, PGS pictures)', 'embedded', null, false, true],
    ]);
  });

  it('shows a forced track in the language heard, or a full one in the user’s language when the audio is foreign, never a picture track', () => {
    const options = subtitleOptions(video, tmp, embedded);
    expect(defaultSubtitle(options, 'eng', 'de')).toBe(null);
    expect(defaultSubtitle(options, 'eng', 'en')).toBe(null);
    expect(defaultSubtitle(options, 'fra', 'en')).toBe(1);
    // Only the picture track is forced in German once the external file is gone.
    expect(defaultSubtitle(options.slice(1), 'deu', 'de')).toBe(null);
  });

  it('burns in only picture tracks', () => {
    const options = subtitleOptions(video, tmp, embedded);
    expect(burnChoice(options, undefined)).toBe(null);
    expect(burnChoice(options, 3)).toEqual({ format: 'pgs', order: 1 });
    expect(() => burnChoice(options, 2)).toThrow(/Only image subtitles are burned in/);
    expect(() => burnChoice(options, 9)).toThrow(/Only image subtitles are burned in/);
  });
});
