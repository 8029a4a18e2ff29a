import type { ItemRecord } from '../index/item-record.js';
import { isAudioExtension, mimeForExtension } from '../names/media-types.js';
import type { ParsedName } from '../names/media-name.js';
import { mergeTrackInfo } from '../names/track-names.js';
import { partGroupOf } from '../names/movie-names.js';
import type { ParsedFile, ParsePool } from './parse-pool.js';
import type { LocalMetadata } from '../metadata/local-metadata.js';
import { sidecarsOf } from '../metadata/sidecars.js';
import type { DirListing, LinkedSubtitle, SidecarPaths } from '../metadata/sidecars.js';
import { ProbeFailure } from './probe-errors.js';
import { probeVideo } from './probe-video.js';
import type { LibraryTools } from '../tools.js';

/** What a name must say for its file to be read: not ignored, not unrecognised. */
export type ReadableName = Exclude<ParsedName, { kind: 'ignored' } | { kind: 'unknown' }>;

/** A file as the walk or the watcher found it on disk. */
export interface FoundFile {
  relPath: string;
  absPath: string;
  ext: string;
  size: number;
  mtimeMs: number;
  inode: number | null;
}

export interface FileToRead extends FoundFile {
  name: ReadableName;
  /** Its sidecars (see `sidecars.ts`); read only when `ReadOptions.artDir` is set too. */
  sidecars?: SidecarPaths;
  /** External subtitles linked to it by name. */
  subtitles?: LinkedSubtitle[];
}

export interface ReadOptions {
  /** ffprobe, spawned through the pool's limit for what the in-process readers cannot answer. */
  tools: LibraryTools;
  timeoutMs: number;
  /** Reads tags and sample hashes in worker threads and bounds how many files are read at once. */
  pool: ParsePool;
  signal?: AbortSignal;
  /** The artwork cache (`artwork-cache.ts`); without it sidecars are not read. */
  artDir?: string;
}

/** A found file with what its name says, and its sidecars found from folder listings (an extra has none). */
export function fileToRead(file: FoundFile, name: ReadableName, listingOf: (relDir: string) => DirListing | null, root: string): FileToRead {
  const { relPath, absPath, ext, size, mtimeMs, inode } = file;
  return { relPath, absPath, ext, size, mtimeMs, inode, name, ...(name.kind === 'extra' ? {} : sidecarsOf(relPath, name.kind, listingOf, root)) };
}

const NO_SHOW = { showTitle: null, season: null, episode: null, episodeEnd: null, episodeTitle: null };
const NO_ALBUM = { album: null, albumArtist: null, artist: null, trackNo: null, discNo: null, compilation: false };

/**
 * Reads one file into an index record: tags and format for audio and container facts for video
 * (music-metadata, in a worker; ffprobe through the pool's limit when that cannot answer), and the
 * sampled-block hash the watcher matches moves by.
 * Throws ProbeFailure with a human reason, or ProbeToolMissing when ffprobe is absent.
 */
export async function readItem(file: FileToRead, opts: ReadOptions): Promise<ItemRecord> {
  if (file.size === 0) throw new ProbeFailure('the file is empty (0 bytes)');
  const { name } = file;
  const audioFile = name.kind === 'track' && isAudioExtension(file.ext);
  const sidecars = file.sidecars && opts.artDir ? { paths: file.sidecars, artDir: opts.artDir } : undefined;
  const parsed = await opts.pool.parse(audioFile ? 'audio' : 'video', file.absPath, file.ext, file.size, opts.signal, sidecars);
  return withLocalMetadata(await recordFrom(file, parsed, opts), parsed.local, file.subtitles ?? []);
}

async function recordFrom(file: FileToRead, parsed: ParsedFile, opts: ReadOptions): Promise<ItemRecord> {
  const { name } = file;
  const base = {
    relPath: file.relPath,
    mime: mimeForExtension(file.ext),
    size: file.size,
    mtimeMs: file.mtimeMs,
    inode: file.inode,
    sampleHash: parsed.sampleHash,
  };

  if (name.kind === 'track' && parsed.audio) {
    const info = mergeTrackInfo(name, parsed.audio.tags);
    return { ...base, ...parsed.audio.facts, ...NO_SHOW, kind: 'track', title: info.title, year: info.year, ...pick(info) };
  }

  // ffprobe only for what the in-process reader could not answer (AVI, MPEG-TS, odd or broken files).
  const facts = parsed.video ?? (await opts.pool.limit(() => probeVideo(file.absPath, file.ext, opts), opts.signal));
  switch (name.kind) {
    case 'movie': {
      // One file of a movie split over several: joined with its siblings in the snapshot and at play time.
      const part = name.part !== null ? { part: { number: name.part, group: partGroupOf(file.relPath, name) } } : {};
      return { ...base, ...facts, ...NO_SHOW, ...NO_ALBUM, kind: 'movie', title: name.title, year: name.year, ...part };
    }
    case 'extra':
      // Indexed as a movie row marked as an extra; the snapshot lists it under its owner (snapshot-placement.ts).
      return { ...base, ...facts, ...NO_SHOW, ...NO_ALBUM, kind: 'movie', title: name.title, year: null, extra: { type: name.extraType, owner: name.owner } };
    case 'episode':
      return {
        ...base,
        ...facts,
        ...NO_ALBUM,
        kind: 'episode',
        title: name.episodeTitle ?? name.showTitle,
        year: null,
        showTitle: name.showTitle,
        season: name.season,
        episode: name.episode,
        episodeEnd: name.episodeEnd,
        episodeTitle: name.episodeTitle,
      };
    case 'track':
      // A video file in a music layout (only reachable through explicit names): index it as a track.
      return { ...base, ...facts, ...NO_SHOW, kind: 'track', title: name.title, year: null, ...pick(mergeTrackInfo(name, {})) };
  }
}

/**
 * Lays what the sidecars said over a record read from the file and its name: an nfo's title and year win
 * over the name's (they are what the user wrote down), its plot and a movie's genres are kept; pictures
 * become artwork ids.
 */
function withLocalMetadata(record: ItemRecord, local: LocalMetadata | null, subtitles: LinkedSubtitle[]): ItemRecord {
  const out: ItemRecord = { ...record, subtitles };
  if (!local) return out;
  const { nfo } = local;
  out.posterArt = local.posterArt;
  out.fanartArt = local.fanartArt;
  out.plot = nfo?.plot ?? null;
  if (nfo?.root === 'movie' && record.kind === 'movie') {
    out.title = nfo.title ?? record.title;
    out.year = nfo.year ?? record.year;
    out.genres = nfo.genres;
  }
  if (nfo?.root === 'episodedetails' && record.kind === 'episode' && nfo.title) {
    out.title = nfo.title;
    out.episodeTitle = nfo.title;
  }
  if (local.show && record.kind === 'episode') {
    const showNfo = local.show.nfo?.root === 'tvshow' ? local.show.nfo : null;
    if (showNfo?.title) out.showTitle = showNfo.title;
    out.show = { plot: showNfo?.plot ?? null, posterArt: local.show.posterArt, fanartArt: local.show.fanartArt };
  }
  return out;
}

function pick(info: ReturnType<typeof mergeTrackInfo>) {
  return {
    album: info.album,
    albumArtist: info.albumArtist,
    artist: info.artist,
    trackNo: info.trackNo,
    discNo: info.discNo,
    compilation: info.compilation,
  };
}
