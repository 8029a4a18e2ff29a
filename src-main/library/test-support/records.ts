import type { ItemRecord } from '../index/item-record.js';

const NONE = {
  year: null,
  showTitle: null,
  season: null,
  episode: null,
  episodeEnd: null,
  episodeTitle: null,
  album: null,
  albumArtist: null,
  artist: null,
  trackNo: null,
  discNo: null,
  compilation: false,
  durationSec: 60,
  container: null,
  videoCodec: null,
  audioCodec: null,
  width: null,
  height: null,
  mime: 'video/mp4',
  size: 1000,
  mtimeMs: 1,
  inode: null,
  sampleHash: null,
};

let n = 0;
const nextPath = (): string => `file-${++n}.mkv`;

/** An index record for a movie, without any file behind it. */
export function movieRecord(title: string, year: number | null = null, extra: Partial<ItemRecord> = {}): ItemRecord {
  return { ...NONE, relPath: nextPath(), kind: 'movie', title, year, ...extra };
}

export function episodeRecord(show: string, season: number, episode: number, name: string | null): ItemRecord {
  return { ...NONE, relPath: nextPath(), kind: 'episode', title: name ?? show, showTitle: show, season, episode, episodeTitle: name };
}

export function trackRecord(title: string, artist: string, album: string): ItemRecord {
  return { ...NONE, relPath: nextPath(), kind: 'track', title, artist, albumArtist: artist, album, mime: 'audio/mpeg' };
}
