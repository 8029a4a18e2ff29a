import { parseFile } from 'music-metadata';
import type { MediaFacts } from '../../ports.js';
import { ProbeFailure, toProbeFailure } from './probe-errors.js';
import type { TrackTags } from '../names/track-names.js';

export interface AudioProbe {
  facts: MediaFacts;
  tags: TrackTags;
}

/** music-metadata's container names mapped to the short names ffprobe (and the player) use. */
function audioContainerName(container: string | undefined, ext: string): string | null {
  if (!container) return null;
  const c = container.toLowerCase();
  if (c === 'mpeg') return 'mp3';
  if (c.includes('flac')) return 'flac';
  if (c.startsWith('m4a') || c.includes('mp4') || c.includes('isom') || c.includes('m4b')) return 'mp4';
  if (c.includes('ogg')) return 'ogg';
  if (c.includes('wave') || c === 'wav') return 'wav';
  if (c.includes('asf')) return 'asf';
  if (c.includes('adts')) return 'aac';
  return c || ext || null;
}

/** music-metadata's codec descriptions mapped to ffprobe-style codec names. */
export function audioCodecName(codec: string | undefined): string | null {
  if (!codec) return null;
  const c = codec.toLowerCase();
  if (c.includes('layer 3')) return 'mp3';
  if (c.includes('layer 2')) return 'mp2';
  if (c.includes('flac')) return 'flac';
  if (c.includes('aac')) return 'aac';
  if (c.includes('alac')) return 'alac';
  if (c.includes('opus')) return 'opus';
  if (c.includes('vorbis')) return 'vorbis';
  if (c.includes('pcm')) return 'pcm';
  if (c.includes('windows media')) return 'wma';
  return c;
}

/** The front cover among a file's embedded pictures (else the first one), or null. */
export function frontCover(pictures: readonly { data: Uint8Array; type?: string }[] | undefined): Uint8Array | null {
  if (!pictures || pictures.length === 0) return null;
  return (pictures.find((p) => /front/i.test(p.type ?? '')) ?? pictures[0]!).data;
}

/**
 * Reads tags and format of an audio file with music-metadata, with no time limit: the parse pool runs it
 * in a worker thread and terminates the worker when it takes too long.
 */
export async function parseAudio(file: string, ext: string, cover?: { data: Uint8Array | null }): Promise<AudioProbe> {
  let meta;
  try {
    meta = await parseFile(file, { duration: true, skipCovers: cover === undefined });
  } catch (error) {
    throw toProbeFailure(error);
  }
  const { format, common } = meta;
  if (cover) cover.data = frontCover(common.picture);
  const duration = typeof format.duration === 'number' && Number.isFinite(format.duration) ? format.duration : null;
  // music-metadata is lenient: random bytes named .mp3 can "parse" as some codec with no duration.
  // With `duration: true` every playable file has one, so none means there is nothing to play.
  if (!format.codec || duration === null || duration <= 0) throw new ProbeFailure('not a recognizable audio file');
  if (format.hasAudio === false) throw new ProbeFailure('no audio found in the file');
  return {
    facts: {
      durationSec: duration,
      container: audioContainerName(format.container, ext),
      videoCodec: null,
      audioCodec: audioCodecName(format.codec),
      width: null,
      height: null,
    },
    tags: {
      title: common.title ?? null,
      artist: common.artist ?? null,
      albumArtist: common.albumartist ?? null,
      album: common.album ?? null,
      year: common.year ?? null,
      trackNo: common.track.no,
      discNo: common.disk.no,
      compilation: common.compilation ?? null,
    },
  };
}
