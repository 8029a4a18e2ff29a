import type { ItemRecord } from './index-store.js';
import { isAudioExtension, mimeForExtension } from './media-types.js';
import type { ParsedName } from './names.js';
import { mergeTrackInfo } from './names.js';
import { probeAudio } from './probe-audio.js';
import { ProbeFailure } from './probe-errors.js';
import { probeVideo } from './probe-video.js';

export interface FileToRead {
  relPath: string;
  absPath: string;
  ext: string;
  size: number;
  mtimeMs: number;
  name: Exclude<ParsedName, { kind: 'ignored' } | { kind: 'unknown' }>;
}

export interface ReadOptions {
  ffprobePath: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

const NO_SHOW = { showTitle: null, season: null, episode: null, episodeEnd: null, episodeTitle: null };
const NO_ALBUM = { album: null, albumArtist: null, artist: null, trackNo: null, discNo: null, compilation: false };

/**
 * Reads one file into an index record: tags and format for audio (music-metadata), streams for video
 * (ffprobe). Throws ProbeFailure with a human reason, or ProbeToolMissing when ffprobe is absent.
 */
export async function readItem(file: FileToRead, opts: ReadOptions): Promise<ItemRecord> {
  if (file.size === 0) throw new ProbeFailure('the file is empty (0 bytes)');
  const base = { relPath: file.relPath, mime: mimeForExtension(file.ext), size: file.size, mtimeMs: file.mtimeMs };
  const { name } = file;

  if (name.kind === 'track' && isAudioExtension(file.ext)) {
    const { facts, tags } = await probeAudio(file.absPath, file.ext, opts.timeoutMs);
    const info = mergeTrackInfo(name, tags);
    return { ...base, ...facts, ...NO_SHOW, kind: 'track', title: info.title, year: info.year, ...pick(info) };
  }

  const facts = await probeVideo(file.absPath, file.ext, opts);
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
