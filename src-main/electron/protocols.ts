import fs from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { Services } from '../services.js';
import { shellFile } from '../shell-files.js';
import { SHELL_CSP_ELECTRON } from './security.js';

/** Must run before `app.ready`: the schemes our renderer and media come from. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: 'media', privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
  ]);
}

/**
 * `app://glasswing/…` serves the renderer build (never `file:`); `media://item/<id>` serves media by id and
 * `media://art/<sha256>` cached pictures by content id.
 */
export function handleProtocols(services: Services, rendererDir: string): void {
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    const found = url.host === 'glasswing' ? shellFile(rendererDir, url.pathname) : null;
    if (!found) return new Response('Not found', { status: 404 });
    return new Response(Readable.toWeb(fs.createReadStream(found.file)) as ReadableStream, {
      headers: { 'Content-Type': found.type, 'Content-Security-Policy': SHELL_CSP_ELECTRON },
    });
  });
  protocol.handle('media', async (request) => {
    const url = new URL(request.url);
    if (url.host === 'hls' || url.host === 'subs') return streamResponse(services, url.host, url.pathname);
    if (url.host === 'art') return artResponse(services, url.pathname.slice(1), request);
    if (url.host !== 'item') return new Response('Not found', { status: 404 });
    const h = request.headers;
    const out = services.media(url.pathname.slice(1), request.method, {
      range: h.get('range') ?? undefined,
      ifRange: h.get('if-range') ?? undefined,
      ifNoneMatch: h.get('if-none-match') ?? undefined,
      ifModifiedSince: h.get('if-modified-since') ?? undefined,
    });
    const body = out.body
      ? (Readable.toWeb(fs.createReadStream(out.body.path, { start: out.body.start, end: out.body.end, highWaterMark: 1024 * 1024 })) as ReadableStream)
      : null;
    return new Response(body, { status: out.status, headers: out.headers });
  });
}

/** `media://art/<sha256>`: a cached poster or cover by content id (see `Services.art`). */
function artResponse(services: Services, artId: string, request: Request): Response {
  const out = services.art(artId, request.method, request.headers.get('if-none-match') ?? undefined);
  const body = out.body ? (Readable.toWeb(fs.createReadStream(out.body.path)) as ReadableStream) : null;
  return new Response(body, { status: out.status, headers: out.headers });
}

/** `media://hls/<session>/<file>` and `media://subs/<session>/<n>.vtt`: session id and file name of a fixed shape only. */
const STREAM_PATH = /^\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/(index\.m3u8|init\.mp4|\d{1,6}\.m4s|\d{1,2}\.vtt)$/;

async function streamResponse(services: Services, kind: 'hls' | 'subs', pathname: string): Promise<Response> {
  const m = STREAM_PATH.exec(pathname);
  if (!m) return new Response('Not found', { status: 404 });
  const [, sessionId = '', file = ''] = m;
  const out = kind === 'hls' ? await services.playback.hls(sessionId, file) : await services.playback.subtitle(sessionId, file);
  if (out.status !== 200) return new Response(out.message, { status: out.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const headers = { 'Content-Type': out.contentType, 'Cache-Control': 'no-store' };
  if ('text' in out) return new Response(out.text, { headers });
  return new Response(Readable.toWeb(fs.createReadStream(out.path, { highWaterMark: 1024 * 1024 })) as ReadableStream, { headers });
}
