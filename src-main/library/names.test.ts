import { describe, expect, it } from 'vitest';
import type { FolderKind } from '../contract/index.js';
import { mergeTrackInfo, parseMediaName } from './names.js';
import type { ParsedName } from './names.js';

type Row = [relPath: string, kind: FolderKind, expected: Partial<ParsedName> & { kind: ParsedName['kind'] }, sizeBytes?: number];

const MB = 1024 * 1024;

// Each row: a path relative to the library folder, the folder's kind, and the fields the parse must have.
const rows: Row[] = [
  // Movies
  ['Night Train (1998).mp4', 'movies', { kind: 'movie', title: 'Night Train', year: 1998 }],
  ['Paper Moons (2004).mp4', 'movies', { kind: 'movie', title: 'Paper Moons', year: 2004 }],
  ['Night.Train.1998.1080p.BluRay.x264-GRP.mkv', 'movies', { kind: 'movie', title: 'Night Train', year: 1998 }],
  ['Night_Train_1998_720p.mkv', 'movies', { kind: 'movie', title: 'Night Train', year: 1998 }],
  ['Night Train (1998)/movie.mkv', 'movies', { kind: 'movie', title: 'Night Train', year: 1998 }],
  ['Night Train (1998)/VTS_01_1.avi', 'movies', { kind: 'movie', title: 'Night Train', year: 1998 }],
  ['Night Train (1998)/Night Train.mkv', 'movies', { kind: 'movie', title: 'Night Train', year: 1998 }],
  ['Night Train (1998)/night.train.1998.2160p.remux.mkv', 'movies', { kind: 'movie', title: 'night train', year: 1998 }],
  ['2001 A Space Odyssey (1968).mkv', 'movies', { kind: 'movie', title: '2001 A Space Odyssey', year: 1968 }],
  ['1917 (2019).mp4', 'movies', { kind: 'movie', title: '1917', year: 2019 }],
  ['1917.2019.1080p.WEB-DL.mkv', 'movies', { kind: 'movie', title: '1917', year: 2019 }],
  ['Blade Runner 2049 (2017).mkv', 'movies', { kind: 'movie', title: 'Blade Runner 2049', year: 2017 }],
  ['Paper Moons.mp4', 'movies', { kind: 'movie', title: 'Paper Moons', year: null }],
  ['Paper.Moons.720p.HDTV.x264.mkv', 'movies', { kind: 'movie', title: 'Paper Moons', year: null }],
  ["Charlotte's Web (2006).m4v", 'movies', { kind: 'movie', title: "Charlotte's Web", year: 2006 }],
  ['[GRP] Night Train (1998) [1080p].mkv', 'movies', { kind: 'movie', title: 'Night Train', year: 1998 }],
  ['Mr. Smith Goes Home (1939).avi', 'movies', { kind: 'movie', title: 'Mr. Smith Goes Home', year: 1939 }],
  ['Amélie (2001).mkv', 'movies', { kind: 'movie', title: 'Amélie', year: 2001 }],
  ['Ame\u0301lie (2001).mkv', 'movies', { kind: 'movie', title: 'Am\u00e9lie', year: 2001 }],
  ['Collection/Night Train (1998).mp4', 'movies', { kind: 'movie', title: 'Night Train', year: 1998 }],
  ['Night Train (1998)/Night.Train.1998.sample.mkv', 'movies', { kind: 'ignored' }, 30 * MB],
  ['Night Train (1998)/Sample/night-train.mkv', 'movies', { kind: 'ignored' }, 30 * MB],
  ['Night Train (1998)/Night Train-trailer.mp4', 'movies', { kind: 'ignored' }],
  ['Night Train (1998)/Extras/Making of.mkv', 'movies', { kind: 'ignored' }],
  ['Sample People (2000).mkv', 'movies', { kind: 'movie', title: 'Sample People', year: 2000 }, 2000 * MB],

  // Shows
  ['Harbour Lights/Season 01/Harbour Lights - S01E02 - Name.mkv', 'shows', { kind: 'episode', showTitle: 'Harbour Lights', season: 1, episode: 2, episodeEnd: null, episodeTitle: 'Name' }],
  ['Harbour Lights/Season 01/Harbour Lights - S01E01.mkv', 'shows', { kind: 'episode', showTitle: 'Harbour Lights', season: 1, episode: 1, episodeTitle: null }],
  ['Harbour Lights/Season 01/Harbour Lights - S01E02E03 - Double.mkv', 'shows', { kind: 'episode', season: 1, episode: 2, episodeEnd: 3, episodeTitle: 'Double' }],
  ['Harbour Lights/Season 01/Harbour Lights - S01E02-E03.mkv', 'shows', { kind: 'episode', season: 1, episode: 2, episodeEnd: 3 }],
  ['Harbour Lights/Season 01/Harbour Lights - S01E04-05.mkv', 'shows', { kind: 'episode', season: 1, episode: 4, episodeEnd: 5 }],
  ['Harbour Lights/Season 2/Harbour Lights 2x05 The Storm.mkv', 'shows', { kind: 'episode', showTitle: 'Harbour Lights', season: 2, episode: 5, episodeTitle: 'The Storm' }],
  ['Harbour Lights/Season 00/Harbour Lights - S00E01 - Pilot Reel.mkv', 'shows', { kind: 'episode', season: 0, episode: 1, episodeTitle: 'Pilot Reel' }],
  ['Harbour Lights/Specials/Harbour Lights - S00E02.mkv', 'shows', { kind: 'episode', showTitle: 'Harbour Lights', season: 0, episode: 2 }],
  ['Harbour Lights/Specials/03 - Christmas.mkv', 'shows', { kind: 'episode', season: 0, episode: 3, episodeTitle: 'Christmas' }],
  ['Harbour Lights/Season 03/07 - Low Water.mkv', 'shows', { kind: 'episode', showTitle: 'Harbour Lights', season: 3, episode: 7, episodeTitle: 'Low Water' }],
  ['Harbour Lights/Season 03/Episode 8.mkv', 'shows', { kind: 'episode', season: 3, episode: 8 }],
  ['Harbour.Lights.S01E02.The.Name.720p.HDTV.x264-GRP.mkv', 'shows', { kind: 'episode', showTitle: 'Harbour Lights', season: 1, episode: 2, episodeTitle: 'The Name' }],
  ['harbour lights s1e2.mp4', 'shows', { kind: 'episode', showTitle: 'harbour lights', season: 1, episode: 2 }],
  ['Harbour Lights/S02/Harbour Lights S02E10.mkv', 'shows', { kind: 'episode', showTitle: 'Harbour Lights', season: 2, episode: 10 }],
  ['Harbour Lights/Harbour Lights - 1x03.avi', 'shows', { kind: 'episode', showTitle: 'Harbour Lights', season: 1, episode: 3 }],
  ['Harbour Lights/Season 01/Harbour Lights 1920x1080 S01E05.mkv', 'shows', { kind: 'episode', season: 1, episode: 5 }],
  ['Harbour Lights/Behind the scenes.mkv', 'shows', { kind: 'unknown' }],
  ['Harbour Lights/Season 01/Harbour Lights - S01E06 - sample.mkv', 'shows', { kind: 'ignored' }, 10 * MB],

  // Music (names only; tags are merged separately)
  ['Glass Harbour/Low Tide/01 - First Light.mp3', 'music', { kind: 'track', title: 'First Light', artist: 'Glass Harbour', album: 'Low Tide', trackNo: 1, discNo: null }],
  ['Glass Harbour/Low Tide/02. Undertow.flac', 'music', { kind: 'track', title: 'Undertow', trackNo: 2 }],
  ['Glass Harbour/Low Tide/03 Lantern.ogg', 'music', { kind: 'track', title: 'Lantern', trackNo: 3 }],
  ['Glass Harbour/Low Tide/CD2/04 - Deep Water.m4a', 'music', { kind: 'track', title: 'Deep Water', album: 'Low Tide', artist: 'Glass Harbour', trackNo: 4, discNo: 2 }],
  ['Glass Harbour/Low Tide/1-05 Shoals.opus', 'music', { kind: 'track', title: 'Shoals', trackNo: 5, discNo: 1 }],
  ['Glass Harbour/Low Tide/06 - Glass Harbour - Breakwater.mp3', 'music', { kind: 'track', title: 'Breakwater', artist: 'Glass Harbour' }],
  ['Loose Song.wav', 'music', { kind: 'track', title: 'Loose Song', artist: null, album: null, trackNo: null }],
  ['Low Tide/07_Slack_Water.mp3', 'music', { kind: 'track', title: 'Slack Water', album: 'Low Tide', artist: null, trackNo: 7 }],
  ['Glass Harbour/Low Tide/Sample Rate.mp3', 'music', { kind: 'track', title: 'Sample Rate' }],

  // Mixed folders guess from the name
  ['Downloads/Glass Harbour - Lantern.mp3', 'mixed', { kind: 'track', title: 'Glass Harbour - Lantern' }],
  ['Downloads/Harbour.Lights.S01E02.mkv', 'mixed', { kind: 'episode', showTitle: 'Harbour Lights', season: 1, episode: 2 }],
  ['TV/Harbour Lights/Season 01/S01E03.mkv', 'mixed', { kind: 'episode', showTitle: 'Harbour Lights', season: 1, episode: 3 }],
  ['Harbour Lights/Season 01/harbour.lights.s01e04.mkv', 'shows', { kind: 'episode', showTitle: 'Harbour Lights', season: 1, episode: 4 }],
  ['Harbour.Lights.S01E02.mkv', 'mixed', { kind: 'episode', showTitle: 'Harbour Lights', season: 1, episode: 2 }],
  ['TV/Harbour Lights/Season 01/Harbour Lights 1x02.mkv', 'mixed', { kind: 'episode', showTitle: 'Harbour Lights', season: 1, episode: 2 }],
  ['Night Train (1998).mkv', 'mixed', { kind: 'movie', title: 'Night Train', year: 1998 }],
  ['Night.Train.1998.1920x1080.mkv', 'mixed', { kind: 'movie', title: 'Night Train', year: 1998 }],

  // Hostile names survive as text
  ['🎬 Film «Noir» (2001).mp4', 'movies', { kind: 'movie', title: '🎬 Film «Noir»', year: 2001 }],
  ['It\'s "Quoted" <script>alert(1)<\\script> (1999).mkv', 'movies', { kind: 'movie', title: 'It\'s "Quoted" <script>alert(1)<\\script>', year: 1999 }],
  ['Tab\there (2003).mkv', 'movies', { kind: 'movie', title: 'Tab here', year: 2003 }],
];

