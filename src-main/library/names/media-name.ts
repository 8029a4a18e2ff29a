import type { ExtraType, FolderKind } from '../../contract/index.js';
import { parseEpisode, looksLikeEpisode, seasonOfFolder } from './episode-names.js';
import type { EpisodeName } from './episode-names.js';
import { extensionOf, isAudioExtension } from './media-types.js';
import { parseMovie, parseTitleYear } from './movie-names.js';
import type { MovieName } from './movie-names.js';
import { cleanText, stripExtension } from './name-text.js';
import { parseTrackName } from './track-names.js';
import type { TrackName } from './track-names.js';

/**
 * What a file's path says it is, before any tag or probe is read. Pure: no file system, no clock.
 * `extra` files (trailers, featurettes) belong to a movie or show but are not indexed as items yet;
 * `ignored` files (release samples, the inner files of a disc folder) are left out silently; `unknown`
 * ones are listed as unparseable with the reason.
 */
export type ParsedName =
  | ({ kind: 'movie' } & MovieName)
  | ({ kind: 'episode' } & EpisodeName)
  | ({ kind: 'track' } & TrackName)
  | { kind: 'extra'; extraType: ExtraType; title: string; owner: string | null }
  | { kind: 'ignored'; reason: string }
  | { kind: 'unknown'; reason: string };

/** Files under this size with "sample" in their name are release samples, not the movie. */
const SAMPLE_MAX_BYTES = 350 * 1024 * 1024;

const SAMPLE_WORD = /(?:^|[^a-z])sample(?:[^a-z]|$)/i;
const SAMPLE_FOLDER = /^samples?$/i;
const SAMPLE_SUFFIX = /-sample$/i;
const EXTRA_FOLDERS: ReadonlyMap<string, ExtraType> = new Map([
  ['extras', 'extra'],
  ['extra', 'extra'],
  ['bonus', 'extra'],
  ['other', 'extra'],
  ['featurettes', 'featurette'],
  ['featurette', 'featurette'],
  ['behind the scenes', 'behind the scenes'],
  ['making of', 'behind the scenes'],
  ['deleted scenes', 'deleted scene'],
  ['trailers', 'trailer'],
  ['interviews', 'interview'],
  ['scenes', 'scene'],
  ['shorts', 'short'],
]);
const EXTRA_SUFFIXES: ReadonlyMap<string, ExtraType> = new Map([
  ['trailer', 'trailer'],
  ['featurette', 'featurette'],
  ['behindthescenes', 'behind the scenes'],
  ['deleted', 'deleted scene'],
  ['deletedscene', 'deleted scene'],
  ['interview', 'interview'],
  ['scene', 'scene'],
  ['short', 'short'],
  ['other', 'extra'],
  ['extra', 'extra'],
]);
const EXTRA_SUFFIX = /-(trailer|featurette|behindthescenes|deleted(?:scene)?|interview|scene|short|other|extra)$/i;
const DISC_FOLDER: ReadonlyMap<string, 'dvd' | 'bluray'> = new Map([
  ['video_ts', 'dvd'],
  ['bdmv', 'bluray'],
]);
/** The one file that stands for a whole disc folder; every other file inside is part of it. */
const DISC_MAIN_FILE = /^(?:video_ts\.ifo|index\.bdmv)$/i;

/**
 * The folder-relative directory of the movie or show an extra belongs to: the extra's directory minus its
 * extras and season folders. `Night Train (1998)/Featurettes/Making of.mkv` → `Night Train (1998)`.
 */
export function extraOwnerDir(relPath: string): string {
  const folders = relPath.split('/').slice(0, -1);
  while (folders.length > 0) {
    const name = cleanText(folders[folders.length - 1]!);
    if (!EXTRA_FOLDERS.has(name.toLowerCase()) && seasonOfFolder(name) === null) break;
    folders.pop();
  }
  return folders.join('/');
}

