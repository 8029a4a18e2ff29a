/**
 * `npm run bench:playback` (tsx bench/playback.ts [--quick] [--only range|hls] [--rounds N]): playback serving and
 * transcoding against their floors, in one run (issue 7, "Benchmark").
 *
 * Media, made once with ffmpeg and cached in `<tmpdir>/glasswing-bench-playback/library` (a real library
 * folder, scanned by the real library engine): a 20 s 1080p24 H.264/AAC MP4 and a 20 s 1080p24 HEVC/AAC
 * MKV (testsrc2 with light temporal noise, about 8 and 6 Mbit/s), and a ~1 GiB H.264 MP4 made by looping
 * the first with `-c copy`.
 *
 * 1. Range: 16 concurrent keep-alive clients (a separate process) ask for random 4 MiB ranges of the 1 GiB
 *    file, from our web host (`/media/<id>` with the launch token, a real library item) and from nginx
 *    (started here on loopback, sendfile on, serving the same file), alternating rounds. Throughput (MiB/s)
 *    and per-request p99 latency, each against nginx.
 * 2. HLS first segment, for the H.264 and the HEVC source, with capabilities that force a transcode: from
 *    `playback.open` (HTTP, through the web host) until `index.m3u8`, `init.mp4` and `0.m4s` have all
 *    answered 200. Floors: (a) bare ffmpeg with exactly our session's first-runner argv (built by
 *    hls-plan.ts's `ffmpegArgs`, checked against the live process's argv), until its segment 0 is complete;
 *    (b) bare ffmpeg cutting 3 s `veryfast` fMP4 segments the way Jellyfin does.
 * 3. Seek: right after the first segment, the segment at 60 % of the file, which nothing has encoded yet,
 *    until it answers 200; floors as above, each started at that point with `-ss`.
 *
 * Medians of several repetitions, interleaved so background noise hits every variant alike. Prints each
 * figure with its floor and ratio and writes bench/results/playback.json (DESIGN.md §7). Every process it
 * starts (nginx, ffmpeg, the load client) is ended on the way out, on error and on Ctrl-C too.
 */
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Capabilities, PlaybackSource } from '../src-main/contract/index.js';
import { FAST_START_SEGMENTS, ffmpegArgs, segmentStarts, type RunnerPlan } from '../src-main/playback/hls-plan.js';
import { probeStreams } from '../src-main/playback/probe.js';
import { systemClock } from '../src-main/ports.js';
import { createServices, type Services } from '../src-main/services.js';
import { startWebHost, type WebHost } from '../src-main/web/server.js';
import { cleanupAll, installExitHandlers, onCleanup, spawnTracked, stopTracked } from './support/procs.js';
import type { LoadResult, LoadSpec } from './support/range-client.js';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, rounds: { type: 'string' } } });
const QUICK = args.quick;
/** `--only range` or `--only hls`: one part, for working on it; the results file is then not written. */
const ONLY = args.only === 'range' || args.only === 'hls' ? args.only : null;
if (args.only !== undefined && !ONLY) throw new Error('--only takes range or hls');

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const RANGE = {
  clients: 16,
  rangeBytes: 4 * MiB,
  // Many short rounds, alternating servers, so that background load on a shared machine hits both alike.
  rounds: args.rounds ? Math.max(1, Number(args.rounds)) : QUICK ? 2 : 6,
  warmupMs: 500,
  durationMs: QUICK ? 2000 : 4000,
};
const LOAD_PROCESSES = Math.max(2, os.availableParallelism());
const HLS_REPS = QUICK ? 2 : 5;
const SEEK_FRACTION = 0.6;
/** Jellyfin's segment length and preset. */
const PEER_SEGMENT_SEC = 3;
const TARGETS = { throughput: 0.8, p99: 1.5, ours: 1.15, peer: 0.5 };

