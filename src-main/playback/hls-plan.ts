/**
 * The fixed shape of an HLS stream, decided before ffmpeg starts: segment times, the VOD playlist, and
 * ffmpeg's arguments. Pure, so the playlist can be written up front from the known duration, or from the
 * keyframes copied video can be cut at (hls.js can seek anywhere at once), and a restart at segment `n`
 * produces exactly the segments the playlist promises.
 */
import type { StreamAction, TranscodeQuality } from '../contract/index.js';
import { inputArgs } from './input.js';

/**
 * Segment length when video is re-encoded: 1 s everywhere, with a forced IDR at each boundary. Short
 * segments make both the start and a seek fast, since the first picture needs only one segment encoded:
 * about 1 s of encoding on two cores where 4 s segments took about 2 s after a seek (issue 7's seek target).
 * The price: an IDR a second (x264 veryfast at CRF 21 on 1080p: about 7 % more bits than one every 4 s
 * at the same quality) and one request a second.
 */
const TRANSCODE_SEGMENT_SEC = 1;
/** Segment length for audio alone, and the grid at whose points copied video is cut (at the keyframe before). */
export const STEADY_SEGMENT_SEC = 4;
/** A runner's forced-keyframe list covers at most this many segments; the next runner continues after it. */
export const MAX_SEGMENTS_PER_RUNNER = 3600;
/**
 * The same for copied video, whose cut list has longer times: about 14,000 characters of argv at most, where
 * Windows allows about 32,000.
 */
export const REMUX_SEGMENTS_PER_RUNNER = 1500;
/** Copied video: no segment shorter than this, except a film's only one. */
const MIN_REMUX_SEGMENT_SEC = 1;
/**
 * Copied video is cut at the first keyframe at or after each segment time: this much before the planned
 * keyframe, so that rounding (times are written with 3 decimals) can never push a cut to the next one.
 */
const CUT_LEAD_SEC = 0.002;
/** `-ss` a hair past the planned keyframe: ffmpeg then reads from it or from an earlier one, never a later one. */
const SEEK_PAST_SEC = 0.001;
/** The first runner after a start or a seek encodes this many segments with the fast settings. */
export const FAST_START_SEGMENTS = 4;

/**
 * Uniform segment start times. With video re-encoded, keyframes are forced exactly at these times; audio alone
 * is cut at the first packet after each (within an audio frame). Copied video uses `remuxStarts` instead.
 */
export function segmentStarts(durationSec: number, cutsExact: boolean): number[] {
  const starts: number[] = [];
  const length = cutsExact ? TRANSCODE_SEGMENT_SEC : STEADY_SEGMENT_SEC;
  // By multiplication, not by adding up, so that no rounding error creeps into long files.
  for (let n = 0; n * length < durationSec - 0.05 || n === 0; n++) starts.push(round3(n * length));
  return starts;
}

/**
 * Segment start times for copied video: the distinct keyframes found at or before each point of the
 * `STEADY_SEGMENT_SEC` grid (keyframes.ts), so segments are about 4 s long where keyframes are dense and one
 * GOP long where they are sparse. Only these keyframes become cuts (`-segment_times`); ffmpeg ignores the
 * others, so the playlist needs no complete keyframe list, and a restart at any of them cuts the same. Pure.
 */
export function remuxStarts(keyframes: readonly number[], durationSec: number): number[] {
  const starts = [0];
  for (const k of keyframes) {
    if (k - (starts.at(-1) ?? 0) >= MIN_REMUX_SEGMENT_SEC && durationSec - k >= MIN_REMUX_SEGMENT_SEC) starts.push(k);
  }
  return starts;
}

function segmentDuration(starts: readonly number[], durationSec: number, n: number): number {
  return Math.max(0.001, (starts[n + 1] ?? durationSec) - (starts[n] ?? 0));
}

/** The whole VOD playlist, written before a single segment exists. */
export function playlistText(starts: readonly number[], durationSec: number): string {
  const lengths = starts.map((_, n) => segmentDuration(starts, durationSec, n));
  const target = Math.ceil(Math.max(...lengths));
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-PLAYLIST-TYPE:VOD',
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-MAP:URI="${INIT_NAME}"`,
  ];
  lengths.forEach((len, n) => lines.push(`#EXTINF:${len.toFixed(6)},`, segmentName(n)));
  lines.push('#EXT-X-ENDLIST', '');
  return lines.join('\n');
}

