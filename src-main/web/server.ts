import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Services } from '../services.js';
import { hasToken, isOwnRequest, newToken, sessionCookie } from './auth.js';
import { serveContractSocket } from './contract-socket.js';
import { serveMedia } from './media-routes.js';
import { fail, MAX_BODY, readBody, sendJson, sendText, STATUS } from './replies.js';
import { serveStatic } from './static.js';

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

const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** What every request handler needs: the services, the launch token, and the port once it is bound. */
interface Host {
  services: Services;
  rendererDir: string;
  token: string;
  port: number;
  zeroCopy: boolean;
}

/** Everything but the shell needs the launch token. */
function needsToken(pathname: string): boolean {
  return pathname.startsWith('/api/') || isMediaPath(pathname) || pathname === '/ws';
}

/** The spaces of media-urls.ts on this host: items and streams, cached pictures, their thumbnails. */
function isMediaPath(pathname: string): boolean {
  return pathname.startsWith('/media/') || pathname.startsWith('/art/') || pathname.startsWith('/thumb/');
}

/** Routes one request (DESIGN.md §5): a foreign Host or Origin gets 403 everywhere, a missing token 401. */
async function route(host: Host, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (!isOwnRequest(req, host.port)) return sendText(res, 403, 'Forbidden: this address serves only its own page.');
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (needsToken(pathname) && !hasToken(req, host.token)) return sendText(res, 401, 'Unauthorized: open Glasswing from the address it printed.');
  if (pathname === '/api/session') return startSession(host, req, res);
  if (pathname.startsWith('/api/')) return serveCall(host, pathname.slice('/api/'.length), req, res);
  if (isMediaPath(pathname)) return serveMedia(host.services, pathname, req, res, host.zeroCopy);
  if (pathname === '/ws') return sendText(res, 426, 'Upgrade to WebSocket.');
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
  if (await serveStatic(host.rendererDir, pathname, res)) return;
  sendText(res, 404, 'Not found.');
}

/** `POST /api/session`: trades the token (from the URL's fragment) for an HttpOnly cookie media elements carry. */
function startSession(host: Host, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method !== 'POST') return sendText(res, 405, 'Use POST.');
  res.writeHead(204, { 'Set-Cookie': sessionCookie(host.token), 'Cache-Control': 'no-store' });
  res.end();
}

/** `POST /api/<method>` with a JSON body: one contract call. */
async function serveCall(host: Host, method: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
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
  const reply = await host.services.call(method, input);
  sendJson(res, reply.ok ? 200 : STATUS[reply.error.code], reply);
}

/** Upgrades `/ws` for our own page with the token; refuses everything else before any frame is read. */
function upgrade(host: Host, wss: WebSocketServer, req: http.IncomingMessage, socket: Duplex, head: Buffer, attach: (ws: WebSocket) => void): void {
  const refuse = (status: number, text: string) => {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };
  if (!isOwnRequest(req, host.port)) return refuse(403, 'Forbidden');
  if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/ws') return refuse(404, 'Not Found');
  if (!hasToken(req, host.token)) return refuse(401, 'Unauthorized');
  wss.handleUpgrade(req, socket, head, attach);
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * The loopback web host (DESIGN.md §5): the renderer shell at `/`, the contract at `/api/<method>` and `/ws`,
 * media by opaque id at `/media/<id>`. Binds 127.0.0.1 only; all but the shell need the launch token.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const host: Host = { services: opts.services, rendererDir: opts.rendererDir, token: opts.token ?? newToken(), port: opts.port ?? 0, zeroCopy: opts.zeroCopy ?? true };
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY });
  const sockets = new Set<WebSocket>();
  const server = http.createServer((req, res) => {
    for (const [k, v] of Object.entries(BASE_HEADERS)) res.setHeader(k, v);
    route(host, req, res).catch((err: unknown) => {
      console.error('[glasswing] web host request failed:', err);
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'Internal error.'));
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) =>
    upgrade(host, wss, req, socket, head, (ws) => {
      sockets.add(ws);
      serveContractSocket(ws, host.services, () => sockets.delete(ws));
    }),
  );
  host.port = await listen(server, host.port);

  return {
    port: host.port,
    token: host.token,
    url: `http://127.0.0.1:${host.port}/#token=${host.token}`,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
