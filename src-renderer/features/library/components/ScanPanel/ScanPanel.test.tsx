import { describe, expect, it } from 'vitest';
import { etaText } from './ScanPanel';

describe('etaText', () => {
  it('rounds the time left the way a person says it', () => {
    expect(etaText(0)).toBe('about 5 s left');
    expect(etaText(12)).toBe('about 15 s left');
    expect(etaText(59)).toBe('about 60 s left');
    expect(etaText(150)).toBe('about 3 min left');
    expect(etaText(3600 + 25 * 60)).toBe('about 1 h 25 min left');
  });
});