const CACHE = path.join(os.tmpdir(), 'glasswing-bench-playback');
const LIBRARY = path.join(CACHE, 'library');
const SOURCES = {
  h264: { name: 'Harbour Lights (2019).mp4', title: 'Harbour Lights', label: '1080p H.264' },
  hevc: { name: 'Night Crossing (2021).mkv', title: 'Night Crossing', label: '1080p HEVC' },
} as const;
type SourceKey = keyof typeof SOURCES;
const RANGE_FILE = { name: 'Bench Reel (2024).mp4', title: 'Bench Reel' };

/** A browser that plays neither source in any form, so both are transcoded (video to H.264, audio to AAC). */
const CAPS: Record<SourceKey, Capabilities> = {
  // No MP4 direct play and no H.264 through MSE: an odd client, but it makes the H.264 source transcode.
  h264: { direct: { webm: { video: ['vp9', 'vp8', 'av1'], audio: ['opus', 'vorbis'] } }, mse: { video: ['vp9', 'av1'], audio: ['opus'] }, maxAudioChannels: 2 },
  // Chromium without HEVC: the everyday case.
  hevc: {
    direct: { mp4: { video: ['h264', 'av1', 'vp9'], audio: ['aac', 'mp3', 'flac', 'opus'] }, webm: { video: ['vp9', 'vp8', 'av1'], audio: ['opus', 'vorbis'] } },
    mse: { video: ['h264', 'av1', 'vp9', 'vp8'], audio: ['aac', 'mp3', 'flac', 'opus'] },
    maxAudioChannels: 2,
  },
};

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const round = (x: number, digits = 2): number => Number(x.toFixed(digits));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------- media

