import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Capabilities } from '../../contract/index.js';
import { ManualClock } from '../../ports.js';
import type { PlayableFile } from '../media.js';
import { openPlayback, type PlaybackOptions, type PlaybackService } from '../sessions.js';
import { writeVobSub, type ImageCue } from './vobsub.js';

/** Real media files for playback tests, made by ffmpeg (argv, never a shell). Small and fast to make. */

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
}

const video = (seconds: number, size = '320x180') => ['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=25:duration=${seconds}`];
const tone = (seconds: number, hz = 440) => ['-f', 'lavfi', '-i', `sine=frequency=${hz}:duration=${seconds}:sample_rate=48000`];

export function makeH264Mp4(file: string, seconds = 6): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  ffmpeg([...video(seconds), ...tone(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-movflags', '+faststart', file]);
  return file;
}

/**
 * H.264 (with B-frames) and AAC (or `audioCodec`) whose only keyframes are at `keyframes` (seconds), like a real encode with a
 * long GOP and scene cuts: copied video can be cut only there. MKV or MP4 by the file's extension.
 */
export function makeSparseKeyframes(file: string, seconds: number, keyframes: readonly number[], audioCodec = 'aac'): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  ffmpeg([
    ...video(seconds), ...tone(seconds),
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p',
    '-x264-params', 'keyint=1000:min-keyint=1000:scenecut=0', '-force_key_frames', keyframes.join(','),
    '-c:a', audioCodec, '-shortest', file,
  ]);
  return file;
}

/** Presentation times of the video keyframes of `file`, as ffprobe reads them packet by packet. */
export function videoKeyframes(file: string): number[] {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', file]).toString();
  return out.split('\n').filter((l) => /^[\d.]+,K/.test(l)).map((l) => Number(l.split(',')[0]));
}

/** The video packets of an fMP4 init segment followed by media segment(s): pts, end and keyframe flag. */
export function videoPackets(file: string): { pts: number; end: number; key: boolean }[] {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,duration_time,flags', '-of', 'csv=p=0', file]).toString();
  return out
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [pts, duration, flags] = l.split(',');
      return { pts: Number(pts), end: Number(pts) + Number(duration), key: (flags ?? '').startsWith('K') };
    });
}

