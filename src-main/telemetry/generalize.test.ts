import { describe, expect, it } from 'vitest';
import { EVENTS } from './catalog.js';
import { compileCatalog } from './catalog-model.js';
import { bucketValues, generalizeField, INVALID, labelOf, type FieldSpec } from './generalize.js';
import { generalizeEvent } from './record.js';

const field = (ev: string, name: string): FieldSpec => EVENTS.find((e) => e.name === ev)!.fields.find((f) => f.name === name)!;

describe('generalizers', () => {
  it('turns raw seconds into a minute bucket, lower edge inclusive', () => {
    const d = field('playback.shape', 'duration');
    expect(generalizeField(d, 0)).toBe('<30');
    expect(generalizeField(d, 29 * 60 + 59)).toBe('<30');
    expect(generalizeField(d, 90 * 60)).toBe('90-120');
    expect(generalizeField(d, 5423.7)).toBe('90-120');
    expect(generalizeField(d, 10 * 3600)).toBe('180+');
    expect(labelOf(d, '90-120')).toBe('90 to under 120 min');
  });

  it('classes resolution by frame height', () => {
    const r = field('playback.shape', 'resolution');
    expect([480, 576, 720, 1080, 1440, 2160, 4320].map((h) => generalizeField(r, h))).toEqual(['sd', '720p', '720p', '1080p', '1440p', '2160p+', '2160p+']);
  });

  it('rejects numbers that are not usable instead of guessing', () => {
    const d = field('playback.shape', 'duration');
    for (const raw of [-1, NaN, Infinity, '5400', null, undefined]) expect(generalizeField(d, raw)).toBe(INVALID);
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
    expect(generalizeEvent(catalog, 'playback.shape', { kind: 'movie', resolution: 1080, duration: 5423.7 })).toEqual({
      name: 'playback.shape',
      category: 'usage',
      fields: { kind: 'movie', resolution: '1080p', duration: '90-120' },
    });
  });

  it('refuses unknown events, undeclared fields (a path), missing fields and unusable values', () => {
    expect(generalizeEvent(catalog, 'playback.secret', {})).toBeNull();
    expect(generalizeEvent(catalog, 'playback.failed', { errorClass: 'decode', path: '/home/alice/x.mkv' })).toBeNull();
    expect(generalizeEvent(catalog, 'playback.shape', { kind: 'movie', resolution: 1080 })).toBeNull();
    expect(generalizeEvent(catalog, 'playback.shape', { kind: 'podcast', resolution: 1080, duration: 60 })).toBeNull();
    expect(generalizeEvent(catalog, 'playback.failed', null as never)).toBeNull();
  });
});
