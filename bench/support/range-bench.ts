/**
 * Part 1 of `bench/playback.ts`: range throughput and p99 latency of our web host against nginx, with the
 * same load client (range-client.ts, several processes) measuring both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App } from './app.js';
import { freePort, LIBRARY, MiB, now, RANGE_FILE, request, sleep } from './common.js';
import { warmPageCache } from './media.js';
import { onCleanup, spawnTracked, stopTracked } from './procs.js';
import type { LoadResult, LoadSpec } from './range-client.js';

export interface RangeConfig {
  clients: number;
  rangeBytes: number;
  rounds: number;
  warmupMs: number;
  durationMs: number;
  client: 'http' | 'raw';
  /** A second client measured in the same rounds (both servers again), for comparison; null for none. */
  alsoClient: 'http' | 'raw' | null;
}

const LOAD_PROCESSES = Math.max(2, os.availableParallelism());

export interface Nginx {
  port: number;
  /** CPU time nginx's processes (master and workers) have used so far, in seconds; null without /proc. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks, 100 a second on every Linux port we run on. */
const TICKS_PER_SECOND = 100;

/** utime + stime of a process and its direct children (nginx's workers), from /proc; null where there is none. */
function treeCpuSeconds(pid: number): number | null {
  const one = (p: number): number => {
    const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) in parentheses; utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  };
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...children].reduce((sum, p) => sum + one(p), 0);
  } catch {
    return null;
  }
}

/** CPU time this process (our web host, on all its threads, plus the idle orchestrator) has used, in seconds. */
function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export function findNginx(): string | null {
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

export async function startNginx(bin: string, runDir: string): Promise<Nginx> {
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
    if (ok) return { port, stop, cpuSeconds: () => (child.pid === undefined ? null : treeCpuSeconds(child.pid)) };
    if (now() > deadline) throw new Error('nginx did not answer within 10 s');
    await sleep(50);
  }
}

export function runLoadProcess(spec: LoadSpec): Promise<LoadResult> {
  const client = path.join(import.meta.dirname, 'range-client.ts');
  const child = spawnTracked(process.execPath, ['--import', 'tsx', client, JSON.stringify(spec)], { cwd: path.join(import.meta.dirname, '..', '..') });
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
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
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
    sentBytes: parts.reduce((a, r) => a + r.sentBytes, 0),
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
export async function checkBytes(port: number, urlPath: string, headers: Record<string, string>, file: string, size: number, rangeBytes: number): Promise<void> {
  const fd = fs.openSync(file, 'r');
  try {
    for (const start of [0, size - rangeBytes, Math.floor(size / 3) + 12345]) {
      const end = start + rangeBytes - 1;
      const res = await request(port, 'GET', urlPath, { ...headers, range: `bytes=${start}-${end}` });
      const want = Buffer.alloc(rangeBytes);
      fs.readSync(fd, want, 0, want.length, start);
      if (res.status !== 206 || !res.body.equals(want)) throw new Error(`${urlPath} on port ${port} answered ${res.status} with the wrong bytes for ${start}-${end}`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

export interface ServerFigures {
  mibs: number;
  p99: number;
  p50: number;
  requests: number;
  /** Server CPU seconds per GiB sent: what the throughput ratio hides on a machine shared with the clients. */
  cpuPerGiB: number | null;
}

export interface RangeFigures {
  ours: ServerFigures;
  nginx: ServerFigures | null;
  skipped: string | null;
  /** The same with `alsoClient`. */
  other: { client: string; ours: RangeFigures['ours']; nginx: RangeFigures['nginx'] } | null;
}

interface MeasuredLoad extends LoadResult {
  cpuSeconds: number | null;
}

async function measured(cpu: () => number | null, load: Promise<LoadResult>): Promise<MeasuredLoad> {
  const before = cpu();
  const result = await load;
  const after = cpu();
  return { ...result, cpuSeconds: before === null || after === null ? null : after - before };
}

export function summarize(results: MeasuredLoad[]): ServerFigures {
  const bytes = results.reduce((a, r) => a + r.bytes, 0);
  const seconds = results.reduce((a, r) => a + r.seconds, 0);
  // Latencies of all rounds pooled: a p99 of every request, not of one round.
  const all = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const at = (p: number): number => all[Math.min(all.length - 1, Math.floor(p * all.length))] ?? NaN;
  const cpu = results.every((r) => r.cpuSeconds !== null) ? results.reduce((a, r) => a + r.cpuSeconds!, 0) : null;
  // The CPU window includes the clients' start-up and warm-up; so does nginx's, so the two compare.
  const sent = results.reduce((a, r) => a + r.sentBytes, 0);
  return { mibs: bytes / MiB / seconds, p99: at(0.99), p50: at(0.5), requests: all.length, cpuPerGiB: cpu === null || sent === 0 ? null : cpu / (sent / (1024 * MiB)) };
}

export async function rangeBench(app: App, runDir: string, RANGE: RangeConfig): Promise<RangeFigures> {
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
  await checkBytes(app.host.port, oursPath, oursHeaders, file, size, RANGE.rangeBytes);
  if (nginx) await checkBytes(nginx.port, nginxPath, {}, file, size, RANGE.rangeBytes);

  const base = { fileSize: size, clients: RANGE.clients, rangeBytes: RANGE.rangeBytes, warmupMs: RANGE.warmupMs, durationMs: RANGE.durationMs };
  const kinds = RANGE.alsoClient ? [RANGE.client, RANGE.alsoClient] : [RANGE.client];
  const ours = kinds.map((): MeasuredLoad[] => []);
  const theirs = kinds.map((): MeasuredLoad[] => []);
  for (let round = 0; round < RANGE.rounds; round++) {
    const seed = 1000 + round;
    const fmt = (r: LoadResult | undefined) => (r ? `${(r.bytes / MiB / r.seconds).toFixed(0)} MiB/s p99 ${r.p99.toFixed(1)} ms` : 'skipped');
    for (const [k, client] of kinds.entries()) {
      if (nginx) theirs[k]!.push(await measured(nginx.cpuSeconds, runLoad({ ...base, client, port: nginx.port, path: nginxPath, headers: {}, seed })));
      ours[k]!.push(await measured(ownCpuSeconds, runLoad({ ...base, client, port: app.host.port, path: oursPath, headers: oursHeaders, seed })));
      console.log(`  range round ${round + 1}/${RANGE.rounds}, ${client} client: ours ${fmt(ours[k]!.at(-1))}; nginx ${fmt(theirs[k]!.at(-1))}`);
    }
  }
  await nginx?.stop();
  const other = RANGE.alsoClient ? { client: RANGE.alsoClient, ours: summarize(ours[1]!), nginx: nginx ? summarize(theirs[1]!) : null } : null;
  return { ours: summarize(ours[0]!), nginx: nginx ? summarize(theirs[0]!) : null, skipped, other };
}