function ffmpeg(argv: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-v', 'error', '-y', '-nostdin', ...argv], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Makes `file` by writing `<file>.part` and renaming it, so an interrupted run never leaves half a file. */
function cached(file: string, what: string, make: (part: string) => void): void {
  if (fs.existsSync(file)) return;
  const part = file.replace(/(\.\w+)$/, '.part$1');
  process.stdout.write(`making ${what} (once; cached in ${CACHE}) ... `);
  const t0 = now();
  try {
    make(part);
    fs.renameSync(part, file);
  } finally {
    fs.rmSync(part, { force: true });
  }
  console.log(`${((now() - t0) / 1000).toFixed(1)} s`);
}

function prepareMedia(): void {
  fs.mkdirSync(LIBRARY, { recursive: true });
  const input = ['-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=24:duration=20', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=20:sample_rate=48000'];
  // Light temporal noise, like film grain, so the encoder has real work; a flat test card is unrealistically cheap.
  const grain = ['-vf', 'noise=alls=4:allf=t', '-pix_fmt', 'yuv420p'];
  const audio = ['-c:a', 'aac', '-b:a', '160k', '-ac', '2', '-shortest'];
  const h264 = path.join(LIBRARY, SOURCES.h264.name);
  cached(h264, 'the 20 s 1080p H.264 source', (part) =>
    ffmpeg([...input, ...grain, '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '8M', '-maxrate', '12M', '-bufsize', '16M', '-g', '48', ...audio, '-movflags', '+faststart', part]),
  );
  cached(path.join(LIBRARY, SOURCES.hevc.name), 'the 20 s 1080p HEVC source', (part) =>
    ffmpeg([...input, ...grain, '-c:v', 'libx265', '-preset', 'ultrafast', '-b:v', '6M', '-x265-params', 'log-level=error:keyint=48', ...audio, part]),
  );
  cached(path.join(LIBRARY, RANGE_FILE.name), 'the ~1 GiB H.264 file', (part) => {
    const loops = Math.ceil(GiB / fs.statSync(h264).size);
    ffmpeg(['-stream_loop', String(loops - 1), '-i', h264, '-map', '0', '-c', 'copy', part]);
  });
}

/** Reads the whole file once, so both servers serve it from the page cache. */
async function warmPageCache(file: string): Promise<void> {
  const fd = await fs.promises.open(file, 'r');
  const buf = Buffer.allocUnsafe(8 * MiB);
  try {
    for (let pos = 0; ; pos += buf.length) if ((await fd.read(buf, 0, buf.length, pos)).bytesRead < buf.length) break;
  } finally {
    await fd.close();
  }
}

// ---------------------------------------------------------------------------------------------- http

interface Got {
  status: number;
  body: Buffer;
}

function request(port: number, method: string, urlPath: string, headers: Record<string, string>, body?: string): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------- our app

interface App {
  services: Services;
  host: WebHost;
  ids: Record<SourceKey | 'range', string>;
  api<T>(method: string, input: unknown): Promise<T>;
  get(urlPath: string): Promise<Got>;
}

async function startApp(runDir: string): Promise<App> {
  const renderer = path.join(runDir, 'renderer');
  fs.mkdirSync(renderer, { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Glasswing</title>');
  const services = createServices({
    dataDir: path.join(runDir, 'data'),
    host: 'web',
    appVersion: '0.1.0',
    mediaUrl: (id) => `/media/${id}`,
    telemetry: { endpoint: null, cliOff: true, env: {}, policyPath: null, fetch: () => Promise.reject(new Error('the benchmark never uploads')) },
  });
  onCleanup(() => services.close());
  services.library.addFolder(LIBRARY, 'movies');
  await services.library.scan();
  const movies = services.library.snapshot().movies;
  const idOf = (title: string): string => {
    const m = movies.find((x) => x.title === title);
    if (!m) throw new Error(`the library scan did not find “${title}” (found: ${movies.map((x) => x.title).join(', ') || 'nothing'})`);
    return m.id;
  };
  const token = crypto.randomBytes(32).toString('base64url');
  const host = await startWebHost({ services, rendererDir: renderer, port: 0, token });
  onCleanup(() => host.close());
  const auth = { authorization: `Bearer ${token}` };
  return {
    services,
    host,
    ids: { h264: idOf(SOURCES.h264.title), hevc: idOf(SOURCES.hevc.title), range: idOf(RANGE_FILE.title) },
    async api<T>(method: string, input: unknown): Promise<T> {
      const res = await request(host.port, 'POST', `/api/${method}`, { ...auth, 'content-type': 'application/json' }, JSON.stringify(input));
      const reply = JSON.parse(res.body.toString('utf8')) as { ok: true; value: T } | { ok: false; error: { message: string } };
      if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
      return reply.value;
    },
    get: (urlPath) => request(host.port, 'GET', urlPath, auth),
  };
}

// ---------------------------------------------------------------------------------------------- range

interface Nginx {
  port: number;
  stop(): Promise<void>;
}

function findNginx(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin'];
  for (const d of dirs) {
    const p = path.join(d, 'nginx');
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

async function startNginx(bin: string, runDir: string): Promise<Nginx> {
  const dir = path.join(runDir, 'nginx');
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  const port = await freePort();
  const temp = (name: string) => `${name}_temp_path ${dir}/tmp/${name};`;
  const conf = `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  ${temp('client_body')}
  ${temp('proxy')}
  ${temp('fastcgi')}
  ${temp('uwsgi')}
  ${temp('scgi')}
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  server {
    listen 127.0.0.1:${port};
    root ${LIBRARY};
  }
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const child = spawnTracked(bin, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')]);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const stop = () => stopTracked(child, 'SIGTERM');
  onCleanup(stop);
  const deadline = now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start: ${stderr.trim() || fs.readFileSync(path.join(dir, 'error.log'), 'utf8').trim()}`);
    const ok = await request(port, 'HEAD', `/${encodeURIComponent(RANGE_FILE.name)}`, {}).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { port, stop };
    if (now() > deadline) throw new Error('nginx did not answer within 10 s');
    await sleep(50);
  }
}

function runLoadProcess(spec: LoadSpec): Promise<LoadResult> {
  const client = path.join(import.meta.dirname, 'support', 'range-client.ts');
  const child = spawnTracked(process.execPath, ['--import', 'tsx', client, JSON.stringify(spec)], { cwd: path.join(import.meta.dirname, '..') });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`the load client failed (${code}): ${err.trim()}`));
      const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as LoadResult;
      if (result.errors.length) return reject(new Error(`load errors: ${result.errors.join('; ')}`));
      resolve(result);
    });
  });
}