describe('parseMediaName', () => {
  it('has a table of at least 40 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it.each(rows)('%s (%s)', (relPath, kind, expected, sizeBytes) => {
    const parsed = parseMediaName(relPath, kind, sizeBytes);
    expect(parsed).toMatchObject(expected);
  });

  it('returns NFC text for NFD input everywhere', () => {
    const parsed = parseMediaName('Cafe\u0301 Society/Season 01/Cafe\u0301 Society - S01E01 - Re\u0301sume\u0301.mkv', 'shows');
    expect(parsed).toMatchObject({ kind: 'episode', showTitle: 'Caf\u00e9 Society', episodeTitle: 'R\u00e9sum\u00e9' });
  });
});

describe('mergeTrackInfo', () => {
  const fromName = { title: 'First Light', artist: 'Folder Artist', album: 'Folder Album', trackNo: 1, discNo: null };

  it('prefers tags over the path', () => {
    expect(mergeTrackInfo(fromName, { title: 'Tag Title', artist: 'Tag Artist', album: 'Tag Album', trackNo: 9, year: 2021 })).toMatchObject({
      title: 'Tag Title',
      artist: 'Tag Artist',
      albumArtist: 'Tag Artist',
      album: 'Tag Album',
      trackNo: 9,
      year: 2021,
    });
  });

  it('falls back to the path when tags are empty or blank', () => {
    expect(mergeTrackInfo(fromName, { title: '  ', artist: null })).toMatchObject({ title: 'First Light', artist: 'Folder Artist', album: 'Folder Album', trackNo: 1 });
  });

  it('files compilations under Various Artists unless an album artist is tagged', () => {
    expect(mergeTrackInfo(fromName, { artist: 'Someone', compilation: true }).albumArtist).toBe('Various Artists');
    expect(mergeTrackInfo(fromName, { artist: 'Someone', albumArtist: 'Curator', compilation: true }).albumArtist).toBe('Curator');
  });

  it('normalizes tag text to NFC and ignores impossible numbers', () => {
    expect(mergeTrackInfo(fromName, { title: 'Ame\u0301lie', trackNo: 0, year: 0 })).toMatchObject({ title: 'Am\u00e9lie', trackNo: 1, year: null });
  });
});