/** The movie or show an extra belongs to: the nearest folder that is not an extras or season folder. */
function ownerOf(folders: readonly string[]): string | null {
  for (let i = folders.length - 1; i >= 0; i--) {
    const name = cleanText(folders[i]!);
    if (EXTRA_FOLDERS.has(name.toLowerCase()) || seasonOfFolder(name) !== null) continue;
    const title = parseTitleYear(name).title;
    return title === '' ? null : title;
  }
  return null;
}

/** An extra or a sample, from the folders above the file and its base name; null for neither. */
function extraOrSample(folders: readonly string[], base: string, sizeBytes: number | undefined): ParsedName | null {
  if (folders.some((name) => SAMPLE_FOLDER.test(cleanText(name)))) return { kind: 'ignored', reason: 'in a samples folder' };
  if (SAMPLE_SUFFIX.test(base)) return { kind: 'ignored', reason: 'a release sample' };
  const extraFolder = folders.map((name) => EXTRA_FOLDERS.get(cleanText(name).toLowerCase())).find((type) => type !== undefined);
  if (extraFolder) return { kind: 'extra', extraType: extraFolder, title: cleanText(base), owner: ownerOf(folders) };
  const suffix = EXTRA_SUFFIX.exec(base);
  if (suffix) {
    const owner = parseTitleYear(base.slice(0, suffix.index)).title || ownerOf(folders);
    return { kind: 'extra', extraType: EXTRA_SUFFIXES.get(suffix[1]!.toLowerCase()) ?? 'extra', title: cleanText(base), owner };
  }
  if (SAMPLE_WORD.test(base) && (sizeBytes === undefined || sizeBytes < SAMPLE_MAX_BYTES)) return { kind: 'ignored', reason: 'a release sample' };
  return null;
}

/**
 * Reads a file's path, relative to its library folder with `/` separators, as a movie, episode or track.
 * The folder kind decides; a mixed folder guesses: audio extension → track; SxxEyy, 1x02, an air date or
 * `[Group] Show - 12` → episode; else movie.
 */
export function parseMediaName(relPath: string, folderKind: FolderKind, sizeBytes?: number): ParsedName {
  const parts = relPath.split('/').filter((part) => part !== '');
  const fileName = parts[parts.length - 1] ?? '';
  const base = stripExtension(fileName);
  const ext = extensionOf(fileName);

  // A DVD or Blu-ray folder is one movie named by the folder above it; its inner files are not items.
  const discAt = parts.findIndex((part, i) => i < parts.length - 1 && DISC_FOLDER.has(part.toLowerCase()));
  if (discAt >= 0 && folderKind !== 'music') {
    if (!DISC_MAIN_FILE.test(fileName)) return { kind: 'ignored', reason: 'part of a DVD or Blu-ray folder (the folder is one item)' };
    const disc = DISC_FOLDER.get(parts[discAt]!.toLowerCase())!;
    const outer = parts.slice(0, discAt);
    if (outer.length === 0) return { kind: 'unknown', reason: 'a disc folder needs a folder around it that names the movie' };
    return { kind: 'movie', ...parseMovie([...outer, ''], disc) };
  }

  const folders = parts.slice(0, -1);
  const segments = [...folders, base];

  let kind: 'movie' | 'episode' | 'track';
  if (folderKind === 'movies') kind = 'movie';
  else if (folderKind === 'shows') kind = 'episode';
  else if (folderKind === 'music') kind = 'track';
  else if (isAudioExtension(ext)) kind = 'track';
  else kind = looksLikeEpisode(base) ? 'episode' : 'movie';

  if (kind !== 'track') {
    const special = extraOrSample(folders, base, sizeBytes);
    if (special !== null) return special;
  }

  switch (kind) {
    case 'movie':
      return { kind, ...parseMovie(segments) };
    case 'episode': {
      const episode = parseEpisode(segments, { preferFileName: folderKind === 'mixed' });
      if (episode === null) return { kind: 'unknown', reason: 'no season and episode number in the name (like S01E02)' };
      return { kind, ...episode };
    }
    case 'track':
      return { kind, ...parseTrackName(segments) };
  }
}
