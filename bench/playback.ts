/**
 * `npm run bench:playback` (tsx bench/playback.ts [--quick] [--only range|hls] [--rounds N] [--client raw|http] [--no-sendfile]): playback serving and
 * transcoding against their floors, in one run (issue 7, "Benchmark").
 *
 * Media, made once with ffmpeg and cached in `<tmpdir>/glasswing-bench-playback/library` (a real library
 * folder, scanned by the real library engine): a 20 s 1080p24 H.264/AAC MP4 and a 20 s 1080p24 HEVC/AAC
 * MKV (testsrc2 with light temporal noise, about 8 and 6 Mbit/s), and a ~1 GiB H.264 MP4 made by looping
 * the first with `-c copy`.
 *
 * 1. Range: 16 concurrent keep-alive clients (separate processes) ask for random 4 MiB ranges of the 1 GiB
 *    file, from our web host (`/media/<id>` with the launch token, a real library item) and from nginx
 *    (started here on loopback, sendfile on, serving the same file), alternating rounds. Throughput (MiB/s)
 *    and per-request p99 latency, each against nginx. The client (`--client raw`, the default) reads into
 *    one reused buffer per connection with a minimal HTTP parser; `--client http` uses node's http client,
 *    which costs about as much CPU per byte as nginx does and so caps nginx, flattering us. Our bodies go
 *    out by sendfile (native/sendfile) unless `--no-sendfile` asks for the buffered path; each server's CPU
 *    seconds per GiB sent are printed too (from /proc for nginx, process.cpuUsage for us).
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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startApp } from './support/app.js';
import { LIBRARY, MiB, GiB, now, RANGE_FILE, round, SEEK_FRACTION, SOURCES, TARGETS, type SourceKey } from './support/common.js';
import { describe, hlsBench, type HlsFigures } from './support/hls-bench.js';
import { prepareMedia } from './support/media.js';
import { cleanupAll, installExitHandlers, onCleanup } from './support/procs.js';
import { rangeBench, type RangeConfig } from './support/range-bench.js';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, rounds: { type: 'string' }, client: { type: 'string', default: 'raw' }, 'no-sendfile': { type: 'boolean', default: false } } });
const QUICK = args.quick;
/** `--only range` or `--only hls`: one part, for working on it; the results file is then not written. */
const ONLY = args.only === 'range' || args.only === 'hls' ? args.only : null;
if (args.only !== undefined && !ONLY) throw new Error('--only takes range or hls');

const RANGE: RangeConfig = {
  clients: 16,
  rangeBytes: 4 * MiB,
  // Many short rounds, alternating servers, so that background load on a shared machine hits both alike.
  rounds: args.rounds ? Math.max(1, Number(args.rounds)) : QUICK ? 2 : 6,
  warmupMs: 500,
  durationMs: QUICK ? 2000 : 4000,
  client: args.client === 'http' ? 'http' : 'raw',
  // node's http client too, as the issue first measured: it shows how much a costly client flatters us.
  alsoClient: args.client === 'http' ? null : 'http',
};
const HLS_REPS = QUICK ? 2 : 5;

// ---------------------------------------------------------------------------------------------- main

type Figure = { value: number; unit: string; floor?: number; ratio?: number; target?: string };

