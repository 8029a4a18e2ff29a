import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { Services } from '../services.js';
import { SHELL_CSP_ELECTRON } from './security.js';

/** Must run before `app.ready`: the schemes our renderer and media come from. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: 'media', privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
  ]);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** `app://glasswing/…` serves the renderer build (never `file:`); `media://item/<id>` serves media by id. */
export function handleProtocols(services: Services, rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    if (url.host !== 'glasswing') return new Response('Not found', { status: 404 });
    const rel = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = path.resolve(root, '.' + rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
    return new Response(Readable.toWeb(fs.createReadStream(file)) as ReadableStream, {
      headers: { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': SHELL_CSP_ELECTRON },
    });
  });
  protocol.handle('media', (request) => {
    const url = new URL(request.url);
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
