import { cleanOrNull, cleanText, separatorsToSpaces, trimSeparators } from './name-text.js';

export interface TrackName {
  title: string;
  artist: string | null;
  album: string | null;
  trackNo: number | null;
  discNo: number | null;
}

/** Tags as read from the file; every field optional because files lie or say nothing. */
export interface TrackTags {
  title?: string | null;
  artist?: string | null;
  albumArtist?: string | null;
  album?: string | null;
  year?: number | null;
  trackNo?: number | null;
  discNo?: number | null;
  compilation?: boolean | null;
}

interface TrackInfo extends TrackName {
  albumArtist: string | null;
  year: number | null;
  compilation: boolean;
}

const DISC_FOLDER = /^(?:cd|disc|disk)[\s._-]*(\d{1,2})$/i;
// "1-01 Title", "01 - Title", "01. Title", "01_Title", "01 Title"
const LEADING_NUMBER = /^(?:(\d{1,2})-)?(\d{1,3})(?:\s*[-.)_]\s*|\s+)(.+)$/;

/** A track from `Artist/Album/01 - Title.mp3`-style path segments, used where tags are missing. */
export function parseTrackName(segments: readonly string[]): TrackName {
  const base = cleanText(segments[segments.length - 1] ?? '');
  const folders = segments.slice(0, -1).map(cleanText);

  let discNo: number | null = null;
  const last = folders[folders.length - 1];
  const disc = last === undefined ? null : DISC_FOLDER.exec(last);
  if (disc) {
    discNo = Number(disc[1]);
    folders.pop();
  }
  const album = folders.length >= 1 ? cleanOrNull(folders[folders.length - 1]) : null;
  const artist = folders.length >= 2 ? cleanOrNull(folders[folders.length - 2]) : null;

  let title = base;
  let trackNo: number | null = null;
  const lead = LEADING_NUMBER.exec(base);
  if (lead && lead[3] !== undefined && trimSeparators(lead[3]) !== '') {
    if (lead[1] !== undefined) discNo = Number(lead[1]);
    trackNo = Number(lead[2]);
    title = lead[3];
  }
  title = cleanText(trimSeparators(separatorsToSpaces(title)));
  // "01 - Artist - Title" repeats the artist.
  if (artist !== null && title.toLowerCase().startsWith(`${artist.toLowerCase()} - `)) title = title.slice(artist.length + 3);
  return { title: title === '' ? base : title, artist, album, trackNo, discNo };
}

function positive(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

/** Merges tags (preferred) with what the path says; all text NFC-normalized. */
export function mergeTrackInfo(fromName: TrackName, tags: TrackTags): TrackInfo {
  const compilation = tags.compilation === true;
  const artist = cleanOrNull(tags.artist) ?? cleanOrNull(tags.albumArtist) ?? fromName.artist;
  const albumArtist = cleanOrNull(tags.albumArtist) ?? (compilation ? 'Various Artists' : artist);
  const year = positive(tags.year);
  return {
    title: cleanOrNull(tags.title) ?? fromName.title,
    artist,
    album: cleanOrNull(tags.album) ?? fromName.album,
    albumArtist,
    trackNo: positive(tags.trackNo) ?? fromName.trackNo,
    discNo: positive(tags.discNo) ?? fromName.discNo,
    year: year !== null && year >= 1000 && year <= 9999 ? year : null,
    compilation,
  };
}
