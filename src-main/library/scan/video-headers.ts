import fs from 'node:fs';
import { parseFile } from 'music-metadata';
import type { MediaFacts } from '../../ports.js';
import { audioCodecName, frontCover } from './probe-audio.js';
import { ProbeFailure } from './probe-errors.js';

/**
 * Container facts of a video file read in-process (music-metadata plus a few box headers), so a scan does
 * not spawn ffprobe per video: issue 6 measured ffprobe at ~130 ms a file against a few ms here.
 * music-metadata reads MP4/MOV, Matroska/WebM and ASF; for anything else, or when it cannot name a codec,
 * `readVideoHeaders` returns null and the caller asks ffprobe.
 *
 * Important: a header parser happily reads a file cut off after its index, so each container's own
 * declared sizes are checked against the file's size first (the check ffprobe's reader would need too).
 */

const TRUNCATED = 'the file is truncated (shorter than its own index says)';
/** The moov box of a feature film is a few MB; beyond this we let ffprobe deal with it. */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;

interface Mp4Facts {
  width: number | null;
  height: number | null;
  durationSec: number | null;
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const n = fs.readSync(fd, buffer, 0, length, offset);
  return buffer.subarray(0, n);
}

/** Children of an MP4 box payload: [type, start, end] within `buf`. */
function* mp4Children(buf: Buffer, start: number, end: number): Generator<[string, number, number]> {
  let at = start;
  while (at + 8 <= end) {
    let size = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) return;
      size = Number(buf.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) return;
    yield [type, at + header, at + size];
    at += size;
  }
}

/** Walks MP4 top-level boxes: throws when one claims to extend past the end, reads size and duration from moov. */
function inspectMp4(fd: number, fileSize: number): Mp4Facts {
  const facts: Mp4Facts = { width: null, height: null, durationSec: null };
  let at = 0;
  for (let boxes = 0; at < fileSize && boxes < 10_000; boxes++) {
    const head = readAt(fd, at, 16);
    if (head.length < 8) throw new ProbeFailure(TRUNCATED);
    let size = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    let header = 8;
    if (size === 1) {
      if (head.length < 16) throw new ProbeFailure(TRUNCATED);
      size = Number(head.readBigUInt64BE(8));
      header = 16;
    } else if (size === 0) {
      size = fileSize - at;
    }
    if (size < header) return facts; // not a box structure we understand: leave it to the parser
    if (at + size > fileSize) throw new ProbeFailure(TRUNCATED);
    if (type === 'moov' && size <= MAX_MOOV_BYTES) readMoov(readAt(fd, at + header, size - header), facts);
    at += size;
  }
  return facts;
}

function readMoov(moov: Buffer, facts: Mp4Facts): void {
  for (const [type, start, end] of mp4Children(moov, 0, moov.length)) {
    if (type === 'mvhd' && end - start >= 20) {
      const version = moov[start]!;
      const timescale = version === 1 ? moov.readUInt32BE(start + 20) : moov.readUInt32BE(start + 12);
      const duration = version === 1 ? Number(moov.readBigUInt64BE(start + 24)) : moov.readUInt32BE(start + 16);
      if (timescale > 0 && duration > 0 && duration !== 0xffffffff) facts.durationSec = duration / timescale;
    }
    if (type !== 'trak') continue;
    let width = 0;
    let height = 0;
    let handler = '';
    for (const [child, cStart, cEnd] of mp4Children(moov, start, end)) {
      if (child === 'tkhd' && cEnd - cStart >= 84) {
        width = moov.readUInt32BE(cEnd - 8) / 65536;
        height = moov.readUInt32BE(cEnd - 4) / 65536;
      }
      if (child === 'mdia') {
        for (const [grand, gStart, gEnd] of mp4Children(moov, cStart, cEnd)) {
          if (grand === 'hdlr' && gEnd - gStart >= 12) handler = moov.toString('latin1', gStart + 8, gStart + 12);
        }
      }
    }
    if (handler === 'vide' && width > 0 && height > 0 && facts.width === null) {
      facts.width = Math.round(width);
      facts.height = Math.round(height);
    }
  }
}

/** An EBML variable-length integer at `at`: its value (null when "unknown size") and length. */
function vint(buf: Buffer, at: number): { value: number | null; length: number } | null {
  const first = buf[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > buf.length) return null;
  let value = first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + buf[at + i]!;
    if (buf[at + i] !== 0xff) allOnes = false;
  }
  return { value: allOnes ? null : value, length };
}

