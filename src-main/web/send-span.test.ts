import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSpan } from './send-span.js';
import { zeroCopyAvailable, zeroCopyUnavailableReason } from './zero-copy.js';

/** Larger than loopback's socket buffers, so every path has to wait for the reader at least once. */
const SIZE = 24 * 1024 * 1024 + 123;
let tmp: string;
let file: string;
let small: string;
let data: Buffer;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-span-'));
  file = path.join(tmp, 'movie.bin');
  data = crypto.randomBytes(SIZE);
  fs.writeFileSync(file, data);
  small = path.join(tmp, 'small.bin');
  fs.writeFileSync(small, data.subarray(0, 1024 * 1024));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('has sendfile on Linux (else the web host would quietly serve media at half speed)', () => {
  if (process.platform !== 'linux') return;
  expect(zeroCopyUnavailableReason()).toBeNull();
  expect(zeroCopyAvailable()).toBe(true);
});

interface SpanServer {
  port: number;
  /** How each tagged response's sendSpan ended: 'ok' or the rejection's message. */
  outcomes: Map<string, string>;
  server: http.Server;
  close(): Promise<void>;
}

/** `/<name>?start=&end=&tag=` answers 206 with that span of the named test file. */
async function spanServer(zeroCopy: boolean): Promise<SpanServer> {
  const outcomes = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const start = Number(url.searchParams.get('start'));
    const end = Number(url.searchParams.get('end'));
    const target = url.pathname === '/small' ? small : file;
    const tag = url.searchParams.get('tag') ?? '';
    res.writeHead(206, { 'Content-Length': String(end - start + 1), 'Content-Type': 'application/octet-stream' });
    sendSpan(res, target, start, end, { zeroCopy }).then(
      () => outcomes.set(tag, 'ok'),
      (err: unknown) => {
        outcomes.set(tag, err instanceof Error ? err.message : String(err));
        res.destroy();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    outcomes,
    server,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function get(port: number, urlPath: string, agent?: http.Agent): Promise<{ body: Buffer; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ body: Buffer.concat(chunks), reused: req.reusedSocket }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** A raw connection that asks for a span and reads nothing until told to. */
function rawClient(port: number, urlPath: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.pause();
      socket.write(`GET ${urlPath} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

function openDescriptors(): number {
  return fs.readdirSync('/proc/self/fd').length;
}

async function outcome(s: SpanServer, tag: string): Promise<string> {
  await until(() => s.outcomes.has(tag), `the span “${tag}” to end`);
  return s.outcomes.get(tag)!;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each([
  ['sendfile', true],
  ['buffered', false],
])('media bodies (%s)', (_name, zeroCopy) => {
  let s: SpanServer;
  beforeAll(async () => {
    s = await spanServer(zeroCopy);
  });
  afterAll(() => s.close());

  it('sends exactly the bytes asked for: whole file, first byte, last byte, a middle span', async () => {
    for (const [start, end] of [
      [0, SIZE - 1],
      [0, 0],
      [SIZE - 1, SIZE - 1],
      [5_000_001, 12_345_678],
    ] as const) {
      const { body } = await get(s.port, `/file?start=${start}&end=${end}`);
      expect(body.length).toBe(end - start + 1);
      expect(body.equals(data.subarray(start, end + 1))).toBe(true);
    }
  });

  it('leaves the connection usable for the next request (keep-alive)', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const spans = [
        [0, 999_999],
        [7, 4_000_006],
        [SIZE - 10, SIZE - 1],
      ] as const;
      const got = [];
      for (const [start, end] of spans) got.push(await get(s.port, `/file?start=${start}&end=${end}`, agent));
      got.forEach((g, i) => expect(g.body.equals(data.subarray(spans[i]![0], spans[i]![1] + 1))).toBe(true));
      expect(got.slice(1).every((g) => g.reused)).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it('answers pipelined requests in order, each with its own bytes', async () => {
    const spans = [
      [0, 3_000_000],
      [SIZE - 2_000_000, SIZE - 1],
      [42, 42],
    ] as const;
    const socket = await rawClient(s.port, `/file?start=${spans[0][0]}&end=${spans[0][1]}`);
    // The second and third requests arrive while the first response is still being sent.
    socket.write(spans.slice(1).map(([a, b]) => `GET /file?start=${a}&end=${b} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`).join(''));
    /** The bodies once all three responses are in; null before. */
    const bodies = (got: Buffer): Buffer[] | null => {
      const out: Buffer[] = [];
      let at = 0;
      for (const [a, b] of spans) {
        const head = got.indexOf('\r\n\r\n', at);
        if (head < 0 || got.length < head + 4 + (b - a + 1)) return null;
        expect(got.subarray(at, head).toString('latin1')).toMatch(new RegExp(`^HTTP/1.1 206[^]*Content-Length: ${b - a + 1}`, 'i'));
        out.push(got.subarray(head + 4, head + 4 + (b - a + 1)));
        at = head + 4 + (b - a + 1);
      }
      return out;
    };
    const want = spans.reduce((n, [a, b]) => n + (b - a + 1), 0);
    const chunks: Buffer[] = [];
    let length = 0;
    const got = await new Promise<Buffer[]>((resolve) => {
      socket.on('data', (c: Buffer) => {
        chunks.push(c);
        length += c.length;
        const all = length > want ? bodies(Buffer.concat(chunks)) : null;
        if (all) resolve(all);
      });
      socket.resume();
    });
    socket.destroy();
    spans.forEach(([a, b], i) => expect(got[i]!.equals(data.subarray(a, b + 1))).toBe(true));
  });

  it('waits for a reader that stops reading, then finishes', async () => {
    const socket = await rawClient(s.port, `/file?start=0&end=${SIZE - 1}`);
    await sleep(300);
    const chunks: Buffer[] = [];
    let length = 0;
    const all = await new Promise<Buffer>((resolve) => {
      socket.on('data', (c: Buffer) => {
        chunks.push(c);
        length += c.length;
        // The head is a few hundred bytes; only look for its end once the body can be complete.
        if (length < SIZE) return;
        const got = Buffer.concat(chunks);
        const head = got.indexOf('\r\n\r\n');
        if (head >= 0 && got.length - head - 4 >= SIZE) resolve(got.subarray(head + 4));
      });
      socket.resume();
    });
    socket.destroy();
    expect(all.equals(data)).toBe(true);
  });

  it('lets go of everything when the client goes away mid-body', async () => {
    await get(s.port, '/file?start=0&end=0&tag=warm-up'); // lazily opened descriptors
    await outcome(s, 'warm-up');
    const before = openDescriptors();
    const socket = await rawClient(s.port, `/file?start=0&end=${SIZE - 1}&tag=gone`);
    socket.resume();
    await new Promise((r) => socket.once('data', r));
    socket.destroy();
    expect(await outcome(s, 'gone')).toMatch(/went away/);
    await until(() => openDescriptors() <= before, `descriptors back to ${before} (now ${openDescriptors()})`);
  });

  it('ends a transfer stuck on a reader when the server closes its connections', async () => {
    const socket = await rawClient(s.port, `/file?start=0&end=${SIZE - 1}&tag=stuck`);
    await sleep(200);
    s.server.closeAllConnections();
    expect(await outcome(s, 'stuck')).toMatch(/went away/);
    socket.destroy();
  });

  it('rejects when the file is shorter than the span (it shrank after the stat)', async () => {
    await get(s.port, `/small?start=0&end=${2 * 1024 * 1024}&tag=short`).catch(() => undefined);
    expect(await outcome(s, 'short')).toMatch(/shrank/);
  });
});
