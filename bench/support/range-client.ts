/**
 * The load generator of `bench/playback.ts`, run as its own process so that it never shares an event loop
 * with the server it measures (ours runs in the bench's process; nginx in its own).
 *
 * `node --import tsx bench/support/range-client.ts '<json LoadSpec>'`: `clients` concurrent loops over one
 * keep-alive http.Agent, each asking for random `rangeBytes` ranges of the file until the time is up. A
 * warm-up period is run and discarded first. Prints one JSON `LoadResult` line on stdout.
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';

export interface LoadSpec {
  port: number;
  path: string;
  /** Extra request headers (our host wants a Bearer token). */
  headers: Record<string, string>;
  fileSize: number;
  clients: number;
  rangeBytes: number;
  warmupMs: number;
  durationMs: number;
  seed: number;
  /** Wall-clock time (Date.now()) to begin at, so that several client processes load the server together. */
  startAtMs?: number;
}

export interface LoadResult {
  requests: number;
  bytes: number;
  seconds: number;
  /** Per-request latency, request sent to last body byte, in ms. */
  p50: number;
  p99: number;
  max: number;
  /** Every measured latency, ms, so rounds can be pooled. */
  latencies: number[];
  errors: string[];
}

/** mulberry32: the same range sequence for every server given the same seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function get(agent: http.Agent, spec: LoadSpec, start: number): Promise<{ bytes: number; ms: number }> {
  const end = start + spec.rangeBytes - 1;
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.get(
      { host: '127.0.0.1', port: spec.port, path: spec.path, agent, headers: { ...spec.headers, range: `bytes=${start}-${end}` } },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on('end', () => {
          if (res.statusCode !== 206) return reject(new Error(`status ${res.statusCode ?? '?'}`));
          if (res.headers['content-range'] !== `bytes ${start}-${end}/${spec.fileSize}`) return reject(new Error(`content-range ${res.headers['content-range'] ?? '(none)'}`));
          if (bytes !== spec.rangeBytes) return reject(new Error(`got ${bytes} bytes, wanted ${spec.rangeBytes}`));
          resolve({ bytes, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.clients, maxFreeSockets: spec.clients });
  const random = rng(spec.seed);
  const errors: string[] = [];
  const latencies: number[] = [];
  let bytes = 0;
  let measuring = false;
  let stopAt = BigInt(Number.MAX_SAFE_INTEGER) * 1_000_000n;

  async function loop(): Promise<void> {
    while (process.hrtime.bigint() < stopAt) {
      const start = Math.floor(random() * (spec.fileSize - spec.rangeBytes));
      try {
        const r = await get(agent, spec, start);
        if (measuring) {
          bytes += r.bytes;
          latencies.push(r.ms);
        }
      } catch (err) {
        if (errors.length < 5) errors.push(String(err));
        if (errors.length >= 5) return;
      }
    }
  }

  if (spec.startAtMs !== undefined) await new Promise((r) => setTimeout(r, Math.max(0, spec.startAtMs! - Date.now())));
  const now = (): bigint => process.hrtime.bigint();
  const ms = (n: number): bigint => BigInt(Math.round(n * 1e6));
  const begin = now();
  stopAt = begin + ms(spec.warmupMs + spec.durationMs);
  const loops = Array.from({ length: spec.clients }, () => loop());
  await new Promise((r) => setTimeout(r, spec.warmupMs));
  // Requests in flight at the switch count whole; so do those in flight at the end, which makes the
  // measured window end when the last one does.
  measuring = true;
  const t0 = now();
  await Promise.all(loops);
  const seconds = Number(now() - t0) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { requests: latencies.length, bytes, seconds, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? NaN, latencies: latencies.map((x) => Math.round(x * 100) / 100), errors };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2]) {
  const spec = JSON.parse(process.argv[2]) as LoadSpec;
  const result = await runLoad(spec);
  process.stdout.write(JSON.stringify(result) + '\n');
}
