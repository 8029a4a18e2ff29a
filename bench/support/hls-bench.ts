/**
 * Parts 2 and 3 of `bench/playback.ts`: time to the first playable HLS segment, at the start and after a
 * seek, of our session against bare ffmpeg with our argv (the floor) and against a Jellyfin-style pipeline.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { PlaybackSource } from '../../src-main/contract/index.js';
import { FAST_START_SEGMENTS, ffmpegArgs, segmentStarts, type RunnerPlan } from '../../src-main/playback/hls-plan.js';
import { probeStreams } from '../../src-main/playback/probe.js';
import { systemClock } from '../../src-main/ports.js';
import type { App } from './app.js';
import { CAPS, LIBRARY, median, now, PEER_SEGMENT_SEC, SEEK_FRACTION, SOURCES, type SourceKey } from './common.js';
import { spawnTracked, stopTracked } from './procs.js';

export interface Source {
  key: SourceKey;
  file: string;
  durationSec: number;
  videoCodec: string;
  /** Ours: the segment that holds SEEK_FRACTION of the file, and where it starts. */
  seekSegment: number;
  seekSec: number;
}

export async function describe(key: SourceKey): Promise<Source> {
  const file = path.join(LIBRARY, SOURCES[key].name);
  // The very function the session uses, so the duration (and so the segment plan) is the session's.
  const streams = await probeStreams({ ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', spawn, clock: systemClock }, fs.realpathSync(file), SOURCES[key].name);
  if (!streams.durationSec || !streams.video) throw new Error(`${file}: no duration or no video`);
  const starts = segmentStarts(streams.durationSec, true);
  let seekSegment = 0;
  while (seekSegment + 1 < starts.length && starts[seekSegment + 1]! <= streams.durationSec * SEEK_FRACTION) seekSegment++;
  return { key, file: fs.realpathSync(file), durationSec: streams.durationSec, videoCodec: streams.video.codec, seekSegment, seekSec: starts[seekSegment]! };
}

/** Our first runner's plan for a start at segment `start`, as HlsSession builds it. */
export function ourPlan(src: Source, dir: string, start: number): RunnerPlan {
  const starts = segmentStarts(src.durationSec, true);
  return {
    input: src.file,
    dir,
    seq: 1,
    starts,
    durationSec: src.durationSec,
    start,
    end: Math.min(starts.length, start + FAST_START_SEGMENTS),
    video: 'transcode',
    audio: 'transcode',
    audioOrder: 0,
    burnSubtitleOrder: null,
    videoCodec: src.videoCodec,
    audioChannels: null,
    fast: true,
    // The peers' cap, so the two encode the same picture (a 1080p source is not scaled either way).
    maxHeight: 1080,
  };
}

/** Jellyfin's shape: 3 s segments, veryfast, keyframes forced every 3 s, fMP4, audio to AAC. */
export function peerArgs(src: Source, dir: string, startSegment: number): string[] {
  const ss = startSegment * PEER_SEGMENT_SEC;
  return [
    '-hide_banner', '-nostdin', '-v', 'error',
    ...(ss > 0 ? ['-ss', String(ss)] : []),
    '-i', `file:${src.file}`,
    '-map', '0:v:0', '-map', '0:a:0', '-sn', '-dn', '-map_metadata', '-1', '-map_chapters', '-1',
    '-vf', "scale=-2:'min(1080,ih)'",
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-profile:v', 'high', '-pix_fmt', 'yuv420p',
    '-force_key_frames', `expr:gte(t,n_forced*${PEER_SEGMENT_SEC})`, '-sc_threshold', '0',
    '-c:a', 'aac', '-b:a', '192k', '-ac', '2',
    '-f', 'hls', '-hls_time', String(PEER_SEGMENT_SEC), '-hls_segment_type', 'fmp4', '-hls_flags', 'temp_file+independent_segments',
    '-hls_playlist_type', 'vod', '-hls_list_size', '0', '-start_number', String(startSegment),
    '-hls_segment_filename', `${dir}/%d.m4s`, '-hls_fmp4_init_filename', 'init.mp4',
    `${dir}/peer.m3u8`,
  ];
}

/** Runs bare ffmpeg until `dir/<segment>.m4s` exists (complete: temp_file renames it when whole); ms. */
export async function bareFfmpeg(argv: string[], dir: string, segment: number): Promise<number> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${segment}.m4s`);
  const t0 = now();
  const child = spawnTracked('ffmpeg', argv);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  child.stdout?.resume();
  try {
    return await new Promise<number>((resolve, reject) => {
      const done = () => {
        if (!fs.existsSync(target)) return;
        clearInterval(poll);
        watcher.close();
        resolve(now() - t0);
      };
      const watcher = fs.watch(dir, done);
      const poll = setInterval(done, 25);
      child.once('exit', (code) => {
        setImmediate(() => {
          done();
          clearInterval(poll);
          watcher.close();
          reject(new Error(`ffmpeg exited (${code}) before segment ${segment}: ${stderr.trim().slice(0, 500)}`));
        });
      });
    });
  } finally {
    await stopTracked(child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** ffmpeg processes that are children of this process, with their argv (Linux /proc; empty elsewhere). */
export function ourFfmpegChildren(): string[][] {
  const out: string[][] = [];
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, -1);
      if (path.basename(argv[0] ?? '') === 'ffmpeg') out.push(argv.slice(1));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export interface OursTimes {
  startup: number;
  seek: number;
  /** The session's live first-runner argv, when it could be read. */
  argv: string[] | null;
}

export async function ourSession(app: App, src: Source, sampleArgv: boolean): Promise<OursTimes> {
  const t0 = now();
  const source = await app.api<PlaybackSource>('playback.open', { itemId: app.ids[src.key], capabilities: CAPS[src.key] });
  if (source.decision !== 'transcode' || source.video !== 'transcode') throw new Error(`${src.key}: expected a video transcode, got ${source.decision}/${source.video}: ${source.reason}`);
  const argv = sampleArgv ? (ourFfmpegChildren()[0] ?? null) : null;
  try {
    const base = source.url.slice(0, -'index.m3u8'.length);
    const expect200 = async (file: string) => {
      const r = await app.get(base + file);
      if (r.status !== 200) throw new Error(`${src.key}: GET ${file} answered ${r.status}: ${r.body.toString('utf8').slice(0, 200)}`);
      return r;
    };
    await expect200('index.m3u8');
    await Promise.all([expect200('init.mp4'), expect200('0.m4s')]);
    const startup = now() - t0;
    const t1 = now();
    await expect200(`${src.seekSegment}.m4s`);
    const seek = now() - t1;
    return { startup, seek, argv };
  } finally {
    await app.api('playback.stop', { sessionId: source.sessionId });
  }
}

export interface HlsFigures {
  ours: { startup: number; seek: number };
  floor: { startup: number; seek: number };
  peer: { startup: number; seek: number };
  argvChecked: 'same' | 'differs' | 'unchecked';
}

/** The floor must run exactly our argv: the same builder, compared with the live process (its dir aside). */
export function checkArgv(src: Source, argv: string[]): HlsFigures['argvChecked'] {
  const live = argv.join('\0');
  const sessionDir = /-hls_segment_filename\0([^\0]+)\/%d\.m4s/.exec(live)?.[1];
  const built = ffmpegArgs(ourPlan(src, sessionDir ?? '', 0));
  if (sessionDir && built.join('\0') === live) return 'same';
  console.log(`  WARNING: the floor's argv differs from the session's:\n    session: ${argv.join(' ')}\n    floor:   ${built.join(' ')}`);
  return 'differs';
}

export async function hlsBench(app: App, runDir: string, src: Source, reps: number): Promise<HlsFigures> {
  const samples = { ours: { startup: [] as number[], seek: [] as number[] }, floor: { startup: [] as number[], seek: [] as number[] }, peer: { startup: [] as number[], seek: [] as number[] } };
  const dir = path.join(runDir, `bare-${src.key}`);
  const peerSeekSegment = Math.floor(src.seekSec / PEER_SEGMENT_SEC);
  let argvChecked: HlsFigures['argvChecked'] = 'unchecked';
  // One unmeasured pass of each, so file and decoder caches are warm for all alike.
  await ourSession(app, src, false);
  await bareFfmpeg(ffmpegArgs(ourPlan(src, dir, 0)), dir, 0);
  for (let rep = 0; rep < reps; rep++) {
    const tasks = [
      async () => {
        const o = await ourSession(app, src, rep === 0);
        samples.ours.startup.push(o.startup);
        samples.ours.seek.push(o.seek);
        if (o.argv) argvChecked = checkArgv(src, o.argv);
      },
      async () => samples.floor.startup.push(await bareFfmpeg(ffmpegArgs(ourPlan(src, dir, 0)), dir, 0)),
      async () => samples.floor.seek.push(await bareFfmpeg(ffmpegArgs(ourPlan(src, dir, src.seekSegment)), dir, src.seekSegment)),
      async () => samples.peer.startup.push(await bareFfmpeg(peerArgs(src, dir, 0), dir, 0)),
      async () => samples.peer.seek.push(await bareFfmpeg(peerArgs(src, dir, peerSeekSegment), dir, peerSeekSegment)),
    ];
    // A rotating order, so no variant always runs first or right after another.
    for (let i = 0; i < tasks.length; i++) await tasks[(i + rep) % tasks.length]!();
    const f = (x: number[]) => `${x.at(-1)!.toFixed(0)}`;
    console.log(
      `  ${SOURCES[src.key].label} rep ${rep + 1}/${reps}: start ours ${f(samples.ours.startup)} / our-args ${f(samples.floor.startup)} / peer ${f(samples.peer.startup)} ms;` +
        ` seek ours ${f(samples.ours.seek)} / our-args ${f(samples.floor.seek)} / peer ${f(samples.peer.seek)} ms`,
    );
  }
  const m = (x: { startup: number[]; seek: number[] }) => ({ startup: median(x.startup), seek: median(x.seek) });
  return { ours: m(samples.ours), floor: m(samples.floor), peer: m(samples.peer), argvChecked };
}
