import type { MediaFacts } from '../../ports.js';
import type { LibraryTools } from '../tools.js';
import { ProbeFailure, ProbeToolMissing, reasonFromToolMessage } from './probe-errors.js';

interface VideoProbeOptions {
  tools: LibraryTools;
  /** Wall-clock limit; the process is killed when it runs out. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** ffprobe's JSON for the streams and format we read; everything optional because files are odd. */
export interface ProbeJson {
  format?: { format_name?: string; duration?: string; size?: string };
  streams?: {
    codec_type?: string;
    codec_name?: string;
    width?: number;
    height?: number;
    duration?: string;
    bit_rate?: string;
    disposition?: { attached_pic?: number; default?: number };
  }[];
}

// ffprobe output for one file is a few KB; more than this is not a media file we want.
const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

/** Container names the player understands, from ffprobe's format list and the file's extension. */
function containerName(formatName: string | undefined, ext: string): string | null {
  if (!formatName) return null;
  const names = formatName.split(',');
  if (names.includes('matroska')) return ext === 'webm' ? 'webm' : 'matroska';
  if (names.includes('mp4') || names.includes('mov')) return ext === 'mov' ? 'mov' : 'mp4';
  return names[0] ?? null;
}

/**
 * Whether an MP4/MOV file is shorter than its own index says. ffprobe reads only the index (moov) and
 * the first packets, so a file cut off after those still probes "fine". In MP4 each stream's bit rate
 * comes from the sample table, so bit rate × duration is the size the media data must have.
 */
function looksTruncated(json: ProbeJson, container: string | null, stderr: string): boolean {
  if (/partial file/i.test(stderr)) return true;
  if (container !== 'mp4' && container !== 'mov') return false;
  const size = finiteOrNull(json.format?.size);
  if (size === null) return false;
  let expected = 0;
  for (const s of json.streams ?? []) {
    const rate = finiteOrNull(s.bit_rate);
    const seconds = finiteOrNull(s.duration) ?? finiteOrNull(json.format?.duration);
    if (rate !== null && seconds !== null) expected += (rate * seconds) / 8;
  }
  // 10 % slack for rounding in ffprobe's figures; a real truncation is far off.
  return expected > size * 1.1 + 4096;
}

function finiteOrNull(text: string | undefined): number | null {
  const n = text === undefined ? NaN : Number(text);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** Reads container, codecs, size and duration of a video file with ffprobe (argv array, never a shell). */
export async function probeVideo(file: string, ext: string, opts: VideoProbeOptions): Promise<MediaFacts> {
  const { stdout, stderr } = await runFfprobe(file, opts);
  let json: ProbeJson;
  try {
    json = JSON.parse(stdout.toString('utf8')) as ProbeJson;
  } catch {
    throw new ProbeFailure('not a recognizable media file');
  }
  return factsFromProbe(json, ext, stderr);
}

/**
 * Runs ffprobe on one file to a clean exit and returns what it printed; any other end (a missing tool,
 * a non-zero exit, too much output, the time limit, an abort) is a ProbeFailure or ProbeToolMissing.
 */
function runFfprobe(file: string, opts: VideoProbeOptions): Promise<{ stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new ProbeFailure('scan cancelled', true));
    // `file:` keeps ffprobe from reading a protocol (`http:`, `concat:`) out of an odd file name.
    const child = opts.tools.spawn(opts.tools.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', `file:${file}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    let settled = false;
    let failure: ProbeFailure | null = null;

    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      timer.cancel();
      opts.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const kill = (why: ProbeFailure): void => {
      failure ??= why;
      child.kill('SIGKILL');
    };
    const onAbort = (): void => kill(new ProbeFailure('scan cancelled', true));
    // A wall-clock guard against a hung child (the system clock in the app), not app logic.
    const timer = opts.tools.clock.setTimeout(() => kill(new ProbeFailure(`reading took longer than ${Math.round(opts.timeoutMs / 1000)} s`, true)), opts.timeoutMs);
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout?.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > MAX_OUTPUT_BYTES) kill(new ProbeFailure('not a recognizable media file'));
      else out.push(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (err.length < 64 * 1024) err += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      finish(() => reject(error.code === 'ENOENT' ? new ProbeToolMissing('ffprobe') : new ProbeFailure('could not start ffprobe', true))),
    );
    child.on('close', (code) =>
      finish(() => {
        if (failure) reject(failure);
        else if (code !== 0) reject(new ProbeFailure(reasonFromToolMessage(err)));
        else resolve({ stdout: Buffer.concat(out), stderr: err });
      }),
    );
  });
}

/** The media facts in ffprobe's JSON, or a ProbeFailure when it found nothing playable or a cut-off file. */
function factsFromProbe(json: ProbeJson, ext: string, stderr: string): MediaFacts {
  const streams = json.streams ?? [];
  // Cover art in mp4/mkv shows up as a one-frame video stream; it is not the picture.
  const videos = streams.filter((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const audios = streams.filter((s) => s.codec_type === 'audio');
  const video = videos.find((s) => s.disposition?.default === 1) ?? videos[0];
  const audio = audios.find((s) => s.disposition?.default === 1) ?? audios[0];
  if (!video && !audio) throw new ProbeFailure('no audio or video streams found');
  const container = containerName(json.format?.format_name, ext);
  if (looksTruncated(json, container, stderr)) throw new ProbeFailure('the file is truncated (shorter than its own index says)');
  const streamDuration = Math.max(0, ...streams.map((s) => finiteOrNull(s.duration) ?? 0));
  return {
    durationSec: finiteOrNull(json.format?.duration) ?? (streamDuration > 0 ? streamDuration : null),
    container,
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    width: typeof video?.width === 'number' ? video.width : null,
    height: typeof video?.height === 'number' ? video.height : null,
  };
}
