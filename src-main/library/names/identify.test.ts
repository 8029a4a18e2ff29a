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

  it('formats episodes, tracks, extras, disc folders, external ids and ignored files with the fields each has', () => {
    const lines = (input: string, kind: 'movies' | 'shows' | 'music' | 'mixed'): string[] => formatIdentification(identifyPath(input, kind)).split('\n').slice(1);
    expect(lines('TV/The Wire/Season 1/The Wire - S01E02-E03 - Double.mkv', 'shows')).toEqual([
      '  kind:    episode',
      '  series:  The Wire',
      '  episode: S01E02-E03',
      '  season:  1',
      '  title:   Double',
      '  extra:   no',
    ]);
    expect(lines('Late Night Show/Late Night Show 2024-03-05.mkv', 'shows')).toEqual(['  kind:    episode', '  series:  Late Night Show', '  episode: 2024-03-05', '  extra:   no']);
    expect(lines('[Grp] Moon Patrol - 12 [1080p].mkv', 'mixed')).toEqual(['  kind:    episode', '  series:  Moon Patrol', '  episode: 12 (absolute numbering)', '  extra:   no']);
    expect(lines('Glass Harbour/Low Tide/CD2/03 - Lantern.mp3', 'music')).toEqual([
      '  kind:    track',
      '  title:   Lantern',
      '  artist:  Glass Harbour',
      '  album:   Low Tide',
      '  disc:    2',
      '  track:   3',
      '  extra:   no',
    ]);
    expect(lines('Arrival (2016)/Featurettes/Decoding.mkv', 'movies')).toEqual(['  kind:    extra', '  title:   Decoding', '  of:      Arrival', '  type:    featurette', '  extra:   yes']);
    expect(lines('Arrival (2016)/VIDEO_TS/VIDEO_TS.IFO', 'movies')).toEqual(['  kind:    movie', '  title:   Arrival', '  year:    2016', '  disc:    DVD folder', '  extra:   no']);
    expect(lines('Arrival (2016) [imdbid-tt2543164].mkv', 'movies')).toEqual(['  kind:    movie', '  title:   Arrival', '  year:    2016', '  id:      imdb:tt2543164', '  extra:   no']);
    expect(lines('Arrival (2016)/Sample/arrival.mkv', 'movies')).toEqual(['  kind:    ignored', '  reason:  in a samples folder', '  extra:   no']);
  });
});
