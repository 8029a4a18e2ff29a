import fs from 'node:fs';
import { Readable } from 'node:stream';
import { SHELL_CSP, shellFile } from '../hosting/app-shell.js';
import { parseMediaUrl } from '../media-urls.js';
import type { Services } from '../services.js';

/**
 * The desktop app's `app:` and `media:` schemes as Fetch-style functions (`Request → Response`). Nothing here
 * imports Electron, so they run and are tested in plain Node; `protocols.ts` only registers them.
 */

const NOT_FOUND = (): Response => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

function fileBody(file: string, span?: { start: number; end: number }): ReadableStream {
  return Readable.toWeb(fs.createReadStream(file, { ...span, highWaterMark: 1024 * 1024 })) as ReadableStream;
}

/** `app://glasswing/…`: the renderer build (never `file:`), with the shell's CSP. */
export function appProtocolHandler(rendererDir: string): (request: Request) => Response {
  return (request) => {
    const url = new URL(request.url);
    const found = url.host === 'glasswing' ? shellFile(rendererDir, url.pathname) : null;
    if (!found) return NOT_FOUND();
    return new Response(fileBody(found.file), { headers: { 'Content-Type': found.type, 'Content-Security-Policy': SHELL_CSP.electron } });
  };
}

/** `media://…` by the grammar of media-urls.ts: an item's file by id, a session's stream files, a cached picture and its thumbnail. */
export function mediaProtocolHandler(services: Services): (request: Request) => Promise<Response> {
  return async (request) => {
    const route = parseMediaUrl('electron', request.url);
    if (!route) return NOT_FOUND();
    const h = request.headers;
    switch (route.kind) {
      case 'item': {
        const out = services.media(route.itemId, request.method, {
          range: h.get('range') ?? undefined,
          ifRange: h.get('if-range') ?? undefined,
          ifNoneMatch: h.get('if-none-match') ?? undefined,
          ifModifiedSince: h.get('if-modified-since') ?? undefined,
        });
        return new Response(out.body ? fileBody(out.body.path, { start: out.body.start, end: out.body.end }) : null, { status: out.status, headers: out.headers });
      }
      case 'art':
      case 'thumb': {
        const inm = h.get('if-none-match') ?? undefined;
        const out = route.kind === 'art' ? services.art(route.artId, request.method, inm) : await services.thumb(route.artId, request.method, inm);
        return new Response(out.body ? fileBody(out.body.path) : null, { status: out.status, headers: out.headers });
      }
      case 'hls':
      case 'subs': {
        const out = route.kind === 'hls' ? await services.playback.hls(route.sessionId, route.file) : await services.playback.subtitle(route.sessionId, route.file);
        if (out.status !== 200) return new Response(out.message, { status: out.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
        const headers = { 'Content-Type': out.contentType, 'Cache-Control': 'no-store' };
        return new Response('text' in out ? out.text : fileBody(out.path), { headers });
      }
    }
  };
}
