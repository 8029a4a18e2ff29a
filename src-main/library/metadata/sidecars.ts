import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FolderKind } from '../../contract/index.js';
import { extensionOf, isIndexedExtension } from '../names/media-types.js';

/**
 * Sidecar files: what sits beside a video or track and describes it (`.nfo`, posters and covers, external
 * subtitles). Found from the directory listings the walk makes anyway: nothing here probes for a name.
 */

type SubtitleFormat = 'srt' | 'vtt' | 'ass';

/** What one folder holds that matters to sidecars: its sidecar names and how many media files it has. */
export interface DirListing {
  /** Sidecar file names, as the file system spells them. */
  names: readonly string[];
  /** Indexed media files directly in the folder: generic names (`poster.jpg`) belong to a folder's only video. */
  mediaCount: number;
}

/** Absolute paths of the sidecars that describe one media file (see `locateSidecars`). */
export interface SidecarPaths {
  nfo: string | null;
  poster: string | null;
  fanart: string | null;
  /** Episodes: the show folder's `tvshow.nfo`, poster and backdrop. */
  show: { nfo: string | null; poster: string | null; fanart: string | null } | null;
  /** Tracks and videos without a poster file: look for a picture embedded in the file. */
  embeddedCover: boolean;
}

export interface LinkedSubtitle {
  fileName: string;
  language: string | null;
  forced: boolean;
  format: SubtitleFormat;
}

const ART_EXTENSIONS: ReadonlySet<string> = new Set(['jpg', 'jpeg', 'png', 'webp']);
const SUBTITLE_FORMATS: Readonly<Record<string, SubtitleFormat>> = { srt: 'srt', vtt: 'vtt', ass: 'ass', ssa: 'ass' };
/** Tags in a subtitle name that are not a language. */
const NOT_LANGUAGE: ReadonlySet<string> = new Set(['sdh', 'cc', 'forced', 'default', 'full', 'commentary', 'eng-sdh']);
/** Subtitles linked per video at most: a folder of a thousand `.srt` files is not a video's. */
const MAX_SUBTITLES = 32;
/** Folders that hold a show's or an album's files one level down. */
const SEASON_DIR = /^(season[ ._-]*\d{1,4}|s\d{1,4}|specials?)$/i;
const DISC_DIR = /^(cd|dis[ck])[ ._-]*\d{1,3}$/i;

/** Whether a folder of this name (`Season 01`, `CD2`) takes its show's or album's sidecars from its parent. */
export function isGroupSubfolder(dirName: string): boolean {
  return SEASON_DIR.test(dirName) || DISC_DIR.test(dirName);
}

/** Whether a file name is one a sidecar could have (nfo, picture, subtitle). */
export function isSidecarName(name: string): boolean {
  const ext = extensionOf(name);
  return ext === 'nfo' || ART_EXTENSIONS.has(ext) || ext in SUBTITLE_FORMATS;
}

/**
 * A signature of a folder's sidecars (names, sizes and mtimes), '' when it has none. Stats only the
 * sidecar files of the listing, so a folder of videos alone costs nothing.
 */
export function sidecarSignature(absDir: string, names: readonly string[]): string {
  if (names.length === 0) return '';
  const hash = createHash('sha1');
  for (const name of [...names].sort()) {
    let mark = 'gone';
    try {
      const stat = fs.lstatSync(path.join(absDir, name));
      mark = `${stat.size}:${stat.mtimeMs}`;
    } catch {
      // Vanished between the listing and the stat: the next scan sees it settled.
    }
    hash.update(`${name}\u0000${mark}\u0000`);
  }
  return hash.digest('base64url');
}

/** Lists one folder for sidecars, on demand (the watcher's path; the scan gets listings from its walk). */
export function listDir(absDir: string, kind: FolderKind): DirListing | null {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(absDir, { withFileTypes: true });
  } catch {
    return null;
  }
  const names: string[] = [];
  let mediaCount = 0;
  for (const entry of entries) {
    if (entry.name.startsWith('.') || !entry.isFile()) continue;
    if (isSidecarName(entry.name)) names.push(entry.name);
    else if (isIndexedExtension(extensionOf(entry.name), kind)) mediaCount++;
  }
  return { names, mediaCount };
}

function baseOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? fileName : fileName.slice(0, dot);
}

/** The first name in `listing` whose lower-case form is one of `wanted` (in `wanted`'s order). */
function pick(listing: DirListing | null, wanted: readonly string[]): string | null {
  if (!listing) return null;
  const byLower = new Map(listing.names.map((n) => [n.toLowerCase(), n]));
  for (const w of wanted) {
    const hit = byLower.get(w);
    if (hit !== undefined) return hit;
  }
  return null;
}

const pictures = (...stems: string[]): string[] => stems.flatMap((s) => ['jpg', 'jpeg', 'png', 'webp'].map((e) => `${s}.${e}`));

