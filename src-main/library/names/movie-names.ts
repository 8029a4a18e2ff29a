import { cleanText, cutAtReleaseTags, extractExternalId, releaseTagIndex, separatorsToSpaces, titleKey, trimSeparators } from './name-text.js';

interface TitleYear {
  title: string;
  year: number | null;
}

/** A movie as its path names it. */
export interface MovieName extends TitleYear {
  /** Part of a movie split over files (`cd1`, `part2`, `disc 2`), else null. */
  part: number | null;
  /** A DVD (`VIDEO_TS`) or Blu-ray (`BDMV`) folder: the whole folder is one movie. */
  disc: 'dvd' | 'bluray' | null;
  /** `[imdbid-tt0111161]` and the like, as text (`imdb:tt0111161`): never looked up. */
  externalId: string | null;
}

// "Title - cd1", "Title.CD2", "Title (1998) disc 2", "Title part1", "Title - Part 2", "Title.pt3" at the very end.
const PART_SUFFIX = /(?:[\s._]*-[\s._]*|[\s._]+)(?:cd|dvd|dis[ck]|part|pt)[\s._-]?(\d{1,2})$/i;
const PART_ONLY = /^(?:cd|dvd|dis[ck]|part|pt)[\s._-]?(\d{1,2})$/i;

/** Whether a folder's name is only a part marker (`CD1`, `Disc 2`): the movie's folder is the one above. */
function isPartFolder(name: string): boolean {
  return PART_ONLY.test(cleanText(name));
}

/**
 * The folder-relative directory that holds a movie, for grouping its parts: the file's directory, minus a
 * `CD1`-style folder. `Night Train (1998)/CD2/movie.avi` → `Night Train (1998)`.
 */
export function movieDirOf(relPath: string): string {
  const folders = relPath.split('/').slice(0, -1);
  if (folders.length > 0 && isPartFolder(folders[folders.length - 1]!)) folders.pop();
  return folders.join('/');
}

/**
 * The key that joins the parts of one movie: same movie folder, same title and year. Stored in the index
 * (`items.part_group`, migration 005); not shown to anyone.
 */
export function partGroupOf(relPath: string, movie: TitleYear): string {
  return `${movieDirOf(relPath)}\u0000${titleKey(movie.title)}\u0000${movie.year ?? ''}`;
}

/** Splits a multi-part marker off the end of a base name: `Night Train (1998) - cd2` → part 2. */
function splitPart(base: string): { base: string; part: number | null } {
  const only = PART_ONLY.exec(base.trim());
  if (only) return { base, part: Number(only[1]) };
  const m = PART_SUFFIX.exec(base);
  // "Part 1" right after a title with no year or tag before it may be the title ("Dune Part 2"); only
  // the forms a ripper writes (a dash before, or no space: "part1", "cd1") count then.
  if (!m) return { base, part: null };
  const before = base.slice(0, m.index);
  const spacedPart = /^[\s._]+(?:part|pt)\s\d/i.test(m[0]);
  if (spacedPart && !/(?:19|20)\d{2}\)?\s*$/.test(before) && releaseTagIndex(separatorsToSpaces(before)) < 0) return { base, part: null };
  return { base: before, part: Number(m[1]) };
}

const YEAR = /(^|[\s([_-])((?:19|20)\d{2})(?=$|[\s)\]_.,-])/g;

/**
 * Splits `Night Train (1998)`, `Night.Train.1998.1080p.BluRay.x264-GRP` or `2001 A Space Odyssey (1968)`
 * into title and year. A year at the very start is part of the title (`1917`); a bracketed year wins over
 * a bare one; only years before the release tags count.
 */
export function parseTitleYear(raw: string): TitleYear {
  let text = extractExternalId(raw.normalize('NFC')).text.replace(/^\s*\[[^\]]*\]\s*/, ''); // leading "[GROUP] "
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

function isGenericFileName(title: string): boolean {
  return title === '' || GENERIC_FILE_NAME.test(title.trim());
}

/**
 * A movie from its path segments (relative to the library folder, last one the file's base name without
 * extension). Folder-per-movie layouts lend their name or year when the file name is generic or lacks a
 * year; a `CD1`/`Disc 2` folder lends its number as the part and its parent the name.
 */
export function parseMovie(segments: readonly string[], disc: MovieName['disc'] = null): MovieName {
  const rawBase = segments[segments.length - 1] ?? '';
  const externalId = segments.map((s) => extractExternalId(s).externalId).reverse().find((id) => id !== null) ?? null;
  let { base, part } = splitPart(rawBase);
  let folders = segments.slice(0, -1);
  const partFolder = folders.length > 0 ? PART_ONLY.exec(cleanText(folders[folders.length - 1]!)) : null;
  if (partFolder) {
    part ??= Number(partFolder[1]);
    folders = folders.slice(0, -1);
  }
  if (PART_ONLY.test(base.trim())) base = '';
  const fromFile = parseTitleYear(base);
  const parent = folders[folders.length - 1];
  const done = (t: TitleYear): MovieName => ({ ...t, part, disc, externalId });
  if (parent === undefined) return done(fromFile);
  const fromFolder = parseTitleYear(parent);
  if ((disc !== null || isGenericFileName(fromFile.title)) && fromFolder.title !== '') {
    return done({ title: fromFolder.title, year: fromFolder.year ?? fromFile.year });
  }
  if (fromFile.year === null && fromFolder.year !== null && titleKey(fromFolder.title) === titleKey(fromFile.title)) {
    return done({ title: fromFile.title, year: fromFolder.year });
  }
  return done(fromFile);
}
