import { describe, expect, it } from 'vitest';
import { EVENTS, type FieldSpec } from '../event-catalog/index.js';
import { compileCatalog } from './catalog-model.js';
import { bucketValues, generalizeField, INVALID, labelOf } from './generalize.js';
import { generalizeEvent } from './record.js';

const field = (ev: string, name: string): FieldSpec => EVENTS.find((e) => e.name === ev)!.fields.find((f) => f.name === name)!;

describe('generalizers', () => {
  it('turns raw seconds into a minute bucket, lower edge inclusive', () => {
    const d = field('playback.started', 'duration');
    expect(generalizeField(d, 0)).toBe('<30');
    expect(generalizeField(d, 29 * 60 + 59)).toBe('<30');
    expect(generalizeField(d, 90 * 60)).toBe('90-120');
    expect(generalizeField(d, 5423.7)).toBe('90-120');
    expect(generalizeField(d, 10 * 3600)).toBe('180+');
    expect(generalizeField(d, null)).toBe('unknown');
    expect(['<30', '30-60', '60-90', '90-120', '120-180', '180+', 'unknown'].map((v) => labelOf(d, v))).toEqual([
      'under 30 min',
      '30–60 min',
      '60–90 min',
      '90 min–2 h',
      '2–3 h',
      '3 h or more',
      'unknown length',
    ]);
  });

  it('classes resolution by frame height', () => {
    const r = field('playback.started', 'resolution');
    expect([480, 576, 720, 1080, 1440, 2160, 4320, null].map((h) => generalizeField(r, h))).toEqual(['sd', '720p', '720p', '1080p', 'over-1080p', 'over-1080p', 'over-1080p', 'none']);
    expect(labelOf(r, 'none')).toBe('none (no video)');
  });

  it('rejects numbers that are not usable instead of guessing', () => {
    const d = field('playback.started', 'duration');
    for (const raw of [-1, NaN, Infinity, '5400', undefined]) expect(generalizeField(d, raw)).toBe(INVALID);
    expect(generalizeField(field('playback.transcode_speed', 'speed'), null)).toBe(INVALID); // null only where declared
  });

  it("maps unknown enum values (even a path) to 'other' and normalizes raw platform inputs", () => {
    expect(generalizeField(field('playback.started', 'container'), '/home/alice/Movies/Secret.mkv')).toBe('other');
    expect(generalizeField(field('playback.started', 'videoCodec'), 'HEVC')).toBe('hevc');
    expect(generalizeField(field('app.started', 'osFamily'), 'win32')).toBe('windows');
    expect(generalizeField(field('app.started', 'osFamily'), 'freebsd')).toBe('other');
    expect(generalizeField(field('app.started', 'appVersion'), '0.1.7-beta.2')).toBe('0.1');
    expect(generalizeField(field('app.started', 'appVersion'), '3.4.0')).toBe('other');
    expect(generalizeField(field('app.started', 'localeRegion'), 'de-AT')).toBe('other');
    expect(generalizeField(field('app.started', 'localeRegion'), 'pt_BR.UTF-8')).toBe('br');
    expect(generalizeField(field('playback.failed', 'errorClass'), 'segfault')).toBe(INVALID); // no 'other' listed
    expect(generalizeField(field('app.started', 'localeRegion'), 'en-US')).toBe('us');
    expect(generalizeField(field('app.started', 'osFamily'), 'darwin')).toBe('macos');
  });

  it('normalizes container names as ffprobe, music-metadata and the library give them', () => {
    const c = field('playback.started', 'container');
    const cases: [string, string][] = [
      ['mov,mp4,m4a,3gp,3g2,mj2', 'mp4'],
      ['matroska,webm', 'matroska'],
      ['webm', 'webm'],
      ['mov', 'mp4'],
      ['MPEG', 'mp3'], // music-metadata: an MP3 stream
      ['mpeg', 'other'], // ffprobe: an MPEG program stream, a video
      ['mp3', 'mp3'],
      ['FLAC', 'flac'],
      ['Ogg', 'ogg'],
      ['MPEG-4', 'mp4'],
      ['M4A/isom/iso2', 'other'],
      ['mpegts', 'other'],
      ['avi', 'other'],
    ];
    expect(cases.map(([raw]) => generalizeField(c, raw))).toEqual(cases.map(([, want]) => want));
  });

  it('normalizes codec names as ffprobe and music-metadata give them; null is none', () => {
    const v = field('playback.started', 'videoCodec');
    const a = field('playback.started', 'audioCodec');
    expect(['h264', 'hevc', 'vp9', 'av1', 'mpeg4', 'HEVC'].map((x) => generalizeField(v, x))).toEqual(['h264', 'hevc', 'vp9', 'av1', 'other', 'hevc']);
    expect(generalizeField(v, null)).toBe('none');
    const audio: [string, string][] = [
      ['aac', 'aac'],
      ['mp3', 'mp3'],
      ['flac', 'flac'],
      ['opus', 'opus'],
      ['vorbis', 'vorbis'],
      ['ac3', 'ac3'],
      ['eac3', 'other'],
      ['MPEG 1 Layer 3', 'mp3'],
      ['FLAC', 'flac'],
      ['AAC', 'aac'],
      ['MPEG-4/AAC', 'aac'],
      ['Opus', 'opus'],
      ['Vorbis I', 'vorbis'],
      ['MPEG 1 Layer 2', 'other'],
    ];
    expect(audio.map(([raw]) => generalizeField(a, raw))).toEqual(audio.map(([, want]) => want));
    expect(generalizeField(a, null)).toBe('none');
  });

  it('caps counts and accepts only booleans for boolean fields', () => {
    const c: FieldSpec = { type: 'count', name: 'n', description: '', max: 5 };
    expect([0, 3, 5, 99].map((n) => generalizeField(c, n))).toEqual([0, 3, 5, 5]);
    expect(generalizeField(c, 1.5)).toBe(INVALID);
    const b: FieldSpec = { type: 'boolean', name: 'b', description: '' };
    expect(generalizeField(b, true)).toBe(true);
    expect(generalizeField(b, 'true')).toBe(INVALID);
  });

  it('labels default and named buckets', () => {
    const f = field('library.scan_completed', 'failureCount');
    expect(bucketValues(f as never).map((b) => b.token)).toEqual(['0', '1-9', '10-99', '100+']);
    expect(generalizeField(f, 0)).toBe('0');
    expect(generalizeField(f, 9)).toBe('1-9');
  });
});

