import { describe, expect, it } from 'vitest';
import { fuzzyMatch, markPositions } from './fuzzy';

const labels = ['Go to Home', 'Go to Movies', 'Go to Music', 'Go to Shows', 'Settings: Playback', 'Theme: dark', 'Scan all folders'];
const best = (q: string) =>
  labels
    .map((l) => ({ l, m: fuzzyMatch(q, l) }))
    .filter((x) => x.m)
    .sort((a, b) => b.m!.score - a.m!.score)[0]?.l;

describe('fuzzyMatch', () => {
  it('finds Go to Movies by a word start and by initials', () => {
    expect(best('movi')).toBe('Go to Movies');
    expect(best('gmv')).toBe('Go to Movies');
    expect(best('MOV')).toBe('Go to Movies');
  });

  it('ranks a word-start substring above a scattered match, and needs every character in order', () => {
    expect(best('mu')).toBe('Go to Music');
    expect(best('theme dark')).toBe('Theme: dark');
    expect(fuzzyMatch('xyz', 'Go to Movies')).toBeNull();
    expect(fuzzyMatch('vm', 'Go to Movies')).toBeNull();
  });

  it('marks what matched, by code point, keeping every character', () => {
    const m = fuzzyMatch('gmv', 'Go to Movies')!;
    expect(markPositions('Go to Movies', m.positions)).toEqual([
      { text: 'G', match: true },
      { text: 'o to ', match: false },
      { text: 'M', match: true },
      { text: 'o', match: false },
      { text: 'v', match: true },
      { text: 'ies', match: false },
    ]);
    const emoji = markPositions('🎬 Été', fuzzyMatch('ete', '🎬 Été')!.positions);
    expect(emoji.map((p) => p.text).join('')).toBe('🎬 Été');
    expect(emoji.find((p) => p.match)?.text).toBe('Été');
  });
});