/** Throws when a Matroska Segment claims more bytes than the file has. */
function inspectMatroska(fd: number, fileSize: number): void {
  const head = readAt(fd, 0, 256);
  if (head.length < 4 || head.readUInt32BE(0) !== 0x1a45dfa3) return; // not EBML: the parser will say so
  const ebmlSize = vint(head, 4);
  if (!ebmlSize || ebmlSize.value === null) return;
  const segmentAt = 4 + ebmlSize.length + ebmlSize.value;
  if (segmentAt + 4 > head.length) return;
  if (head.readUInt32BE(segmentAt) !== 0x18538067) return;
  const segmentSize = vint(head, segmentAt + 4);
  if (!segmentSize || segmentSize.value === null) return; // live-style unknown size: nothing to check
  if (segmentAt + 4 + segmentSize.length + segmentSize.value > fileSize) throw new ProbeFailure(TRUNCATED);
}

/** Video codec names as ffprobe spells them, from music-metadata's track codec names. */
export function videoCodecName(codec: string | undefined): string | null {
  if (!codec) return null;
  const c = codec.toLowerCase().replace(/[<>]/g, '');
  if (c === 'avc1' || c === 'avc3' || c.includes('/avc')) return 'h264';
  if (c === 'hvc1' || c === 'hev1' || c.includes('hevc')) return 'hevc';
  if (c === 'av01' || c === 'v_av1' || c === 'av1') return 'av1';
  if (c === 'vp09' || c === 'vp9' || c === 'v_vp9') return 'vp9';
  if (c === 'vp8' || c === 'v_vp8') return 'vp8';
  if (c === 'mp4v' || c.includes('mpeg4/iso/asp')) return 'mpeg4';
  if (c.includes('mpeg2') || c === 'mp2v') return 'mpeg2video';
  if (/^wmv[123]$/.test(c)) return c;
  return null;
}

function videoContainerName(container: string | undefined, ext: string): string | null {
  const c = (container ?? '').toLowerCase();
  if (c.includes('webm')) return 'webm';
  if (c.includes('matroska')) return ext === 'webm' ? 'webm' : 'matroska';
  if (c === 'qt' || ext === 'mov') return 'mov';
  if (c.includes('iso') || c.includes('mp4') || c.includes('m4v') || c.includes('avc1')) return 'mp4';
  if (c.includes('asf')) return 'asf';
  return null;
}

/** Container, codecs, size and duration read in-process, or null when ffprobe must answer instead. */
export async function readVideoHeaders(file: string, ext: string, size: number, cover?: { data: Uint8Array | null }): Promise<MediaFacts | null> {
  let box: Mp4Facts = { width: null, height: null, durationSec: null };
  const fd = fs.openSync(file, 'r');
  try {
    if (ext === 'mp4' || ext === 'm4v' || ext === 'mov') box = inspectMp4(fd, size);
    else if (ext === 'mkv' || ext === 'webm') inspectMatroska(fd, size);
  } finally {
    fs.closeSync(fd);
  }
  let meta;
  try {
    // With `cover`, the MP4 `covr` picture or a Matroska image attachment is read too (into this worker).
    meta = await parseFile(file, { duration: false, skipCovers: cover === undefined });
  } catch {
    return null; // unsupported or malformed: ffprobe gives the real answer and the reason
  }
  const { format } = meta;
  if (cover) cover.data = frontCover(meta.common.picture);
  const container = videoContainerName(format.container, ext);
  let videoCodec: string | null = null;
  let width: number | null = null;
  let height: number | null = null;
  let audioCodec: string | null = null;
  for (const track of format.trackInfo ?? []) {
    const asVideo = track.type === 2 ? null : videoCodecName(track.codecName);
    if (asVideo && videoCodec === null) {
      videoCodec = asVideo;
      width = track.video?.pixelWidth ?? null;
      height = track.video?.pixelHeight ?? null;
    } else if (!asVideo && audioCodec === null && (track.type === 2 || track.audio)) {
      audioCodec = audioCodecName(track.codecName);
    }
  }
  audioCodec ??= format.codec ? audioCodecName(format.codec) : null;
  // Without a container name or a video codec we would be guessing: let ffprobe answer.
  if (container === null || videoCodec === null) return null;
  const duration = typeof format.duration === 'number' && Number.isFinite(format.duration) && format.duration > 0 ? format.duration : box.durationSec;
  return {
    durationSec: duration,
    container,
    videoCodec,
    audioCodec: audioCodec === 'a_opus' ? 'opus' : audioCodec,
    width: width ?? box.width,
    height: height ?? box.height,
  };
}
