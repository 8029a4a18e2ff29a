import { cleanText, cutAtReleaseTags, releaseTagIndex, separatorsToSpaces, titleKey, trimSeparators } from './name-text.js';

export interface TitleYear {
  title: string;
  year: number | null;
}

const YEAR = /(^|[\s([_-])((?:19|20)\d{2})(?=$|[\s)\]_.,-])/g;

/**
 * Splits `Night Train (1998)`, `Night.Train.1998.1080p.BluRay.x264-GRP` or `2001 A Space Odyssey (1968)`
 * into title and year. A year at the very start is part of the title (`1917`); a bracketed year wins over
 * a bare one; only years before the release tags count.
 */
export function parseTitleYear(raw: string): TitleYear {
  let text = raw.normalize('NFC').replace(/^\s*\[[^\]]*\]\s*/, ''); // leading "[GROUP] "
  text = separatorsToSpaces(text);
  const tagAt = releaseTagIndex(text);
  const limit = tagAt < 0 ? text.length : tagAt;

  let bare: { at: number; year: number } | null = null;
  let bracketed: { at: number; year: number } | null = null;
  for (const m of text.matchAll(YEAR)) {
    const lead = m[1] ?? '';
    const at = (m.index ?? 0) + lead.length;
    if (at === 0 || at >= limit) continue;
    const year = Number(m[2]);
    if (lead === '(' || lead === '[') bracketed = { at, year };
    else bare = { at, year };
  }
  const pick = bracketed ?? bare;
  if (!pick) return { title: cleanText(cutAtReleaseTags(text)), year: null };
  const title = cleanText(trimSeparators(text.slice(0, pick.at)));
  // "1917 (2019)" leaves "1917"; but "(1998)" alone leaves nothing, so the year stays a title.
  if (title === '') return { title: cleanText(trimSeparators(text)), year: null };
  return { title, year: pick.year };
}

/** File names that say nothing about the movie, so the folder's name is used instead. */
const GENERIC_FILE_NAME =
  /^(?:movie|film|video|feature|main|main feature|title[\s_-]*t?\d*|vts[\s_]\d+[\s_]\d+|\d{1,3}|cd\s?\d|dis[ck]\s?\d|part\s?\d|index)$/i;

export function isGenericFileName(title: string): boolean {
  return title === '' || GENERIC_FILE_NAME.test(title.trim());
}

/**
 * A movie from its path segments (relative to the library folder, last one the file's base name without
 * extension). Folder-per-movie layouts lend their name or year when the file name is generic or lacks a year.
 */
export function parseMovie(segments: readonly string[]): TitleYear {
  const base = segments[segments.length - 1] ?? '';
  const fromFile = parseTitleYear(base);
  const parent = segments.length > 1 ? segments[segments.length - 2] : undefined;
  if (parent === undefined) return fromFile;
  const fromFolder = parseTitleYear(parent);
  if (isGenericFileName(fromFile.title) && fromFolder.title !== '') {
    return { title: fromFolder.title, year: fromFolder.year ?? fromFile.year };
  }
  if (fromFile.year === null && fromFolder.year !== null && titleKey(fromFolder.title) === titleKey(fromFile.title)) {
    return { title: fromFile.title, year: fromFolder.year };
  }
  return fromFile;
}