export function makeHevcMkv(file: string, seconds = 6, size = '320x180'): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  ffmpeg([...video(seconds, size), ...tone(seconds), '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file]);
  return file;
}

export function makeVp9Webm(file: string, seconds = 3): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  ffmpeg([...video(seconds, '160x90'), ...tone(seconds), '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '200k', '-c:a', 'libopus', '-shortest', file]);
  return file;
}

/** H.264 with two audio tracks (eng at 440 Hz, fra at 880 Hz) and an embedded SRT subtitle track (eng). */
export function makeMultiTrackMkv(file: string, seconds = 6): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const srt = `${file}.embedded.srt`;
  fs.writeFileSync(srt, '1\n00:00:00,500 --> 00:00:02,500\nEmbedded hello\n\n2\n00:00:03,000 --> 00:00:05,000\nEmbedded goodbye\n');
  ffmpeg([
    ...video(seconds), ...tone(seconds, 440), ...tone(seconds, 880), '-i', srt,
    '-map', '0:v', '-map', '1:a', '-map', '2:a', '-map', '3:s',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-c:s', 'srt',
    '-metadata:s:a:0', 'language=eng', '-metadata:s:a:1', 'language=fra', '-metadata:s:s:0', 'language=eng',
    '-disposition:a:0', 'default', '-disposition:a:1', '0',
    '-shortest', file,
  ]);
  fs.rmSync(srt);
  return file;
}

export function writeSrt(file: string, text = 'Hello from the SRT'): string {
  fs.writeFileSync(file, `1\n00:00:00,200 --> 00:00:04,000\n${text}\n\n2\n00:00:04,500 --> 00:00:09,000\nSecond line\n`);
  return file;
}

export function writeAss(file: string, text = 'Hello from the ASS'): string {
  fs.writeFileSync(
    file,
    [
      '[Script Info]', 'ScriptType: v4.00+', 'PlayResX: 384', 'PlayResY: 288', '',
      '[V4+ Styles]',
      'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
      'Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,1', '',
      '[Events]',
      'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
      `Dialogue: 0,0:00:00.20,0:00:04.00,Default,,0,0,0,,{\\i1}${text}{\\i0}`, '',
    ].join('\n'),
  );
  return file;
}

/** A cue every 3 s, each shown for 2.5 s: a restart anywhere (a seek, a burn-in) soon has one on screen. */
function imageCues(seconds: number): ImageCue[] {
  const cues: ImageCue[] = [];
  for (let t = 0.3; t < seconds - 0.5; t += 3) cues.push({ startSec: t, endSec: Math.min(seconds, t + 2.5), text: cues.length % 2 ? 'BURNED IN' : 'IMAGE SUBTITLE' });
  return cues;
}

/**
 * Copies the streams of `source` into the MKV `file` and adds an English VobSub (image) subtitle track
 * and chapters. The pictures come from `writeVobSub`, because ffmpeg cannot render text into `dvdsub`.
 */
export function withImageSubtitlesAndChapters(source: string, file: string, o: { size: { width: number; height: number }; seconds: number; chapters: { title: string; startSec: number }[] }): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-vobsub-'));
  const idx = writeVobSub(path.join(work, 'subs'), imageCues(o.seconds), o.size);
  const escape = (v: string) => v.replace(/[=;#\\\n]/g, (c) => `\\${c}`);
  const meta = path.join(work, 'chapters.txt');
  const blocks = o.chapters.map((c, i) => {
    const end = o.chapters[i + 1]?.startSec ?? o.seconds;
    return `[CHAPTER]\nTIMEBASE=1/1000\nSTART=${Math.round(c.startSec * 1000)}\nEND=${Math.round(end * 1000)}\ntitle=${escape(c.title)}\n`;
  });
  fs.writeFileSync(meta, `;FFMETADATA1\n${blocks.join('')}`);
  ffmpeg([
    '-i', source, '-i', idx, '-f', 'ffmetadata', '-i', meta,
    '-map', '0:v', '-map', '0:a', '-map', '1:s', '-map_chapters', '2',
    '-c', 'copy', '-metadata:s:s:0', 'language=eng', file,
  ]);
  fs.rmSync(work, { recursive: true, force: true });
  return file;
}

/** Starts like an MKV, then is garbage: ffmpeg fails on it. */
export function writeCorrupt(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(64 * 1024, 0x5a)]));
  return file;
}

export function probeJson(file: string): { streams: { codec_name: string; codec_type: string; start_time?: string; width?: number; height?: number }[]; format: { duration?: string; start_time?: string } } {
  return JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]).toString()) as ReturnType<typeof probeJson>;
}

/** What Debian's Chromium reports (no HEVC, no AC-3, no Matroska as a file). */
export const CHROMIUM_CAPS = {
  direct: {
    mp4: { video: ['h264', 'av1', 'vp9'], audio: ['aac', 'mp3', 'flac', 'opus'] },
    webm: { video: ['vp9', 'vp8', 'av1'], audio: ['opus', 'vorbis'] },
    mp3: { video: [], audio: ['mp3'] },
    flac: { video: [], audio: ['flac'] },
  },
  mse: { video: ['h264', 'av1', 'vp9', 'vp8'], audio: ['aac', 'mp3', 'flac', 'opus'] },
  maxAudioChannels: 2,
} as const satisfies Capabilities;

/** A playback service over `items` with the real ffmpeg and ffprobe, a manual clock, and nothing recorded. */
export function playbackFor(items: readonly PlayableFile[], cacheDir: string, over: Partial<PlaybackOptions> = {}): PlaybackService {
  return openPlayback({
    resolve: (id) => items.find((i) => i.id === id) ?? null,
    record: () => undefined,
    urls: { media: (id) => `/media/${id}`, stream: (kind, sid, file) => `/media/${kind}/${sid}/${file}` },
    cacheDir,
    tools: { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', spawn, clock: new ManualClock() },
    emit: () => undefined,
    ...over,
  });
}
