import { describe, expect, it } from 'vitest';
import { formatIdentification, identifyPath } from './identify.js';

describe('identify', () => {
  it('reads an absolute path by its last folders, without the file existing', () => {
    expect(identifyPath('/no/such/disk/TV/The Wire/Season 1/The Wire - S01E02-E03 - Double.mkv', 'shows')).toMatchObject({
      kind: 'episode',
      series: 'The Wire',
      season: 1,
      episode: 2,
      episodeEnd: 3,
      title: 'Double',
      extra: false,
      date: null,
    });
  });

  it('accepts Windows separators and drive letters', () => {
    expect(identifyPath('D:\\Movies\\Arrival (2016)\\Arrival.2016.1080p.mkv', 'movies')).toMatchObject({ kind: 'movie', title: 'Arrival', year: 2016 });
  });

  it('tells extras, samples, dates and absolute numbering apart', () => {
    expect(identifyPath('Arrival (2016)/Featurettes/Decoding.mkv', 'movies')).toMatchObject({ kind: 'extra', extra: true, extraType: 'featurette', owner: 'Arrival' });
    expect(identifyPath('Arrival (2016)/Sample/arrival.mkv', 'movies')).toMatchObject({ kind: 'ignored', extra: false, reason: expect.stringMatching(/sample/) });
    expect(identifyPath('Late Night Show/Late Night Show 2024-03-05.mkv', 'shows')).toMatchObject({ date: '2024-03-05', series: 'Late Night Show' });
    expect(identifyPath('[Grp] Moon Patrol - 12 [1080p].mkv', 'mixed')).toMatchObject({ kind: 'episode', absolute: true, episode: 12 });
  });

  it('formats one block per path with every field that is known', () => {
    const text = formatIdentification(identifyPath('Lawrence of Arabia (1962) - cd2.avi', 'movies'));
    expect(text.split('\n')).toEqual([
      'Lawrence of Arabia (1962) - cd2.avi',
      '  kind:    movie',
      '  title:   Lawrence of Arabia',
      '  year:    1962',
      '  part:    2',
      '  extra:   no',
    ]);
    expect(formatIdentification(identifyPath('Show/notes.mkv', 'shows'))).toMatch(/reason: +no season and episode number/);
  });
});
