import { describe, expect, it } from 'vitest';
import { reviewLabel, reviewOptions } from './reviewWindow';

describe('review window', () => {
  it('names each window the way a person says it', () => {
    expect([0, 1, 6, 24, 48, 72, 168, 720, 0.5, 36].map(reviewLabel)).toEqual(['None', '1 hour', '6 hours', '24 hours', '2 days', '3 days', '7 days', '30 days', '30 min', '36 hours']);
  });

  it('offers a window set by hand beside the usual ones, in order', () => {
    expect(reviewOptions(24)).toEqual([0, 1, 6, 24, 72, 168, 720]);
    expect(reviewOptions(12)).toEqual([0, 1, 6, 12, 24, 72, 168, 720]);
  });
});