describe('generalizeEvent', () => {
  const catalog = compileCatalog();

  it('generalizes every field at once', () => {
    const raw = { kind: 'episode', container: 'matroska,webm', videoCodec: 'hevc', audioCodec: 'ac3', resolution: 2160, duration: 2700, mode: 'transcode' };
    expect(generalizeEvent(catalog, 'playback.started', raw)).toEqual({
      name: 'playback.started',
      category: 'usage',
      fields: { kind: 'video', container: 'matroska', videoCodec: 'hevc', audioCodec: 'ac3', resolution: 'over-1080p', duration: '30-60', mode: 'transcode' },
    });
  });

  it('refuses unknown events, undeclared fields (a path), missing fields and unusable values', () => {
    expect(generalizeEvent(catalog, 'playback.secret', {})).toBeNull();
    expect(generalizeEvent(catalog, 'playback.failed', { errorClass: 'decode', path: '/home/alice/x.mkv' })).toBeNull();
    const ok = { kind: 'movie', container: 'mp4', videoCodec: 'h264', audioCodec: 'aac', resolution: 1080, duration: 60, mode: 'direct' };
    expect(generalizeEvent(catalog, 'playback.started', ok)).not.toBeNull();
    const { duration: _missing, ...withoutDuration } = ok;
    expect(generalizeEvent(catalog, 'playback.started', withoutDuration)).toBeNull();
    expect(generalizeEvent(catalog, 'playback.started', { ...ok, kind: 'podcast' })).toBeNull();
    expect(generalizeEvent(catalog, 'playback.started', { ...ok, mode: null })).toBeNull();
    expect(generalizeEvent(catalog, 'playback.started', { ...ok, title: 'Secret Film' })).toBeNull();
    expect(generalizeEvent(catalog, 'playback.failed', null as never)).toBeNull();
  });
});
