import type { FolderKind } from '../contract/index.js';
import { parseEpisode, looksLikeEpisode } from './episode-names.js';
import type { EpisodeName } from './episode-names.js';
import { extensionOf, isAudioExtension } from './media-types.js';
import { parseMovie } from './movie-names.js';
import type { TitleYear } from './movie-names.js';
import { cleanText, stripExtension } from './name-text.js';
import { parseTrackName } from './track-names.js';
import type { TrackName } from './track-names.js';

export { parseTitleYear } from './movie-names.js';
export { mergeTrackInfo } from './track-names.js';
export type { TrackTags, TrackInfo } from './track-names.js';

/**
 * What a file's path says it is, before any tag or probe is read. Pure: no file system, no clock.
 * `ignored` files (samples, trailers, extras) are left out of the library silently; `unknown` ones are
 * listed as unparseable with the reason.
 */
export type ParsedName =
  | ({ kind: 'movie' } & TitleYear)
  | ({ kind: 'episode' } & EpisodeName)
  | ({ kind: 'track' } & TrackName)
  | { kind: 'ignored'; reason: string }
  | { kind: 'unknown'; reason: string };

/** Files under this size with "sample" in their name are release samples, not the movie. */
export const SAMPLE_MAX_BYTES = 350 * 1024 * 1024;

const SAMPLE_WORD = /(?:^|[^a-z])sample(?:[^a-z]|$)/i;
const EXTRAS_FOLDER = /^(?:samples?|extras|featurettes|behind the scenes|deleted scenes|trailers|interviews|scenes|shorts|other)$/i;
const EXTRAS_SUFFIX = /-(?:trailer|sample|featurette|behindthescenes|deleted|interview|scene|short|other)$/i;

function ignoredReason(folders: readonly string[], base: string, sizeBytes: number | undefined): string | null {
  if (folders.some((name) => EXTRAS_FOLDER.test(cleanText(name)))) return 'in an extras or samples folder';
  if (EXTRAS_SUFFIX.test(base)) return 'an extra (trailer, featurette, sample)';
  if (SAMPLE_WORD.test(base) && (sizeBytes === undefined || sizeBytes < SAMPLE_MAX_BYTES)) return 'a release sample';
  return null;
}

/**
 * Reads a file's path, relative to its library folder with `/` separators, as a movie, episode or track.
 * The folder kind decides; a mixed folder guesses: audio extension → track, SxxEyy/1x02 → episode, else movie.
 */
export function parseMediaName(relPath: string, folderKind: FolderKind, sizeBytes?: number): ParsedName {
  const parts = relPath.split('/').filter((part) => part !== '');
  const fileName = parts[parts.length - 1] ?? '';
  const base = stripExtension(fileName);
  const folders = parts.slice(0, -1);
  const segments = [...folders, base];
  const ext = extensionOf(fileName);

  let kind: 'movie' | 'episode' | 'track';
  if (folderKind === 'movies') kind = 'movie';
  else if (folderKind === 'shows') kind = 'episode';
  else if (folderKind === 'music') kind = 'track';
  else if (isAudioExtension(ext)) kind = 'track';
  else kind = looksLikeEpisode(base) ? 'episode' : 'movie';

  if (kind !== 'track') {
    const ignored = ignoredReason(folders, base, sizeBytes);
    if (ignored !== null) return { kind: 'ignored', reason: ignored };
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
