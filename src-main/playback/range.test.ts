import { describe, expect, it } from 'vitest';
import { etagOf, lastModifiedOf, MAX_RANGE_PARTS, parseRange, planRange } from './range.js';

const file = { size: 1000, mtimeMs: Date.UTC(2026, 0, 2, 3, 4, 5, 678) };

describe('HTTP Range planning', () => {
  it('serves the whole file with 200 when no Range is asked', () => {
    expect(planRange(file, {})).toEqual({ status: 200, start: 0, end: 999 });
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=900-', 900, 999],
    ['bytes=-100', 900, 999],
    ['bytes=950-5000', 950, 999],
    ['bytes=-5000', 0, 999],
    ['bytes=0-0', 0, 0],
  ])('answers %s with 206 for bytes %i–%i', (range, start, end) => {
    expect(planRange(file, { range })).toEqual({ status: 206, start, end });
  });

  it('refuses a range that starts past the end with 416', () => {
    expect(planRange(file, { range: 'bytes=1000-' })).toEqual({ status: 416 });
    expect(planRange(file, { range: 'bytes=-0' })).toEqual({ status: 416 });
  });

  it('ignores a Range header that is not a bytes range, as RFC 9110 allows', () => {
    expect(planRange(file, { range: 'items=0-5' }).status).toBe(200);
    expect(planRange(file, { range: 'bytes=5-2' }).status).toBe(200);
    expect(planRange(file, { range: 'bytes=abc' }).status).toBe(200);
  });

  it('coalesces a few parts into one span and refuses more than the limit', () => {
    expect(planRange(file, { range: 'bytes=0-9, 100-109, 50-59' })).toEqual({ status: 206, start: 0, end: 109 });
    const many = 'bytes=' + Array.from({ length: MAX_RANGE_PARTS + 1 }, (_, i) => `${i * 10}-${i * 10 + 1}`).join(',');
    expect(planRange(file, { range: many })).toEqual({ status: 416 });
  });

  it('answers 304 to a matching If-None-Match or a fresh If-Modified-Since', () => {
    expect(planRange(file, { ifNoneMatch: etagOf(file) })).toEqual({ status: 304 });
    expect(planRange(file, { ifNoneMatch: `"other", W/${etagOf(file)}` })).toEqual({ status: 304 });
    expect(planRange(file, { ifModifiedSince: lastModifiedOf(file) })).toEqual({ status: 304 });
    expect(planRange(file, { ifModifiedSince: new Date(file.mtimeMs - 10_000).toUTCString() }).status).toBe(200);
  });

  it('serves the whole file when If-Range no longer matches', () => {
    expect(planRange(file, { range: 'bytes=0-9', ifRange: etagOf(file) }).status).toBe(206);
    expect(planRange(file, { range: 'bytes=0-9', ifRange: '"stale"' }).status).toBe(200);
    expect(planRange(file, { range: 'bytes=0-9', ifRange: lastModifiedOf(file) }).status).toBe(206);
  });

  it('treats an empty file as having no satisfiable range', () => {
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(planRange({ size: 0, mtimeMs: 0 }, {})).toEqual({ status: 200, start: 0, end: -1 });
  });
});