export interface RunnerPlan {
  /** Absolute path of the source, or of its parts' concat list (input.ts); passed as `file:<path>` so no other protocol can be named. */
  input: string;
  dir: string;
  /** Distinguishes this runner's init segment and ffmpeg's own playlist from other runners'. */
  seq: number;
  starts: readonly number[];
  durationSec: number;
  start: number;
  /** Exclusive; the runner stops after segment `end - 1`. */
  end: number;
  video: StreamAction;
  audio: StreamAction;
  /** `-map 0:a:<n>` */
  audioOrder: number | null;
  /** Burn this subtitle stream (`0:s:<n>`) into the picture. */
  burnSubtitleOrder: number | null;
  videoCodec: string | null;
  /** Downmix to this many channels. */
  audioChannels: number | null;
  /** Faster x264 settings for the first seconds; same SPS/PPS, so segments mix with the steady ones. */
  fast: boolean;
  /** The tallest picture an encoded video may have (Settings' transcode quality); null keeps the source's. */
  maxHeight: number | null;
}

/** The argv for one runner. Codec and container names come from fixed tables, never from input. */
export function ffmpegArgs(p: RunnerPlan): string[] {
  const copied = p.video === 'copy';
  const from = p.starts[p.start] ?? 0;
  const to = p.end < p.starts.length ? (p.starts[p.end] ?? p.durationSec) : null;
  const exact = p.video === 'transcode';
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-nostats', '-progress', 'pipe:1'];
  // Copied video is read from the planned keyframe or an earlier one (ffmpeg seeks 3/23 s early when the
  // video has B-frames, unless the container seeks by pts); what comes before the keyframe is thrown away.
  const seek = !(from > 0) ? null : copied ? (from + SEEK_PAST_SEC).toFixed(6) : from.toFixed(3);
  if (seek !== null) args.push('-ss', seek);
  args.push(...inputArgs(p.input));
  // Copied video ends at the runner's last cut instead (hls-session.ts stops it there): `-t` ends on a
  // decode time, which is not a keyframe's presentation time.
  if (to !== null && !copied) args.push('-t', (to - from).toFixed(3));

  if (p.video !== 'none') {
    if (p.burnSubtitleOrder !== null) {
      args.push('-filter_complex', `[0:v:0][0:s:${p.burnSubtitleOrder}]overlay,${scaleFilter(p.maxHeight)}[v]`, '-map', '[v]');
    } else {
      args.push('-map', '0:v:0');
    }
  }
  if (p.audio !== 'none' && p.audioOrder !== null) args.push('-map', `0:a:${p.audioOrder}`);
  args.push('-sn', '-dn', '-map_metadata', '-1', '-map_chapters', '-1');

  if (p.video === 'transcode') {
    if (p.burnSubtitleOrder === null) args.push('-vf', scaleFilter(p.maxHeight));
    const forced = p.starts.slice(p.start + 1, p.end).map((t) => (t - from).toFixed(3));
    args.push(
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '21', '-profile:v', 'high', '-pix_fmt', 'yuv420p',
      // No keyframes but the forced ones, so every segment is exactly the length the playlist says.
      '-x264-params', p.fast ? `keyint=infinite:scenecut=0:${FAST_X264}` : 'keyint=infinite:scenecut=0',
      '-forced-idr', '1',
      '-force_key_frames', forced.length ? forced.join(',') : '0',
    );
  } else if (p.video === 'copy') {
    args.push('-c:v', 'copy');
    if (p.videoCodec === 'hevc') args.push('-tag:v', 'hvc1');
  }
  if (p.audio === 'transcode') {
    args.push('-c:a', 'aac', '-b:a', '192k');
    if (p.audioChannels !== null) args.push('-ac', String(p.audioChannels));
  } else if (p.audio === 'copy') {
    args.push('-c:a', 'copy');
  }
  if (copied) {
    args.push(...remuxOutput(p, seek));
    return args;
  }
  args.push(
    // As with copied video: otherwise ffmpeg shifts only a runner that starts at 0 s (its first decode time
    // is negative when the encoder makes B-frames) by the encoder's delay, 80 ms with x264 veryfast, so its
    // segments overlapped those of the runner after it, at 4 s into every transcode.
    '-avoid_negative_ts', 'disabled',
    '-f', 'hls',
    // Cut at every forced keyframe (video re-encoded); audio alone every STEADY seconds.
    '-hls_time', exact ? '0.5' : String(STEADY_SEGMENT_SEC),
    '-hls_segment_type', 'fmp4',
    '-hls_flags', 'temp_file+independent_segments',
    '-hls_list_size', '0',
    '-start_number', String(p.start),
    '-hls_segment_filename', `${p.dir}/${segmentName('%d')}`,
    '-hls_fmp4_init_filename', initName(p.seq),
    // Segments carry their absolute time (tfdt), whichever runner wrote them, so hls.js places them right.
    '-hls_segment_options', 'movflags=+frag_discont',
    '-output_ts_offset', from.toFixed(3),
    `${p.dir}/ffmpeg-${p.seq}.m3u8`,
  );
  return args;
}