async function main(): Promise<void> {
  installExitHandlers();
  const t0 = now();
  prepareMedia();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-bench-playback-run-'));
  onCleanup(() => fs.rmSync(runDir, { recursive: true, force: true }));
  const app = await startApp(runDir, { zeroCopy: !args['no-sendfile'] });
  const rangeSize = fs.statSync(path.join(LIBRARY, RANGE_FILE.name)).size;
  console.log(
    `playback bench${QUICK ? ' (--quick)' : ''}${ONLY ? ` (--only ${ONLY})` : ''}: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}; ` +
      `range: ${RANGE.clients} clients${args['no-sendfile'] ? ' (buffered bodies: --no-sendfile)' : ''}, random ${RANGE.rangeBytes / MiB} MiB ranges of a ${(rangeSize / GiB).toFixed(2)} GiB file, ` +
      `${RANGE.rounds} × ${RANGE.durationMs / 1000} s per server; HLS: ${HLS_REPS} reps per source, medians`,
  );

  const figures: Record<string, Figure> = {};
  const line = (k: string, s: string): void => console.log(`${k.padEnd(34)} ${s}`);
  const verdict = (ratio: number, limit: number, atLeast: boolean) => ((atLeast ? ratio >= limit : ratio <= limit) ? '  ok' : '  MISSES TARGET');
  const report: string[][] = [];

  if (ONLY !== 'hls') {
    const range = await rangeBench(app, runDir, RANGE);
    const runs = [{ suffix: '', label: `${RANGE.client} client`, ...range }, ...(range.other ? [{ suffix: `_${range.other.client}_client`, label: `${range.other.client} client`, ...range.other }] : [])];
    for (const { suffix, label, ours, nginx } of runs) {
      if (nginx) {
        figures[`range_throughput${suffix}`] = { value: round(ours.mibs, 0), unit: 'MiB/s', floor: round(nginx.mibs, 0), ratio: round(ours.mibs / nginx.mibs), target: `>= ${TARGETS.throughput}x nginx (${label})` };
        figures[`range_p99${suffix}`] = { value: round(ours.p99, 1), unit: 'ms', floor: round(nginx.p99, 1), ratio: round(ours.p99 / nginx.p99), target: `<= ${TARGETS.p99}x nginx (${label})` };
        const t = ours.mibs / nginx.mibs;
        const p = ours.p99 / nginx.p99;
        report.push([`range_throughput${suffix}`, `${ours.mibs.toFixed(0)} MiB/s vs nginx ${nginx.mibs.toFixed(0)} MiB/s: ${t.toFixed(2)}x (target >= ${TARGETS.throughput}x)${verdict(t, TARGETS.throughput, true)}`]);
        report.push([`range_p99${suffix}`, `${ours.p99.toFixed(1)} ms vs nginx ${nginx.p99.toFixed(1)} ms: ${p.toFixed(2)}x (target <= ${TARGETS.p99}x)${verdict(p, TARGETS.p99, false)}`]);
        report.push(['', `${label}: p50 ours ${ours.p50.toFixed(1)} ms, nginx ${nginx.p50.toFixed(1)} ms; ${ours.requests} and ${nginx.requests} requests`]);
        if (ours.cpuPerGiB !== null && nginx.cpuPerGiB !== null) {
          figures[`range_cpu_per_gib${suffix}`] = { value: round(ours.cpuPerGiB, 3), unit: 's', floor: round(nginx.cpuPerGiB, 3), ratio: round(ours.cpuPerGiB / nginx.cpuPerGiB), target: 'none: explains the throughput ratio' };
          report.push(['', `${label}: server CPU per GiB sent: ours ${ours.cpuPerGiB.toFixed(3)} s, nginx ${nginx.cpuPerGiB.toFixed(3)} s (${(ours.cpuPerGiB / nginx.cpuPerGiB).toFixed(2)}x)`]);
        }
      } else {
        figures[`range_throughput${suffix}`] = { value: round(ours.mibs, 0), unit: 'MiB/s', target: `>= ${TARGETS.throughput}x nginx (not compared: nginx missing)` };
        figures[`range_p99${suffix}`] = { value: round(ours.p99, 1), unit: 'ms', target: `<= ${TARGETS.p99}x nginx (not compared: nginx missing)` };
        report.push([`range_throughput${suffix}`, `${ours.mibs.toFixed(0)} MiB/s  (SKIP: ${range.skipped})`]);
        report.push([`range_p99${suffix}`, `${ours.p99.toFixed(1)} ms  (SKIP: no nginx to compare with)`]);
      }
    }
  }

  if (ONLY !== 'range') {
    const sources = [await describe('h264'), await describe('hevc')];
    const hls = new Map<SourceKey, HlsFigures>();
    for (const src of sources) hls.set(src.key, await hlsBench(app, runDir, src, HLS_REPS));
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
