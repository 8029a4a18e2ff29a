import { describe, expect, it } from 'vitest';
import { groupHits, highlightParts } from './searchModel';

describe('highlightParts', () => {
  it('marks the beginnings of words the query starts, ignoring case and accents', () => {
    expect(highlightParts('Beyoncé Live at Wembley', 'beyon wem')).toEqual([
      { text: 'Beyon', match: true },
      { text: 'cé', match: false },
      { text: ' ', match: false },
      { text: 'Live', match: false },
      { text: ' ', match: false },
      { text: 'at', match: false },
      { text: ' ', match: false },
      { text: 'Wem', match: true },
      { text: 'bley', match: false },
    ]);
  });

  it('keeps every character of the title, markup included, as text', () => {
    const title = '<img src=x onerror=alert(1)>';
    expect(highlightParts(title, 'img').map((p) => p.text).join('')).toBe(title);
    expect(highlightParts(title, '')).toEqual([{ text: title, match: false }]);
  });

  it('marks nothing for a typo match, which main found but the words do not begin', () => {
    expect(highlightParts('Night Train', 'nigth').every((p) => !p.match)).toBe(true);
  });
});

describe('groupHits', () => {
  it('orders kinds Movies, Shows, Episodes, Albums, Tracks, Artists and keeps main’s order within each', () => {
    const hit = (kind: 'movie' | 'artist' | 'episode', title: string) => ({ id: 'x'.repeat(22), kind, title, subtitle: null, playableId: null });
    const groups = groupHits([hit('artist', 'A'), hit('movie', 'M2'), hit('episode', 'E'), hit('movie', 'M1')]);
    expect(groups.map((g) => [g.kind, g.hits.map((h) => h.title)])).toEqual([
      ['movie', ['M2', 'M1']],
      ['episode', ['E']],
      ['artist', ['A']],
    ]);
  });
});