/**
 * The clients, spread over one process per core: a single Node process receiving at a GiB/s and more is
 * itself the bottleneck (about a core per GiB/s), which would cap nginx and flatter us.
 */
async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const procs = Math.max(1, Math.min(spec.clients, LOAD_PROCESSES));
  // Time for every process to start (tsx compiles the client) before they all begin at once.
  const startAtMs = Date.now() + 1500;
  const parts = await Promise.all(
    Array.from({ length: procs }, (_, i) =>
      runLoadProcess({ ...spec, clients: Math.floor(spec.clients / procs) + (i < spec.clients % procs ? 1 : 0), seed: spec.seed * 100 + i, startAtMs }),
    ),
  );
  const latencies = parts.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const at = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    bytes: parts.reduce((a, r) => a + r.bytes, 0),
    // The processes measure the same window; the longest is the window.
    seconds: Math.max(...parts.map((r) => r.seconds)),
    p50: at(0.5),
    p99: at(0.99),
    max: latencies.at(-1) ?? NaN,
    latencies,
    errors: parts.flatMap((r) => r.errors),
  };
}

/** A few ranges from a server, compared byte for byte with the file. */
async function checkBytes(port: number, urlPath: string, headers: Record<string, string>, file: string, size: number): Promise<void> {
  const fd = fs.openSync(file, 'r');
  try {
    for (const start of [0, size - RANGE.rangeBytes, Math.floor(size / 3) + 12345]) {
      const end = start + RANGE.rangeBytes - 1;
      const res = await request(port, 'GET', urlPath, { ...headers, range: `bytes=${start}-${end}` });
      const want = Buffer.alloc(RANGE.rangeBytes);
      fs.readSync(fd, want, 0, want.length, start);
      if (res.status !== 206 || !res.body.equals(want)) throw new Error(`${urlPath} on port ${port} answered ${res.status} with the wrong bytes for ${start}-${end}`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

interface RangeFigures {
  ours: { mibs: number; p99: number; p50: number; requests: number };
  nginx: { mibs: number; p99: number; p50: number; requests: number } | null;
  skipped: string | null;
}

function summarize(results: LoadResult[]): { mibs: number; p99: number; p50: number; requests: number } {
  const bytes = results.reduce((a, r) => a + r.bytes, 0);
  const seconds = results.reduce((a, r) => a + r.seconds, 0);
  // Latencies of all rounds pooled: a p99 of every request, not of one round.
  const all = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const at = (p: number): number => all[Math.min(all.length - 1, Math.floor(p * all.length))] ?? NaN;
  return { mibs: bytes / MiB / seconds, p99: at(0.99), p50: at(0.5), requests: all.length };
}

async function rangeBench(app: App, runDir: string): Promise<RangeFigures> {
  const file = path.join(LIBRARY, RANGE_FILE.name);
  const size = fs.statSync(file).size;
  await warmPageCache(file);
  const bin = findNginx();
  let nginx: Nginx | null = null;
  let skipped: string | null = null;
  if (!bin) skipped = 'nginx is not installed (Debian: apt-get install nginx-light); the nginx comparison is skipped';
  else {
    try {
      nginx = await startNginx(bin, runDir);
    } catch (err) {
      skipped = `nginx could not be started (${(err as Error).message}); the nginx comparison is skipped`;
    }
  }
  if (skipped) console.log(`range: SKIP ${skipped}`);

  const oursPath = `/media/${app.ids.range}`;
  const oursHeaders = { authorization: `Bearer ${app.host.token}` };
  const nginxPath = `/${encodeURIComponent(RANGE_FILE.name)}`;
  await checkBytes(app.host.port, oursPath, oursHeaders, file, size);
  if (nginx) await checkBytes(nginx.port, nginxPath, {}, file, size);

  const base = { fileSize: size, clients: RANGE.clients, rangeBytes: RANGE.rangeBytes, warmupMs: RANGE.warmupMs, durationMs: RANGE.durationMs };
  const ours: LoadResult[] = [];
  const theirs: LoadResult[] = [];
  for (let round = 0; round < RANGE.rounds; round++) {
    const seed = 1000 + round;
    if (nginx) theirs.push(await runLoad({ ...base, port: nginx.port, path: nginxPath, headers: {}, seed }));
    ours.push(await runLoad({ ...base, port: app.host.port, path: oursPath, headers: oursHeaders, seed }));
    const last = (rs: LoadResult[]) => rs.at(-1);
    const fmt = (r: LoadResult | undefined) => (r ? `${(r.bytes / MiB / r.seconds).toFixed(0)} MiB/s p99 ${r.p99.toFixed(1)} ms` : 'skipped');
    console.log(`  range round ${round + 1}/${RANGE.rounds}: ours ${fmt(last(ours))}; nginx ${fmt(last(theirs))}`);
  }
  await nginx?.stop();
  return { ours: summarize(ours), nginx: nginx ? summarize(theirs) : null, skipped };
}

// ---------------------------------------------------------------------------------------------- hls

interface Source {
  key: SourceKey;
  file: string;
  durationSec: number;
  videoCodec: string;
  /** Ours: the segment that holds SEEK_FRACTION of the file, and where it starts. */
  seekSegment: number;
  seekSec: number;
}

async function describe(key: SourceKey): Promise<Source> {
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
function ourPlan(src: Source, dir: string, start: number): RunnerPlan {
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
  };
}

/** Jellyfin's shape: 3 s segments, veryfast, keyframes forced every 3 s, fMP4, audio to AAC. */
function peerArgs(src: Source, dir: string, startSegment: number): string[] {
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
async function bareFfmpeg(argv: string[], dir: string, segment: number): Promise<number> {
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
function ourFfmpegChildren(): string[][] {
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

interface OursTimes {
  startup: number;
  seek: number;
  /** The session's live first-runner argv, when it could be read. */
  argv: string[] | null;
}

async function ourSession(app: App, src: Source, sampleArgv: boolean): Promise<OursTimes> {
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

interface HlsFigures {
  ours: { startup: number; seek: number };
  floor: { startup: number; seek: number };
  peer: { startup: number; seek: number };
  argvChecked: 'same' | 'differs' | 'unchecked';
}

/** The floor must run exactly our argv: the same builder, compared with the live process (its dir aside). */
function checkArgv(src: Source, argv: string[]): HlsFigures['argvChecked'] {
  const live = argv.join('\0');
  const sessionDir = /-hls_segment_filename\0([^\0]+)\/%d\.m4s/.exec(live)?.[1];
  const built = ffmpegArgs(ourPlan(src, sessionDir ?? '', 0));
  if (sessionDir && built.join('\0') === live) return 'same';
  console.log(`  WARNING: the floor's argv differs from the session's:\n    session: ${argv.join(' ')}\n    floor:   ${built.join(' ')}`);
  return 'differs';
}

async function hlsBench(app: App, runDir: string, src: Source): Promise<HlsFigures> {
  const samples = { ours: { startup: [] as number[], seek: [] as number[] }, floor: { startup: [] as number[], seek: [] as number[] }, peer: { startup: [] as number[], seek: [] as number[] } };
  const dir = path.join(runDir, `bare-${src.key}`);
  const peerSeekSegment = Math.floor(src.seekSec / PEER_SEGMENT_SEC);
  let argvChecked: HlsFigures['argvChecked'] = 'unchecked';
  // One unmeasured pass of each, so file and decoder caches are warm for all alike.
  await ourSession(app, src, false);
  await bareFfmpeg(ffmpegArgs(ourPlan(src, dir, 0)), dir, 0);
  for (let rep = 0; rep < HLS_REPS; rep++) {
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
      `  ${SOURCES[src.key].label} rep ${rep + 1}/${HLS_REPS}: start ours ${f(samples.ours.startup)} / our-args ${f(samples.floor.startup)} / peer ${f(samples.peer.startup)} ms;` +
        ` seek ours ${f(samples.ours.seek)} / our-args ${f(samples.floor.seek)} / peer ${f(samples.peer.seek)} ms`,
    );
  }
  const m = (x: { startup: number[]; seek: number[] }) => ({ startup: median(x.startup), seek: median(x.seek) });
  return { ours: m(samples.ours), floor: m(samples.floor), peer: m(samples.peer), argvChecked };
}

// ---------------------------------------------------------------------------------------------- main

type Figure = { value: number; unit: string; floor?: number; ratio?: number; target?: string };

async function main(): Promise<void> {
  installExitHandlers();
  const t0 = now();
  prepareMedia();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-bench-playback-run-'));
  onCleanup(() => fs.rmSync(runDir, { recursive: true, force: true }));
  const app = await startApp(runDir);
  const rangeSize = fs.statSync(path.join(LIBRARY, RANGE_FILE.name)).size;
  console.log(
    `playback bench${QUICK ? ' (--quick)' : ''}${ONLY ? ` (--only ${ONLY})` : ''}: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}; ` +
      `range: ${RANGE.clients} clients, random ${RANGE.rangeBytes / MiB} MiB ranges of a ${(rangeSize / GiB).toFixed(2)} GiB file, ` +
      `${RANGE.rounds} × ${RANGE.durationMs / 1000} s per server; HLS: ${HLS_REPS} reps per source, medians`,
  );

  const figures: Record<string, Figure> = {};
  const line = (k: string, s: string): void => console.log(`${k.padEnd(34)} ${s}`);
  const verdict = (ratio: number, limit: number, atLeast: boolean) => ((atLeast ? ratio >= limit : ratio <= limit) ? '  ok' : '  MISSES TARGET');
  const report: string[][] = [];

  if (ONLY !== 'hls') {
    const range = await rangeBench(app, runDir);
    const { ours, nginx } = range;
    if (nginx) {
      figures.range_throughput = { value: round(ours.mibs, 0), unit: 'MiB/s', floor: round(nginx.mibs, 0), ratio: round(ours.mibs / nginx.mibs), target: `>= ${TARGETS.throughput}x nginx` };
      figures.range_p99 = { value: round(ours.p99, 1), unit: 'ms', floor: round(nginx.p99, 1), ratio: round(ours.p99 / nginx.p99), target: `<= ${TARGETS.p99}x nginx` };
      const t = ours.mibs / nginx.mibs;
      const p = ours.p99 / nginx.p99;
      report.push(['range_throughput', `${ours.mibs.toFixed(0)} MiB/s vs nginx ${nginx.mibs.toFixed(0)} MiB/s: ${t.toFixed(2)}x (target >= ${TARGETS.throughput}x)${verdict(t, TARGETS.throughput, true)}`]);
      report.push(['range_p99', `${ours.p99.toFixed(1)} ms vs nginx ${nginx.p99.toFixed(1)} ms: ${p.toFixed(2)}x (target <= ${TARGETS.p99}x)${verdict(p, TARGETS.p99, false)}`]);
      report.push(['', `p50 ours ${ours.p50.toFixed(1)} ms, nginx ${nginx.p50.toFixed(1)} ms; ${ours.requests} and ${nginx.requests} requests`]);
    } else {
      figures.range_throughput = { value: round(ours.mibs, 0), unit: 'MiB/s', target: `>= ${TARGETS.throughput}x nginx (not compared: nginx missing)` };
      figures.range_p99 = { value: round(ours.p99, 1), unit: 'ms', target: `<= ${TARGETS.p99}x nginx (not compared: nginx missing)` };
      report.push(['range_throughput', `${ours.mibs.toFixed(0)} MiB/s  (SKIP: ${range.skipped})`]);
      report.push(['range_p99', `${ours.p99.toFixed(1)} ms  (SKIP: no nginx to compare with)`]);
    }
  }

  if (ONLY !== 'range') {
    const sources = [await describe('h264'), await describe('hevc')];
    const hls = new Map<SourceKey, HlsFigures>();
    for (const src of sources) hls.set(src.key, await hlsBench(app, runDir, src));
    const vs = (value: number, floor: number, target: string): Figure => ({ value: round(value / 1000, 3), unit: 's', floor: round(floor / 1000, 3), ratio: round(value / floor), target });
    const oursTarget = `<= ${TARGETS.ours}x bare ffmpeg with our args`;
    const peerTarget = `<= ${TARGETS.peer}x bare ffmpeg cutting 3 s veryfast segments (Jellyfin's way)`;
    type Pick = (h: HlsFigures) => [number, number];
    const pairs: { key: string; pick: Pick; target: string; limit: number }[] = [
      { key: 'hls_first_segment', pick: (h) => [h.ours.startup, h.floor.startup], target: oursTarget, limit: TARGETS.ours },
      { key: 'hls_startup_vs_peer', pick: (h) => [h.ours.startup, h.peer.startup], target: peerTarget, limit: TARGETS.peer },
      { key: 'hls_seek', pick: (h) => [h.ours.seek, h.floor.seek], target: oursTarget, limit: TARGETS.ours },
      { key: 'hls_seek_vs_peer', pick: (h) => [h.ours.seek, h.peer.seek], target: peerTarget, limit: TARGETS.peer },
    ];
    // The headline keys carry the worse of the two sources; per-source keys follow.
    for (const { key, pick, target } of pairs) {
      const worst = sources.map((s) => hls.get(s.key)!).reduce((a, b) => (pick(b)[0] / pick(b)[1] > pick(a)[0] / pick(a)[1] ? b : a));
      figures[key] = vs(...pick(worst), target);
    }
    for (const s of sources) for (const { key, pick, target } of pairs) figures[`${key}_${s.key}`] = vs(...pick(hls.get(s.key)!), target);

    const sec = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
    for (const s of sources) {
      const h = hls.get(s.key)!;
      const label = SOURCES[s.key].label;
      const cmp = (ours: number, floor: number, what: string, limit: number) => `vs ${what} ${sec(floor)}: ${(ours / floor).toFixed(2)}x (target <= ${limit}x)${verdict(ours / floor, limit, false)}`;
      report.push([`first segment, ${label}`, `${sec(h.ours.startup)}  ${cmp(h.ours.startup, h.floor.startup, 'our args', TARGETS.ours)}`]);
      report.push(['', `${' '.repeat(sec(0).length)}  ${cmp(h.ours.startup, h.peer.startup, 'peer', TARGETS.peer)}`]);
      report.push([`seek to ${s.seekSec} s (${Math.round(SEEK_FRACTION * 100)} %), ${label}`, `${sec(h.ours.seek)}  ${cmp(h.ours.seek, h.floor.seek, 'our args', TARGETS.ours)}`]);
      report.push(['', `${' '.repeat(sec(0).length)}  ${cmp(h.ours.seek, h.peer.seek, 'peer', TARGETS.peer)}`]);
      const argv = { same: 'identical to the live session ffmpeg argv', differs: 'DIFFERS from the live session ffmpeg argv (see warning)', unchecked: 'not checked against the session (no /proc)' }[h.argvChecked];
      report.push(['', `our-args floor: ${argv}`]);
    }
    for (const { key } of pairs) {
      const f = figures[key]!;
      report.push([key, `${f.value} s vs ${f.floor} s: ${f.ratio}x (the worse source)`]);
    }
  }

  console.log('');
  for (const [k, v] of report) line(k!, v!);
  if (ONLY) {
    console.log(`--only ${ONLY}: results file not written (${((now() - t0) / 1000).toFixed(0)} s)`);
    return;
  }
  const out = path.join(import.meta.dirname, 'results', 'playback.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ bench: 'playback', figures }, null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), out)} in ${((now() - t0) / 1000).toFixed(0)} s`);
}

try {
  await main();
} catch (err) {
  process.exitCode = 1;
  console.error(err);
} finally {
  await cleanupAll();
}
