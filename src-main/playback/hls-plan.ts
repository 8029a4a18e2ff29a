/**
 * The fixed shape of an HLS stream, decided before ffmpeg starts: segment times, the VOD playlist, and
 * ffmpeg's arguments. Pure, so the playlist can be written up front from the known duration (hls.js can
 * seek anywhere at once) and a restart at segment `n` produces exactly the segments the playlist promises.
 */
import type { StreamAction } from '../contract/index.js';
import { inputArgs } from './input.js';

/**
 * Segment length when video is re-encoded: 1 s everywhere, with a forced IDR at each boundary. Short
 * segments make both the start and a seek fast, since the first picture needs only one segment encoded:
 * about 1 s of encoding on two cores where 4 s segments took about 2 s after a seek (issue 7's seek target).
 * The price: an IDR a second (x264 veryfast at CRF 21 on 1080p: about 7 % more bits than one every 4 s
 * at the same quality) and one request a second.
 */
export const TRANSCODE_SEGMENT_SEC = 1;
/** When video is copied, ffmpeg cuts at the source's keyframes: segments about this long. */
export const STEADY_SEGMENT_SEC = 4;
/** A runner's forced-keyframe list covers at most this many segments; the next runner continues after it. */
export const MAX_SEGMENTS_PER_RUNNER = 3600;
/** The first runner after a start or a seek encodes this many segments with the fast settings. */
export const FAST_START_SEGMENTS = 4;

/**
 * Segment start times. With video re-encoded, keyframes are forced exactly at these times; with video
 * copied, ffmpeg can cut only at the source's keyframes, so segments are uniform and approximate.
 */
export function segmentStarts(durationSec: number, cutsExact: boolean): number[] {
  const starts: number[] = [];
  const length = cutsExact ? TRANSCODE_SEGMENT_SEC : STEADY_SEGMENT_SEC;
  // By multiplication, not by adding up, so that no rounding error creeps into long files.
  for (let n = 0; n * length < durationSec - 0.05 || n === 0; n++) starts.push(round3(n * length));
  return starts;
}

export function segmentDuration(starts: readonly number[], durationSec: number, n: number): number {
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
    '#EXT-X-MAP:URI="init.mp4"',
  ];
  lengths.forEach((len, n) => lines.push(`#EXTINF:${len.toFixed(6)},`, `${n}.m4s`));
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
}

export const HLS_SEGMENT_PATTERN = '%d.m4s';

/** The argv for one runner. Codec and container names come from fixed tables, never from input. */
export function ffmpegArgs(p: RunnerPlan): string[] {
  const from = p.starts[p.start] ?? 0;
  const to = p.end < p.starts.length ? (p.starts[p.end] ?? p.durationSec) : null;
  const exact = p.video === 'transcode';
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-nostats', '-progress', 'pipe:1', '-protocol_whitelist', 'file,pipe'];
  if (from > 0) args.push('-ss', from.toFixed(3));
  args.push(...inputArgs(p.input));
  if (to !== null) args.push('-t', (to - from).toFixed(3));

  if (p.video !== 'none') {
    if (p.burnSubtitleOrder !== null) {
      args.push('-filter_complex', `[0:v:0][0:s:${p.burnSubtitleOrder}]overlay,${SCALE}[v]`, '-map', '[v]');
    } else {
      args.push('-map', '0:v:0');
    }
  }
  if (p.audio !== 'none' && p.audioOrder !== null) args.push('-map', `0:a:${p.audioOrder}`);
  args.push('-sn', '-dn', '-map_metadata', '-1', '-map_chapters', '-1');

  if (p.video === 'transcode') {
    if (p.burnSubtitleOrder === null) args.push('-vf', SCALE);
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
  args.push(
    '-f', 'hls',
    // Cut at every forced keyframe (video re-encoded); otherwise every STEADY seconds at the next keyframe.
    '-hls_time', exact ? '0.5' : String(STEADY_SEGMENT_SEC),
    '-hls_segment_type', 'fmp4',
    '-hls_flags', 'temp_file+independent_segments',
    '-hls_list_size', '0',
    '-start_number', String(p.start),
    '-hls_segment_filename', `${p.dir}/${HLS_SEGMENT_PATTERN}`,
    '-hls_fmp4_init_filename', initName(p.seq),
    // Segments carry their absolute time (tfdt), whichever runner wrote them, so hls.js places them right.
    '-hls_segment_options', 'movflags=+frag_discont',
    '-output_ts_offset', from.toFixed(3),
    `${p.dir}/ffmpeg-${p.seq}.m3u8`,
  );
  return args;
}

export function initName(seq: number): string {
  return `init-${seq}.mp4`;
}

/** At most 1080 lines high, even width: 4K sources become 1080p, which two cores can still encode. */
const SCALE = "scale=-2:'min(1080,ih)'";
/** Speed knobs that change neither SPS nor PPS (CABAC, 8x8dct, refs and B-frames stay as veryfast has them). */
const FAST_X264 = 'me=dia:subme=0:rc-lookahead=0:mbtree=0:b-adapt=0:aq-mode=0:trellis=0:sync-lookahead=0';

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
