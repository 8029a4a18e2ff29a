/**
 * Text helpers shared by the name parsers. Pure: no file system, no clock.
 */

/** NFC-normalizes, turns control characters into spaces, collapses whitespace and trims. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A file's base name from its folder-relative path ('/'-separated), as display text: never the path. */
export function fileDisplayName(relPath: string): string {
  return cleanText(relPath.slice(relPath.lastIndexOf('/') + 1));
}

/** `cleanText`, but an empty result becomes null. */
export function cleanOrNull(text: string | null | undefined): string | null {
  if (text == null) return null;
  const cleaned = cleanText(text);
  return cleaned === '' ? null : cleaned;
}

/**
 * Scene-style names use dots or underscores for spaces (`Night.Train.1998.mkv`). A name that already has
 * spaces keeps its dots (`Mr. Smith Goes Home`), but underscores are always separators.
 */
export function separatorsToSpaces(name: string): string {
  const underscoresGone = name.replace(/_/g, ' ');
  if (/\s/.test(underscoresGone)) return underscoresGone;
  // Keep dots inside acronyms such as "S.W.A.T" only when every part is a single letter.
  if (/^(?:[A-Za-z]\.){2,}[A-Za-z]?$/.test(underscoresGone)) return underscoresGone;
  return underscoresGone.replace(/\./g, ' ');
}

// A leading '-' is a separator only when a separator or the end follows it (" - Name"); "-rf" keeps it.
const LEADING_SEPARATORS = /^(?:[\s._–—:,;]|-(?=[\s._–—:,;]|$))+/;
const TRAILING_SEPARATORS = /[\s.\-_–—:,;]+$/;

/** Trims separators and unbalanced brackets from both ends (`" - Name ("` → `"Name"`; `"-rf"` stays). */
export function trimSeparators(text: string): string {
  let out = text.replace(LEADING_SEPARATORS, '').replace(TRAILING_SEPARATORS, '');
  for (;;) {
    const before = out;
    out = out.replace(/[([{]\s*$/, '').replace(/^\s*[)\]}]/, '').replace(TRAILING_SEPARATORS, '').replace(LEADING_SEPARATORS, '');
    if (out === before) break;
  }
  // "S.W.A.T." and "Monsters, Inc." keep their final dot: it belongs to an abbreviation, not a separator.
  if (/(?:^|[\s.])[A-Za-z]{1,3}$/.test(out) && text.slice(text.indexOf(out) + out.length).startsWith('.')) out += '.';
  return out;
}

/** An id from a database that names the item (`[imdbid-tt0111161]`), kept as text and never looked up. */
const EXTERNAL_ID = /\s*[[{(]\s*(imdb|tmdb|tvdb)(?:id)?\s*[-:=]\s*((?:tt)?\d{1,10})\s*[\]})]/i;

/** Removes an external-id tag from a name; returns the rest and the id as `imdb:tt0111161`. */
export function extractExternalId(text: string): { text: string; externalId: string | null } {
  const m = EXTERNAL_ID.exec(text);
  if (!m) return { text, externalId: null };
  return { text: text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length), externalId: `${m[1]!.toLowerCase()}:${m[2]!.toLowerCase()}` };
}

/** The file name without its extension. */
export function stripExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? fileName : fileName.slice(0, dot);
}

/**
 * Release tags (resolution, source, codec) that end the human part of a scene name. Words that are also
 * common in titles ("web", "extended", "proper") are left out on purpose: "Charlotte's Web" must survive.
 */
const RELEASE_TAG =
  /(?:^|[\s.[(_-])(?:2160p|1080p|1080i|720p|576p|480p|4k|uhd|bluray|blu-ray|bdrip|brrip|bdremux|remux|web-?dl|webrip|hdtv|pdtv|dvdrip|dvdscr|hdrip|x264|x265|h\.?264|h\.?265|hevc|xvid|divx|10bit|ac3|dts|aac2?\.0|ddp?5\.1)(?=$|[\s.\])_-])/i;

/** Index where release tags begin, or -1. */
export function releaseTagIndex(text: string): number {
  const m = RELEASE_TAG.exec(text);
  return m ? m.index : -1;
}

/** Cuts the text at the first release tag and trims what is left. */
export function cutAtReleaseTags(text: string): string {
  const at = releaseTagIndex(text);
  return trimSeparators(at < 0 ? text : text.slice(0, at));
}

/** A key two spellings of the same title share ("Harbour  Lights" and "harbour lights"). */
export function titleKey(text: string): string {
  return cleanText(text).toLowerCase();
}
