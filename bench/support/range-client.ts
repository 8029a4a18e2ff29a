/**
 * The load generator of `bench/playback.ts`, run as its own process so that it never shares an event loop
 * with the server it measures (ours runs in the bench's process; nginx in its own).
 *
 * `node --import tsx bench/support/range-client.ts '<json LoadSpec>'`: `clients` concurrent loops over one
 * keep-alive http.Agent, each asking for random `rangeBytes` ranges of the file until the time is up. A
 * warm-up period is run and discarded first. Prints one JSON `LoadResult` line on stdout.
 */
import http from 'node:http';
import net from 'node:net';
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
  /**
   * `http`: node's http client (a fresh Buffer per socket read, the full parser). `raw`: one keep-alive
   * `net` socket per client reading into one reused buffer (`onread`) with a minimal HTTP/1.1 response
   * parser, so the body is counted and dropped without an allocation per read. Either way the very same
   * client measures both servers.
   */
  client?: 'http' | 'raw';
}

export interface LoadResult {
  requests: number;
  bytes: number;
  /** Every body byte received, warm-up included: what the server's CPU time was spent on. */
  sentBytes: number;
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

/** A keep-alive connection that asks for one range at a time and counts the body without keeping it. */
class RawClient {
  private socket: net.Socket | null = null;
  private head = '';
  private status = 0;
  private contentRange: string | undefined;
  private remaining = -1;
  private bytes = 0;
  private pending: { resolve: (r: { bytes: number; ms: number }) => void; reject: (e: Error) => void; t0: bigint; check: (status: number, range: string | undefined, bytes: number) => Error | null } | null = null;
  /** One buffer per connection, reused for every read: the kernel copies into it, nothing else does. */
  private readonly buffer = Buffer.allocUnsafe(1024 * 1024);

  constructor(private readonly spec: LoadSpec) {}

  private connect(): net.Socket {
    const socket = net.connect({
      host: '127.0.0.1',
      port: this.spec.port,
      onread: { buffer: this.buffer, callback: (n: number, buf: Uint8Array) => (this.onData(buf, n), true) },
    });
    socket.setNoDelay(true);
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => {
      this.socket = null;
      this.fail(new Error('the server closed the connection'));
    });
    return socket;
  }

  private fail(err: Error): void {
    const p = this.pending;
    this.pending = null;
    p?.reject(err);
  }

  private onData(buf: Uint8Array, n: number): void {
    let at = 0;
    if (this.remaining < 0) {
      // Headers: kept as text until the blank line (they come whole in the first read in practice).
      const chunk = Buffer.from(buf.buffer, buf.byteOffset, n).toString('latin1');
      const whole = this.head + chunk;
      const endOfHead = whole.indexOf('\r\n\r\n');
      if (endOfHead < 0) {
        this.head = whole;
        return;
      }
      const lines = whole.slice(0, endOfHead).split('\r\n');
      this.status = Number(lines[0]?.split(' ')[1]);
      let length = -1;
      this.contentRange = undefined;
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (name === 'content-length') length = Number(value);
        else if (name === 'content-range') this.contentRange = value;
      }
      if (length < 0) return this.fail(new Error('no content-length'));
      at = endOfHead + 4 - this.head.length;
      this.head = '';
      this.remaining = length;
      this.bytes = 0;
    }
    const body = Math.min(n - at, this.remaining);
    this.remaining -= body;
    this.bytes += body;
    if (this.remaining === 0) {
      this.remaining = -1;
      const p = this.pending;
      this.pending = null;
      if (!p) return;
      const err = p.check(this.status, this.contentRange, this.bytes);
      if (err) p.reject(err);
      else p.resolve({ bytes: this.bytes, ms: Number(process.hrtime.bigint() - p.t0) / 1e6 });
    }
  }

  get(start: number, end: number, check: (status: number, range: string | undefined, bytes: number) => Error | null): Promise<{ bytes: number; ms: number }> {
    this.socket ??= this.connect();
    const extra = Object.entries(this.spec.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, t0: process.hrtime.bigint(), check };
      this.socket!.write(`GET ${this.spec.path} HTTP/1.1\r\nHost: 127.0.0.1:${this.spec.port}\r\nConnection: keep-alive\r\n${extra}range: bytes=${start}-${end}\r\n\r\n`);
    });
  }

  close(): void {
    this.socket?.removeAllListeners('close');
    this.socket?.destroy();
  }
}

function checker(spec: LoadSpec, start: number, end: number) {
  return (status: number, range: string | undefined, bytes: number): Error | null => {
    if (status !== 206) return new Error(`status ${status}`);
    if (range !== `bytes ${start}-${end}/${spec.fileSize}`) return new Error(`content-range ${range ?? '(none)'}`);
    if (bytes !== spec.rangeBytes) return new Error(`got ${bytes} bytes, wanted ${spec.rangeBytes}`);
    return null;
  };
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.clients, maxFreeSockets: spec.clients });
  const raw = spec.client === 'raw';
  const rawClients: RawClient[] = [];
  const random = rng(spec.seed);
  const errors: string[] = [];
  const latencies: number[] = [];
  let bytes = 0;
  let sentBytes = 0;
  let measuring = false;
  let stopAt = BigInt(Number.MAX_SAFE_INTEGER) * 1_000_000n;

  async function loop(): Promise<void> {
    const conn = raw ? new RawClient(spec) : null;
    if (conn) rawClients.push(conn);
    while (process.hrtime.bigint() < stopAt) {
      const start = Math.floor(random() * (spec.fileSize - spec.rangeBytes));
      const end = start + spec.rangeBytes - 1;
      try {
        const r = conn ? await conn.get(start, end, checker(spec, start, end)) : await get(agent, spec, start);
        sentBytes += r.bytes;
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
  for (const c of rawClients) c.close();
  latencies.sort((a, b) => a - b);
  const at = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { requests: latencies.length, bytes, sentBytes, seconds, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? NaN, latencies: latencies.map((x) => Math.round(x * 100) / 100), errors };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2]) {
  const spec = JSON.parse(process.argv[2]) as LoadSpec;
  const result = await runLoad(spec);
  process.stdout.write(JSON.stringify(result) + '\n');
}
