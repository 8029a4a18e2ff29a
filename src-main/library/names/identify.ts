import type { ExtraType, FolderKind } from '../../contract/index.js';
import { parseMediaName } from './media-name.js';
import type { ParsedName } from './media-name.js';

/**
 * How Glasswing would recognise a path, for `glasswing identify`: the tool a user runs when an item lands
 * in the wrong place, and the way to report a naming bug. Pure: it never reads the file or the index.
 */
interface Identification {
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

/** One line of `formatIdentification`: a label and the value it shows (none when null or empty). */
type Field = readonly [label: string, value: (id: Identification) => string | number | null];

function episodeCode(id: Identification): string {
  if (id.absolute) return `${id.episode} (absolute numbering)`;
  return id.date ?? `S${pad(id.season ?? 0)}E${pad(id.episode ?? 0)}${id.episodeEnd !== null ? `-E${pad(id.episodeEnd)}` : ''}`;
}

const DISC_LABEL = { dvd: 'DVD folder', bluray: 'Blu-ray folder' } as const;
const REASON: Field = ['reason', (id) => id.reason];

/** What is shown of each kind, in order, between its `kind` and its `id` lines. */
const FIELDS_OF_KIND: Readonly<Record<Identification['kind'], readonly Field[]>> = {
  movie: [
    ['title', (id) => id.title],
    ['year', (id) => id.year],
    ['part', (id) => id.part],
    ['disc', (id) => (id.disc === null ? null : DISC_LABEL[id.disc])],
  ],
  episode: [
    ['series', (id) => id.series],
    ['episode', episodeCode],
    ['season', (id) => (id.date === null && !id.absolute ? id.season : null)],
    ['title', (id) => id.title],
  ],
  track: [
    ['title', (id) => id.title],
    ['artist', (id) => id.artist],
    ['album', (id) => id.album],
    ['disc', (id) => id.discNo],
    ['track', (id) => id.trackNo],
  ],
  extra: [
    ['title', (id) => id.title],
    ['of', (id) => id.owner],
    ['type', (id) => id.extraType],
  ],
  ignored: [REASON],
  unknown: [REASON],
};

const line = (label: string, value: string | number): string => `  ${`${label}:`.padEnd(9)}${value}`;

/** One identification as a few human lines: the path, then what it is. */
export function formatIdentification(id: Identification): string {
  const fields: Field[] = [['kind', (i) => i.kind], ...FIELDS_OF_KIND[id.kind], ['id', (i) => i.externalId]];
  const lines = [id.path];
  for (const [label, valueOf] of fields) {
    const value = valueOf(id);
    if (value !== null && value !== '') lines.push(line(label, value));
  }
  lines.push(line('extra', id.extra ? 'yes' : 'no'));
  return lines.join('\n');
}
