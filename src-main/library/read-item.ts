import type { ItemRecord } from './index-store.js';
import { isAudioExtension, mimeForExtension } from './media-types.js';
import type { ParsedName } from './names.js';
import { mergeTrackInfo } from './names.js';
import type { ParsePool } from './parse-pool.js';
import { ProbeFailure } from './probe-errors.js';
import { probeVideo } from './probe-video.js';

export interface FileToRead {
  relPath: string;
  absPath: string;
  ext: string;
  size: number;
  mtimeMs: number;
  inode: number | null;
  name: Exclude<ParsedName, { kind: 'ignored' } | { kind: 'unknown' } | { kind: 'extra' }>;
}

export interface ReadOptions {
  ffprobePath: string;
  timeoutMs: number;
  /** Reads tags and sample hashes in worker threads and bounds how many files are read at once. */
  pool: ParsePool;
  signal?: AbortSignal;
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
  const parsed = await opts.pool.parse(audioFile ? 'audio' : 'video', file.absPath, file.ext, file.size, opts.signal);
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
    case 'movie':
      return { ...base, ...facts, ...NO_SHOW, ...NO_ALBUM, kind: 'movie', title: name.title, year: name.year };
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