/**
 * Copied video goes to the `segment` muxer, not the `hls` one: hls cuts at the first keyframe past
 * `hls_time` times the segments written since the runner started, so its cuts depend on where the runner
 * started and on keyframes the playlist does not know. `-segment_times` cuts exactly at the planned keyframes
 * and nowhere else. Each segment is a whole fragmented MP4 (ftyp, moov, sidx, moof, mdat) with its absolute
 * time in tfdt; raw-segments.ts keeps the ftyp+moov once as the init segment and serves the rest. Checked on
 * a B-frame source: a runner from 0 s and one started by a seek write the same video bytes for a segment
 * (audio times within 0.3 ms), and the same moov.
 */
function remuxOutput(p: RunnerPlan, seek: string | null): string[] {
  // The runner's last cut is the next runner's first segment: its file appearing says the runner is done.
  const cuts = p.starts.slice(p.start + 1, Math.min(p.end, p.starts.length - 1) + 1);
  // After a seek the first file holds what precedes the planned keyframe: it is numbered `start - 1`.
  if (seek !== null) cuts.unshift(p.starts[p.start] ?? 0);
  const times = cuts.map((t) => (t - CUT_LEAD_SEC).toFixed(3));
  return [
    // ffmpeg would shift a file's timestamps when its first decode time is negative (B-frames at 0 s), and
    // only the runner that starts at 0 s has one: a seek would then move every segment by that much.
    '-avoid_negative_ts', 'disabled',
    '-f', 'segment',
    '-segment_format', 'mp4',
    // The same fragmenting as the hls muxer's fMP4; skip_trailer leaves out the mfra box after the fragment.
    '-segment_format_options', 'movflags=+frag_custom+dash+delay_moov+frag_discont+skip_trailer',
    // Even when the seek lands on the keyframe itself, so that the numbering never shifts.
    '-write_empty_segments', '1',
    '-segment_times', times.length ? times.join(',') : (p.durationSec + 3600).toFixed(3),
    '-segment_start_number', String(seek === null ? p.start : p.start - 1),
    '-output_ts_offset', seek ?? '0',
    `${p.dir}/${rawName(p.seq, '%d')}`,
  ];
}

/** The name a player asks an HLS stream's playlist by, and the playlist's type. */
export const PLAYLIST_NAME = 'index.m3u8';
export const PLAYLIST_MIME = 'application/vnd.apple.mpegurl';
/** The name a player asks the init segment by (every runner writes its own, all alike: `initName`). */
export const INIT_NAME = 'init.mp4';

/** Media segment `n`, as the playlist names it and as it lies in the stream's folder. */
export function segmentName(n: number | '%d'): string {
  return `${n}.m4s`;
}

/** The number of a media segment from its name; null for any other name. */
export function segmentNumber(name: string): number | null {
  const m = /^(\d{1,6})\.m4s$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** A whole-MP4 segment of runner `seq` as the segment muxer writes it, before raw-segments.ts splits it. */
export function rawName(seq: number, n: number | '%d'): string {
  return `raw-${seq}-${n}.mp4`;
}

export const RAW_NAME = /^raw-(\d{1,9})-(\d{1,6})\.mp4$/;

/** Runner `seq`'s init segment; the session serves the first one written as `INIT_NAME`. */
export function initName(seq: number): string {
  return `init-${seq}.mp4`;
}

/** The tallest picture each transcode quality makes; `original` keeps the source's height. */
const MAX_HEIGHT: Readonly<Record<TranscodeQuality, number | null>> = { original: null, '1080p': 1080, '720p': 720, '480p': 480 };

export function maxHeightOf(quality: TranscodeQuality): number | null {
  return MAX_HEIGHT[quality];
}

/**
 * The scaling of encoded video: even width and height (x264's 4:2:0 needs both), at most `maxHeight` lines
 * with the width following the aspect ratio, never enlarged.
 */
function scaleFilter(maxHeight: number | null): string {
  return maxHeight === null ? "scale='trunc(iw/2)*2':'trunc(ih/2)*2'" : `scale=-2:'min(${maxHeight},trunc(ih/2)*2)'`;
}
/** Speed knobs that change neither SPS nor PPS (CABAC, 8x8dct, refs and B-frames stay as veryfast has them). */
const FAST_X264 = 'me=dia:subme=0:rc-lookahead=0:mbtree=0:b-adapt=0:aq-mode=0:trellis=0:sync-lookahead=0';

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
