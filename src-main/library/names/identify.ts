import type { ExtraType, FolderKind } from '../../contract/index.js';
import { parseMediaName } from './media-name.js';
import type { ParsedName } from './media-name.js';

/**
 * How Glasswing would recognise a path, for `glasswing identify`: the tool a user runs when an item lands
 * in the wrong place, and the way to report a naming bug. Pure: it never reads the file or the index.
 */
export interface Identification {
  path: string;
  kind: ParsedName['kind'];
  /** Movie or track title, episode name, or the extra's name. */
  title: string | null;
  /** The show of an episode. */
  series: string | null;
  year: number | null;
  season: number | null;
  episode: number | null;
  /** Last episode of a multi-episode file. */
  episodeEnd: number | null;
  /** Air date of a date-based episode, YYYY-MM-DD. */
  date: string | null;
  /** Numbered without seasons (anime). */
  absolute: boolean;
  /** Part of a movie split over files (cd1, part2). */
  part: number | null;
  /** A DVD or Blu-ray folder. */
  disc: 'dvd' | 'bluray' | null;
  extra: boolean;
  extraType: ExtraType | null;
  /** The movie or show an extra belongs to. */
  owner: string | null;
  artist: string | null;
  album: string | null;
  trackNo: number | null;
  discNo: number | null;
  /** An id such as `imdb:tt0111161` found in the name: shown, never looked up. */
  externalId: string | null;
  /** Why a path is ignored or not recognised. */
  reason: string | null;
}

/** Folders above the file that can matter to a parse (Artist/Album/CD1, Show/Season 01/Extras). */
const SEGMENTS_USED = 5;

/** Identifies one path as a library folder of `folderKind` would. Accepts `/` and `\` separators. */
export function identifyPath(input: string, folderKind: FolderKind): Identification {
  const segments = input.split(/[\\/]+/).filter((part) => part !== '' && part !== '.' && !/^[A-Za-z]:$/.test(part));
  const parsed = parseMediaName(segments.slice(-SEGMENTS_USED).join('/'), folderKind);
  const none: Identification = {
    path: input,
    kind: parsed.kind,
    title: null,
    series: null,
    year: null,
    season: null,
    episode: null,
    episodeEnd: null,
    date: null,
    absolute: false,
    part: null,
    disc: null,
    extra: false,
    extraType: null,
    owner: null,
    artist: null,
    album: null,
    trackNo: null,
    discNo: null,
    externalId: null,
    reason: null,
  };
  switch (parsed.kind) {
    case 'movie':
      return { ...none, title: parsed.title, year: parsed.year, part: parsed.part, disc: parsed.disc, externalId: parsed.externalId };
    case 'episode':
      return {
        ...none,
        title: parsed.episodeTitle,
        series: parsed.showTitle,
        season: parsed.season,
        episode: parsed.episode,
        episodeEnd: parsed.episodeEnd,
        date: parsed.date,
        absolute: parsed.absolute,
      };
    case 'track':
      return { ...none, title: parsed.title, artist: parsed.artist, album: parsed.album, trackNo: parsed.trackNo, discNo: parsed.discNo };
    case 'extra':
      return { ...none, title: parsed.title, extra: true, extraType: parsed.extraType, owner: parsed.owner };
    case 'ignored':
    case 'unknown':
      return { ...none, reason: parsed.reason };
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** One identification as a few human lines: the path, then what it is. */
export function formatIdentification(id: Identification): string {
  const lines = [id.path];
  const field = (label: string, value: string | number | null): void => {
    if (value !== null && value !== '') lines.push(`  ${`${label}:`.padEnd(9)}${value}`);
  };
  field('kind', id.kind);
  switch (id.kind) {
    case 'movie':
      field('title', id.title);
      field('year', id.year);
      field('part', id.part);
      field('disc', id.disc === 'dvd' ? 'DVD folder' : id.disc === 'bluray' ? 'Blu-ray folder' : null);
      break;
    case 'episode': {
      field('series', id.series);
      const code = id.date ?? `S${pad(id.season ?? 0)}E${pad(id.episode ?? 0)}${id.episodeEnd !== null ? `-E${pad(id.episodeEnd)}` : ''}`;
      field('episode', id.absolute ? `${id.episode} (absolute numbering)` : code);
      if (id.date === null && !id.absolute) field('season', id.season);
      field('title', id.title);
      break;
    }
    case 'track':
      field('title', id.title);
      field('artist', id.artist);
      field('album', id.album);
      field('disc', id.discNo);
      field('track', id.trackNo);
      break;
    case 'extra':
      field('title', id.title);
      field('of', id.owner);
      field('type', id.extraType);
      break;
    case 'ignored':
    case 'unknown':
      field('reason', id.reason);
      break;
  }
  field('id', id.externalId);
  lines.push(`  ${'extra:'.padEnd(9)}${id.extra ? 'yes' : 'no'}`);
  return lines.join('\n');
}
