import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientFrame, type ErrorCode, type Reply, type ServerFrame } from '../contract/index.js';
import type { Services } from '../services.js';
import { hasToken, isOwnRequest, newToken, sessionCookie } from './auth.js';
import { serveStatic } from './static.js';
import { sendSpan } from './send-span.js';

export interface WebHostOptions {
  services: Services;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Given only by tests; a launch makes its own. */
  token?: string;
  /** Media bodies by sendfile where the addon is built (the default); false: always the buffered path. */
  zeroCopy?: boolean;
}

export interface WebHost {
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
/** `hls/<session uuid>/(index.m3u8|init.mp4|<n>.m4s)` and `subs/<session uuid>/<n>.vtt`. */
const STREAM_PATH = /^(hls|subs)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/(index\.m3u8|init\.mp4|\d{1,6}\.m4s|\d{1,2}\.vtt)$/;
const STATUS: Record<ErrorCode, number> = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  internal: 500,
};
const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The loopback web host (DESIGN.md §5): the renderer shell at `/`, the contract at `/api/<method>` and `/ws`,
 * media by opaque id at `/media/<id>`. Binds 127.0.0.1 only; all but the shell need the launch token.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const { services } = opts;
  const token = opts.token ?? newToken();
  let port = opts.port ?? 0;
  const zeroCopy = opts.zeroCopy ?? true;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY });
  const sockets = new Set<WebSocket>();

  const server = http.createServer((req, res) => {
    for (const [k, v] of Object.entries(BASE_HEADERS)) res.setHeader(k, v);
    handle(req, res).catch((err: unknown) => {
      console.error('[glasswing] web host request failed:', err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error.' } });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isOwnRequest(req, port)) return sendText(res, 403, 'Forbidden: this address serves only its own page.');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { pathname } = url;
    if (pathname === '/api/session' || pathname.startsWith('/api/') || pathname.startsWith('/media/') || pathname.startsWith('/art/') || pathname === '/ws') {
      if (!hasToken(req, token)) return sendText(res, 401, 'Unauthorized: open Glasswing from the address it printed.');
    }
    if (pathname === '/api/session') {
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST.');
      res.writeHead(204, { 'Set-Cookie': sessionCookie(token), 'Cache-Control': 'no-store' });
      return void res.end();
    }
    if (pathname.startsWith('/api/')) return handleApi(pathname.slice('/api/'.length), req, res);
    if (pathname.startsWith('/media/')) return handleMedia(pathname.slice('/media/'.length), req, res);
    if (pathname.startsWith('/art/')) return handleArt(pathname.slice('/art/'.length), req, res);
    if (pathname === '/ws') return sendText(res, 426, 'Upgrade to WebSocket.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    if (await serveStatic(opts.rendererDir, pathname, res)) return;
    sendText(res, 404, 'Not found.');
  }

  async function handleApi(method: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendText(res, 405, 'Use POST with a JSON body.');
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) return sendJson(res, 415, fail('bad-request', 'Send application/json.'));
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, fail('bad-request', 'The request body is too large.'));
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body) : {};
    } catch {
      return sendJson(res, 400, fail('bad-request', 'The request body is not valid JSON.'));
    }
    const reply = await services.call(method, input);
    sendJson(res, reply.ok ? 200 : STATUS[reply.error.code], reply);
  }

  async function handleMedia(id: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    const streamPath = STREAM_PATH.exec(id);
    if (streamPath) return handleStream(streamPath[1] as 'hls' | 'subs', streamPath[2] ?? '', streamPath[3] ?? '', req, res);
    const h = req.headers;
    const out = services.media(id, req.method, {
      range: h.range,
      ifRange: str(h['if-range']),
      ifNoneMatch: h['if-none-match'],
      ifModifiedSince: h['if-modified-since'],
    });
    res.writeHead(out.status, out.headers);
    if (!out.body) return void res.end();
    // A client that seeks aborts the response; that is normal, not an error worth logging.
    await sendSpan(res, out.body.path, out.body.start, out.body.end, { zeroCopy }).catch(() => res.destroy());
  }

  /** Posters and covers by content id (see `artResponse`): the id is the whole path, never a file name. */
  async function handleArt(id: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const out = services.art(id, req.method ?? 'GET', req.headers['if-none-match']);
    res.writeHead(out.status, out.headers);
    if (!out.body) return void res.end();
    await pipeline(fs.createReadStream(out.body.path), res).catch(() => res.destroy());
  }

  /** HLS playlists and segments, WebVTT subtitles: by session id and a file name of a fixed shape, never a path. */
  async function handleStream(kind: 'hls' | 'subs', sessionId: string, file: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const out = kind === 'hls' ? await services.playback.hls(sessionId, file) : await services.playback.subtitle(sessionId, file);
    if (out.status !== 200) return sendText(res, out.status, out.message);
    const headers = { 'Content-Type': out.contentType, 'Cache-Control': 'no-store' };
    if ('text' in out) {
      res.writeHead(200, { ...headers, 'Content-Length': Buffer.byteLength(out.text) });
      return void res.end(req.method === 'HEAD' ? undefined : out.text);
    }
    let size: number;
    try {
      size = (await fs.promises.stat(out.path)).size;
    } catch {
      return sendText(res, 404, 'Not found.');
    }
    res.writeHead(200, { ...headers, 'Content-Length': size });
    if (req.method === 'HEAD') return void res.end();
    await pipeline(fs.createReadStream(out.path, { highWaterMark: 1024 * 1024 }), res).catch(() => undefined);
  }

  server.on('upgrade', (req, socket, head) => {
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!isOwnRequest(req, port)) return refuse(403, 'Forbidden');
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/ws') return refuse(404, 'Not Found');
    if (!hasToken(req, token)) return refuse(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket): void {
    sockets.add(ws);
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const unsubscribe = services.events.subscribe((event, payload) => send({ type: 'event', event, payload }));
    ws.on('message', (data, isBinary) => {
      let frame: ClientFrame;
      try {
        if (isBinary) throw new Error('binary');
        const parsed = ClientFrame.safeParse(JSON.parse(String(data)));
        if (!parsed.success) throw new Error('shape');
        frame = parsed.data;
      } catch {
        return ws.close(1007, 'Malformed frame: expected {"id","method","input"} JSON.');
      }
      void services.call(frame.method, frame.input).then((reply: Reply) => send({ type: 'reply', id: frame.id, reply }));
    });
    ws.on('close', () => {
      unsubscribe();
      sockets.delete(ws);
    });
    ws.on('error', () => ws.terminate());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function str(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function fail(code: ErrorCode, message: string): Reply {
  return { ok: false, error: { code, message } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