/**
 * Which sidecars describe the media file at `relPath` (`/`-separated, relative to the library folder),
 * given listings of folders by relative path. Kodi's names:
 * - movie: `<base>.nfo` or (alone in its folder) `movie.nfo`; `<base>-poster.jpg`, else (alone) `poster.jpg`,
 *   `folder.jpg`, `cover.jpg`; `<base>-fanart.jpg`, else (alone) `fanart.jpg`.
 * - episode: `<base>.nfo` (`<episodedetails>`); the show folder (the episode's, or its parent when the
 *   episode sits in a `Season 01` folder) gives `tvshow.nfo`, `poster.jpg`/`folder.jpg` and `fanart.jpg`.
 * - track: the album folder's (or, under `CD1`, its parent's) `cover.jpg`/`folder.jpg`/`front.jpg`.
 */
export function locateSidecars(relPath: string, kind: 'movie' | 'episode' | 'track', listingOf: (relDir: string) => DirListing | null, root: string): SidecarPaths {
  const slash = relPath.lastIndexOf('/');
  const relDir = slash < 0 ? '' : relPath.slice(0, slash);
  const fileName = relPath.slice(slash + 1);
  const base = baseOf(fileName).toLowerCase();
  const abs = (dir: string, name: string | null): string | null => (name === null ? null : path.join(root, ...(dir === '' ? [] : dir.split('/')), name));
  const here = listingOf(relDir);
  const parentDir = relDir.includes('/') ? relDir.slice(0, relDir.lastIndexOf('/')) : '';
  const dirName = relDir.slice(relDir.lastIndexOf('/') + 1);

  if (kind === 'track') {
    const albumDir = relDir !== '' && DISC_DIR.test(dirName) ? parentDir : relDir;
    const stems = ['cover', 'folder', 'front', 'albumart'];
    const own = relDir === '' ? null : pick(here, pictures(...stems));
    const poster = own !== null ? abs(relDir, own) : albumDir !== relDir ? abs(albumDir, pick(listingOf(albumDir), pictures(...stems))) : null;
    return { nfo: null, poster, fanart: null, show: null, embeddedCover: poster === null };
  }

  const nfo = abs(relDir, pick(here, [`${base}.nfo`]));
  if (kind === 'episode') {
    const inSeason = relDir !== '' && SEASON_DIR.test(dirName) && pick(here, ['tvshow.nfo']) === null;
    const showDir = inSeason ? parentDir : relDir;
    const showListing = showDir === relDir ? here : listingOf(showDir);
    const show =
      showDir === ''
        ? null // a shows folder's root is not one show's folder
        : {
            nfo: abs(showDir, pick(showListing, ['tvshow.nfo'])),
            poster: abs(showDir, pick(showListing, pictures('poster', 'folder', 'cover'))),
            fanart: abs(showDir, pick(showListing, pictures('fanart', 'backdrop'))),
          };
    const thumb = abs(relDir, pick(here, pictures(`${base}-thumb`, `${base}-poster`)));
    return { nfo, poster: thumb, fanart: null, show, embeddedCover: false };
  }

  // Generic names belong to a movie only when it is alone in a folder of its own.
  const alone = relDir !== '' && (here?.mediaCount ?? 0) <= 1;
  const poster = pick(here, [...pictures(`${base}-poster`), ...(alone ? pictures('poster', 'folder', 'cover', 'movie') : [])]);
  const fanart = pick(here, [...pictures(`${base}-fanart`), ...(alone ? pictures('fanart', 'backdrop') : [])]);
  return {
    nfo: nfo ?? (alone ? abs(relDir, pick(here, ['movie.nfo'])) : null),
    poster: abs(relDir, poster),
    fanart: abs(relDir, fanart),
    show: null,
    embeddedCover: poster === null,
  };
}

/**
 * External subtitles of a video by name: `<base>.srt`, `<base>.en.srt`, `<base>.fr.forced.ass`,
 * `<base>.pt-BR.sdh.vtt`. The language is the first tag shaped like a language code.
 */
export function linkSubtitles(videoFileName: string, listing: DirListing | null): LinkedSubtitle[] {
  if (!listing) return [];
  const base = baseOf(videoFileName);
  const out: LinkedSubtitle[] = [];
  for (const name of listing.names) {
    const ext = extensionOf(name);
    const format = SUBTITLE_FORMATS[ext];
    if (!format || !name.startsWith(`${base}.`)) continue;
    const tags = name.slice(base.length + 1, name.length - ext.length - 1).split('.').filter(Boolean);
    // More tags than language, forced and a note is not a subtitle name this reader understands.
    if (tags.length > 3) continue;
    let language: string | null = null;
    let forced = false;
    for (const tag of tags) {
      const t = tag.toLowerCase();
      if (t === 'forced') forced = true;
      else if (language === null && !NOT_LANGUAGE.has(t) && /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(t)) language = t;
    }
    out.push({ fileName: name, language, forced, format });
    if (out.length >= MAX_SUBTITLES) break;
  }
  return out.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
}

/** A media file's sidecar paths and linked subtitles, from folder listings: what `FileToRead` carries. */
export function sidecarsOf(
  relPath: string,
  kind: 'movie' | 'episode' | 'track',
  listingOf: (relDir: string) => DirListing | null,
  root: string,
): { sidecars: SidecarPaths; subtitles: LinkedSubtitle[] } {
  const slash = relPath.lastIndexOf('/');
  const subtitles = kind === 'track' ? [] : linkSubtitles(relPath.slice(slash + 1), listingOf(slash < 0 ? '' : relPath.slice(0, slash)));
  return { sidecars: locateSidecars(relPath, kind, listingOf, root), subtitles };
}
