import { describe, expect, it } from 'vitest';
import type { FolderKind } from '../../contract/index.js';
import { parseMediaName } from './media-name.js';
import { mergeTrackInfo } from './track-names.js';
import type { ParsedName } from './media-name.js';

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
  ['Night Train (1998)/Night Train-trailer.mp4', 'movies', { kind: 'extra', extraType: 'trailer', owner: 'Night Train' }],
  ['Night Train (1998)/Extras/Making of.mkv', 'movies', { kind: 'extra', extraType: 'extra', title: 'Making of', owner: 'Night Train' }],
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

  // More movies: Title (Year), scene names, ids kept as text
  ['The Long Goodbye (1973).mkv', 'movies', { kind: 'movie', title: 'The Long Goodbye', year: 1973, part: null, externalId: null }],
  ['The.Long.Goodbye.1973.720p.BluRay.x264-AMIABLE.mkv', 'movies', { kind: 'movie', title: 'The Long Goodbye', year: 1973 }],
  ['the_long_goodbye_1973.avi', 'movies', { kind: 'movie', title: 'the long goodbye', year: 1973 }],
  ['The Long Goodbye (1973) [1080p].mkv', 'movies', { kind: 'movie', title: 'The Long Goodbye', year: 1973 }],
  ['The Long Goodbye [1973].mkv', 'movies', { kind: 'movie', title: 'The Long Goodbye', year: 1973 }],
  ['The Long Goodbye (1973) [imdbid-tt0070334].mkv', 'movies', { kind: 'movie', title: 'The Long Goodbye', year: 1973, externalId: 'imdb:tt0070334' }],
  ['The Long Goodbye [imdbid-tt0070334].mkv', 'movies', { kind: 'movie', title: 'The Long Goodbye', year: null, externalId: 'imdb:tt0070334' }],
  ['The Long Goodbye (1973) {tmdb-1847}.mkv', 'movies', { kind: 'movie', title: 'The Long Goodbye', year: 1973, externalId: 'tmdb:1847' }],
  ['The Long Goodbye (1973) [imdbid-tt0070334]/The Long Goodbye (1973) [imdbid-tt0070334].mkv', 'movies', { kind: 'movie', title: 'The Long Goodbye', year: 1973, externalId: 'imdb:tt0070334' }],
  ['Arrival.2016.2160p.UHD.BluRay.REMUX.HDR.HEVC.Atmos-EPSiLON.mkv', 'movies', { kind: 'movie', title: 'Arrival', year: 2016 }],
  ['Arrival (2016) - 2160p.mkv', 'movies', { kind: 'movie', title: 'Arrival', year: 2016 }],
  ['Arrival.2016.WEB-DL.1080p.mkv', 'movies', { kind: 'movie', title: 'Arrival', year: 2016 }],
  ['Arrival.2016.WEBRip.x265.10bit.mkv', 'movies', { kind: 'movie', title: 'Arrival', year: 2016 }],
  ['Arrival.2016.DVDRip.XviD-GRP.avi', 'movies', { kind: 'movie', title: 'Arrival', year: 2016 }],
  ['Arrival.2016.HDRip.AAC2.0.x264.mp4', 'movies', { kind: 'movie', title: 'Arrival', year: 2016 }],
  ['Arrival 2016.mkv', 'movies', { kind: 'movie', title: 'Arrival', year: 2016 }],
  ['Ocean’s Eleven (2001).mkv', 'movies', { kind: 'movie', title: 'Ocean’s Eleven', year: 2001 }],
  ['Monsters, Inc. (2001).mkv', 'movies', { kind: 'movie', title: 'Monsters, Inc.', year: 2001 }],
  ['S.W.A.T. (2003).mkv', 'movies', { kind: 'movie', title: 'S.W.A.T.', year: 2003 }],
  ['WALL·E (2008).mkv', 'movies', { kind: 'movie', title: 'WALL·E', year: 2008 }],
  ['Se7en (1995).mkv', 'movies', { kind: 'movie', title: 'Se7en', year: 1995 }],
  ['2046 (2004).mkv', 'movies', { kind: 'movie', title: '2046', year: 2004 }],
  ['1984 (1984).mkv', 'movies', { kind: 'movie', title: '1984', year: 1984 }],
  ['Apollo 13 (1995).mkv', 'movies', { kind: 'movie', title: 'Apollo 13', year: 1995 }],
  ['Ocean Waves - 1993.mkv', 'movies', { kind: 'movie', title: 'Ocean Waves', year: 1993 }],
  ['Star Wars Episode IV - A New Hope (1977).mkv', 'movies', { kind: 'movie', title: 'Star Wars Episode IV - A New Hope', year: 1977 }],
  ['Mission: Impossible (1996).mkv', 'movies', { kind: 'movie', title: 'Mission: Impossible', year: 1996 }],
  ['What Ever Happened to Baby Jane? (1962).mkv', 'movies', { kind: 'movie', title: 'What Ever Happened to Baby Jane?', year: 1962 }],
  ['Die Hard 2 (1990).mkv', 'movies', { kind: 'movie', title: 'Die Hard 2', year: 1990 }],
  ['Le fabuleux destin d’Amélie Poulain (2001).mkv', 'movies', { kind: 'movie', title: 'Le fabuleux destin d’Amélie Poulain', year: 2001 }],
  ['千と千尋の神隠し (2001).mkv', 'movies', { kind: 'movie', title: '千と千尋の神隠し', year: 2001 }],
  ['Брат (1997).mkv', 'movies', { kind: 'movie', title: 'Брат', year: 1997 }],
  ['Ελληνικά (2010).mp4', 'movies', { kind: 'movie', title: 'Ελληνικά', year: 2010 }],
  ['Crème Brûlée (2011).mkv', 'movies', { kind: 'movie', title: 'Crème Brûlée', year: 2011 }],
  ['Cre\u0300me Bru\u0302le\u0301e (2011).mkv', 'movies', { kind: 'movie', title: 'Cr\u00e8me Br\u00fbl\u00e9e', year: 2011 }],
  ['🦊 Fox & Friends 🎉 (2020).mp4', 'movies', { kind: 'movie', title: '🦊 Fox & Friends 🎉', year: 2020 }],
  [`${'A Very Long Movie Title That Goes On '.repeat(6).trim()} (2015).mkv`, 'movies', { kind: 'movie', title: 'A Very Long Movie Title That Goes On '.repeat(6).trim(), year: 2015 }],
  ['-rf --version (2005).mp4', 'movies', { kind: 'movie', title: '-rf --version', year: 2005 }],
  ['--help.mkv', 'movies', { kind: 'movie', title: '--help' }],
  ['(1998).mkv', 'movies', { kind: 'movie', title: '(1998)', year: null }],

  // Folder-per-movie
  ['Arrival (2016)/Arrival.mkv', 'movies', { kind: 'movie', title: 'Arrival', year: 2016 }],
  ['Arrival (2016)/arrival.2016.1080p.mkv', 'movies', { kind: 'movie', title: 'arrival', year: 2016 }],
  ['Arrival (2016)/main.mkv', 'movies', { kind: 'movie', title: 'Arrival', year: 2016 }],
  ['Arrival (2016)/title_t00.mkv', 'movies', { kind: 'movie', title: 'Arrival', year: 2016 }],
  ['Arrival (2016)/01.mkv', 'movies', { kind: 'movie', title: 'Arrival', year: 2016 }],
  ['Arrival.2016.1080p.BluRay.x264-GRP/arrival.2016.1080p.bluray.x264-grp.mkv', 'movies', { kind: 'movie', title: 'arrival', year: 2016 }],
  ['Sci-Fi/Arrival (2016)/Arrival (2016).mkv', 'movies', { kind: 'movie', title: 'Arrival', year: 2016 }],

  // Multi-part movies
  ['Lawrence of Arabia (1962) - cd1.avi', 'movies', { kind: 'movie', title: 'Lawrence of Arabia', year: 1962, part: 1 }],
  ['Lawrence of Arabia (1962) - cd2.avi', 'movies', { kind: 'movie', title: 'Lawrence of Arabia', year: 1962, part: 2 }],
  ['Lawrence.of.Arabia.1962.DVDRip.XviD.CD1.avi', 'movies', { kind: 'movie', title: 'Lawrence of Arabia', year: 1962, part: 1 }],
  ['Lawrence of Arabia (1962) part1.mkv', 'movies', { kind: 'movie', title: 'Lawrence of Arabia', year: 1962, part: 1 }],
  ['Lawrence of Arabia (1962) - Part 2.mkv', 'movies', { kind: 'movie', title: 'Lawrence of Arabia', year: 1962, part: 2 }],
  ['Lawrence of Arabia (1962) disc2.mkv', 'movies', { kind: 'movie', title: 'Lawrence of Arabia', year: 1962, part: 2 }],
  ['Lawrence of Arabia (1962)/CD1/lawrence.avi', 'movies', { kind: 'movie', title: 'lawrence', part: 1 }],
  ['Lawrence of Arabia (1962)/cd2.avi', 'movies', { kind: 'movie', title: 'Lawrence of Arabia', year: 1962, part: 2 }],
  ['Dune Part Two (2024).mkv', 'movies', { kind: 'movie', title: 'Dune Part Two', year: 2024, part: null }],
  ['Dune Part 2.mkv', 'movies', { kind: 'movie', title: 'Dune Part 2', part: null }],
  ['Harry Potter and the Deathly Hallows Part 1 (2010).mkv', 'movies', { kind: 'movie', title: 'Harry Potter and the Deathly Hallows Part 1', year: 2010, part: null }],

  // Disc folders are one item
  ['Arrival (2016)/VIDEO_TS/VIDEO_TS.IFO', 'movies', { kind: 'movie', title: 'Arrival', year: 2016, disc: 'dvd' }],
  ['Arrival (2016)/VIDEO_TS/VTS_01_1.VOB', 'movies', { kind: 'ignored' }],
  ['Arrival (2016)/BDMV/index.bdmv', 'movies', { kind: 'movie', title: 'Arrival', year: 2016, disc: 'bluray' }],
  ['Arrival (2016)/BDMV/STREAM/00001.m2ts', 'movies', { kind: 'ignored' }],
  ['Arrival (2016)/BDMV/STREAM/00001.m2ts', 'mixed', { kind: 'ignored' }],
  ['VIDEO_TS/VIDEO_TS.IFO', 'movies', { kind: 'unknown' }],

  // Samples and extras
  ['Arrival.2016.1080p.BluRay.x264-GRP/Sample/arrival.sample.mkv', 'movies', { kind: 'ignored' }],
  ['Arrival.2016.1080p.BluRay.x264-GRP/arrival-sample.mkv', 'movies', { kind: 'ignored' }],
  ['Arrival (2016)/sample-arrival.mkv', 'movies', { kind: 'ignored' }, 50 * MB],
  ['Arrival (2016)/Featurettes/Decoding the Language.mkv', 'movies', { kind: 'extra', extraType: 'featurette', title: 'Decoding the Language', owner: 'Arrival' }],
  ['Arrival (2016)/Behind The Scenes/On Set.mkv', 'movies', { kind: 'extra', extraType: 'behind the scenes', owner: 'Arrival' }],
  ['Arrival (2016)/Deleted Scenes/Alternate Ending.mkv', 'movies', { kind: 'extra', extraType: 'deleted scene', owner: 'Arrival' }],
  ['Arrival (2016)/Trailers/Teaser.mp4', 'movies', { kind: 'extra', extraType: 'trailer', owner: 'Arrival' }],
  ['Arrival (2016)/Interviews/Director.mkv', 'movies', { kind: 'extra', extraType: 'interview', owner: 'Arrival' }],
  ['Arrival (2016)/Arrival-featurette.mkv', 'movies', { kind: 'extra', extraType: 'featurette', owner: 'Arrival' }],
  ['Arrival (2016)/Arrival-behindthescenes.mkv', 'movies', { kind: 'extra', extraType: 'behind the scenes' }],
  ['Arrival (2016)/Arrival-deleted.mkv', 'movies', { kind: 'extra', extraType: 'deleted scene' }],
  ['Harbour Lights/Extras/Cast Interview.mkv', 'shows', { kind: 'extra', extraType: 'extra', owner: 'Harbour Lights' }],
  ['Harbour Lights/Season 01/Featurettes/Making Season One.mkv', 'shows', { kind: 'extra', extraType: 'featurette', owner: 'Harbour Lights' }],
  ['Harbour Lights/Behind The Scenes/Set Tour.mkv', 'shows', { kind: 'extra', extraType: 'behind the scenes', owner: 'Harbour Lights' }],
  ['Downloads/Arrival (2016)/Extras/Gag Reel.mkv', 'mixed', { kind: 'extra', owner: 'Arrival' }],

  // More shows: layouts, multi-episode, 1x02, dates, anime, specials
  ['The Wire/Season 1/The Wire - S01E01 - The Target.mkv', 'shows', { kind: 'episode', showTitle: 'The Wire', season: 1, episode: 1, episodeTitle: 'The Target', date: null, absolute: false }],
  ['The Wire/Season 1/The.Wire.S01E02.The.Detail.720p.BluRay.x264-GRP.mkv', 'shows', { kind: 'episode', showTitle: 'The Wire', season: 1, episode: 2, episodeTitle: 'The Detail' }],
  ['The Wire/Season 1/the.wire.s01e03.mkv', 'shows', { kind: 'episode', showTitle: 'The Wire', season: 1, episode: 3, episodeTitle: null }],
  ['The Wire/Season 1/The Wire S01 E04 Old Cases.mkv', 'shows', { kind: 'episode', season: 1, episode: 4, episodeTitle: 'Old Cases' }],
  ['The Wire/Season 1/The Wire - S01E05E06 - Two Parter.mkv', 'shows', { kind: 'episode', season: 1, episode: 5, episodeEnd: 6, episodeTitle: 'Two Parter' }],
  ['The Wire/Season 1/The Wire - S01E07-E08.mkv', 'shows', { kind: 'episode', season: 1, episode: 7, episodeEnd: 8 }],
  ['The Wire/Season 1/The Wire - S01E09E10E11.mkv', 'shows', { kind: 'episode', season: 1, episode: 9, episodeEnd: 11 }],
  ['The Wire/Season 1/The.Wire.S01E12-13.mkv', 'shows', { kind: 'episode', season: 1, episode: 12, episodeEnd: 13 }],
  ['The Wire/Season 2/The Wire - 2x01 - Ebb Tide.mkv', 'shows', { kind: 'episode', showTitle: 'The Wire', season: 2, episode: 1, episodeTitle: 'Ebb Tide' }],
  ['The Wire/Season 2/The Wire 2x02-03.mkv', 'shows', { kind: 'episode', season: 2, episode: 2, episodeEnd: 3 }],
  ['The Wire/Season 2/the wire 2x04.avi', 'shows', { kind: 'episode', season: 2, episode: 4 }],
  ['The Wire/Season 10/The Wire - S10E100.mkv', 'shows', { kind: 'episode', season: 10, episode: 100 }],
  ['The Wire/Specials/The Wire - S00E01 - Prequel.mkv', 'shows', { kind: 'episode', season: 0, episode: 1, episodeTitle: 'Prequel' }],
  ['The Wire/Season 00/The Wire - S00E02.mkv', 'shows', { kind: 'episode', season: 0, episode: 2 }],
  ['The Wire (2002)/Season 01/The Wire (2002) - S01E01.mkv', 'shows', { kind: 'episode', showTitle: 'The Wire (2002)', season: 1, episode: 1 }],
  ['The Wire [tvdbid-79126]/Season 01/S01E01.mkv', 'shows', { kind: 'episode', showTitle: 'The Wire', season: 1, episode: 1 }],
  ['The Wire/Staffel 3/The Wire - S03E01.mkv', 'shows', { kind: 'episode', season: 3, episode: 1 }],
  ['The Wire/Series 4/Episode 2.mkv', 'shows', { kind: 'episode', season: 4, episode: 2 }],
  ['The Wire/Season 5/E03 - Not for Attribution.mkv', 'shows', { kind: 'episode', season: 5, episode: 3, episodeTitle: 'Not for Attribution' }],
  ['The Wire/Season 5/Ep 4.mkv', 'shows', { kind: 'episode', season: 5, episode: 4 }],
  ['The Wire/Season 5/05.mkv', 'shows', { kind: 'episode', season: 5, episode: 5 }],
  ['The Wire/Season 5/The Wire - S05E06 - The Dickensian Aspect.1080p.mkv', 'shows', { kind: 'episode', season: 5, episode: 6, episodeTitle: 'The Dickensian Aspect' }],
  ['The Wire/Season 5/The Wire - S05E07 - Took (Part 1).mkv', 'shows', { kind: 'episode', season: 5, episode: 7, episodeTitle: 'Took (Part 1)' }],
  ['Late Night Show/Late Night Show 2024-03-05.mkv', 'shows', { kind: 'episode', showTitle: 'Late Night Show', season: 2024, episode: 305, date: '2024-03-05' }],
  ['Late Night Show/Late.Night.Show.2024.03.06.Guest.Name.720p.WEB.h264.mkv', 'shows', { kind: 'episode', showTitle: 'Late Night Show', date: '2024-03-06', episodeTitle: 'Guest Name' }],
  ['Late Night Show/Season 2024/Late Night Show - 2024-12-31 - New Year.mkv', 'shows', { kind: 'episode', season: 2024, episode: 1231, date: '2024-12-31', episodeTitle: 'New Year' }],
  ['Late.Night.Show.2024.03.05.mkv', 'mixed', { kind: 'episode', showTitle: 'Late Night Show', date: '2024-03-05' }],
  ['Late Night Show/Late Night Show 2024-13-05.mkv', 'shows', { kind: 'unknown' }],
  ['Moon Patrol/[SubGroup] Moon Patrol - 12 [1080p].mkv', 'shows', { kind: 'episode', showTitle: 'Moon Patrol', season: 1, episode: 12, absolute: true, episodeTitle: null }],
  ['Moon Patrol/[SubGroup] Moon Patrol - 01v2 [1080p][ABCD1234].mkv', 'shows', { kind: 'episode', showTitle: 'Moon Patrol', episode: 1, absolute: true, episodeTitle: null }],
  ['Moon Patrol/Moon Patrol - 113.mkv', 'shows', { kind: 'episode', showTitle: 'Moon Patrol', episode: 113, absolute: true }],
  ['Moon Patrol/Moon Patrol - 1001 - The Last One.mkv', 'shows', { kind: 'episode', episode: 1001, absolute: true, episodeTitle: 'The Last One' }],
  ['Anime/[SubGroup] Moon Patrol - 12 [1080p].mkv', 'mixed', { kind: 'episode', showTitle: 'Moon Patrol', episode: 12, absolute: true }],
  ['Anime/[SubGroup] Moon Patrol - 12 (BD 1080p) [ABCD1234].mkv', 'mixed', { kind: 'episode', showTitle: 'Moon Patrol', episode: 12, episodeTitle: null }],
  ['Moon Patrol/Season 01/[SubGroup] Moon Patrol - S01E12 [1080p].mkv', 'shows', { kind: 'episode', showTitle: 'Moon Patrol', season: 1, episode: 12, absolute: false }],
  ['Moon Patrol/Moon Patrol Episode 7.mkv', 'shows', { kind: 'episode', episode: 7, absolute: true }],
  ['Café Society/Season 01/Café Society - S01E01.mkv', 'shows', { kind: 'episode', showTitle: 'Café Society', season: 1, episode: 1 }],
  ['Cafe\u0301 Society/Season 01/Cafe\u0301 Society - S01E02.mkv', 'shows', { kind: 'episode', showTitle: 'Caf\u00e9 Society', season: 1, episode: 2 }],
  ['🚀 Rockets/Season 01/🚀 Rockets - S01E01 - Liftoff 🔥.mkv', 'shows', { kind: 'episode', showTitle: '🚀 Rockets', episodeTitle: 'Liftoff 🔥' }],
  ['進撃の巨人/Season 01/進撃の巨人 - S01E01.mkv', 'shows', { kind: 'episode', showTitle: '進撃の巨人', season: 1, episode: 1 }],
  ['The Wire/Season 1/The Wire - S01E08 - sample.mkv', 'shows', { kind: 'ignored' }, 20 * MB],
  ['The Wire/Season 1/Sample/the.wire.s01e01.sample.mkv', 'shows', { kind: 'ignored' }],
  ['The Wire/Season 1/notes.mkv', 'shows', { kind: 'unknown' }],
  ['TV/The.Wire.S03E04.720p.mkv', 'mixed', { kind: 'episode', showTitle: 'The Wire', season: 3, episode: 4 }],
  ['TV/The Wire/Season 3/The Wire 3x05.mkv', 'mixed', { kind: 'episode', showTitle: 'The Wire', season: 3, episode: 5 }],
  ['TV/The Wire/Season 3/3x06.mkv', 'mixed', { kind: 'episode', showTitle: 'The Wire', season: 3, episode: 6 }],

  // More music
  ['Nina Simone/Pastel Blues (1965)/01 - Be My Husband.flac', 'music', { kind: 'track', title: 'Be My Husband', artist: 'Nina Simone', album: 'Pastel Blues (1965)', trackNo: 1 }],
  ['Nina Simone/Pastel Blues/02 Nobody Knows You When You\'re Down and Out.mp3', 'music', { kind: 'track', title: "Nobody Knows You When You're Down and Out", trackNo: 2 }],
  ['Nina Simone/Pastel Blues/Disc 1/03 - End of the Line.mp3', 'music', { kind: 'track', album: 'Pastel Blues', artist: 'Nina Simone', discNo: 1, trackNo: 3 }],
  ['Nina Simone/Pastel Blues/CD 2/01 - Trouble in Mind.mp3', 'music', { kind: 'track', album: 'Pastel Blues', discNo: 2, trackNo: 1 }],
  ['Nina Simone/Pastel Blues/2-04 Tell Me More.m4a', 'music', { kind: 'track', title: 'Tell Me More', discNo: 2, trackNo: 4 }],
  ['Nina Simone/Pastel Blues/05_-_Chilly_Winds.mp3', 'music', { kind: 'track', title: 'Chilly Winds', trackNo: 5 }],
  ['Nina Simone/Pastel Blues/Sinnerman.mp3', 'music', { kind: 'track', title: 'Sinnerman', trackNo: null }],
  ['Beyoncé/Lemonade/01 - Pray You Catch Me.m4a', 'music', { kind: 'track', artist: 'Beyoncé', album: 'Lemonade', title: 'Pray You Catch Me' }],
  ['Sigur Rós/( )/01 - Untitled 1.flac', 'music', { kind: 'track', artist: 'Sigur Rós', album: '( )', title: 'Untitled 1' }],
  ['Björk/Homogenic/01 - Hunter.ogg', 'music', { kind: 'track', artist: 'Björk', title: 'Hunter' }],
  ['Various Artists/Now 50/07 - Someone - Song.mp3', 'music', { kind: 'track', artist: 'Various Artists', album: 'Now 50', title: 'Someone - Song', trackNo: 7 }],
  ['Compilations/Summer Hits/12. Artist Name - Hit Song.mp3', 'music', { kind: 'track', album: 'Summer Hits', trackNo: 12 }],
  ['Podcasts/Episode 12.mp3', 'music', { kind: 'track', title: 'Episode 12', album: 'Podcasts', artist: null }],
  ['99 Luftballons.mp3', 'music', { kind: 'track', title: 'Luftballons', trackNo: 99 }],
  ['Nena/99 Luftballons/99 Luftballons.mp3', 'music', { kind: 'track', album: '99 Luftballons' }],
  ['Artist/Album/track01.mp3', 'music', { kind: 'track', title: 'track01' }],
  ['Artist/Album/🎵 Emoji Song.opus', 'music', { kind: 'track', title: '🎵 Emoji Song' }],
  ['Artist/Album/01 - Sample Rate.mp3', 'music', { kind: 'track', title: 'Sample Rate' }],
  ['Artist/Album/Extras/Bonus Track.mp3', 'music', { kind: 'track', album: 'Extras', title: 'Bonus Track' }],
  ['Music/Artist/Album/01 Song.wma', 'mixed', { kind: 'track', title: 'Song', album: 'Album', artist: 'Artist' }],
];

describe('parseMediaName', () => {
  it('has a table of at least 150 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
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
