import fs from 'node:fs';
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { parseMediaUrl, type StreamKind } from '../media-urls.js';
import type { Services } from '../services.js';
import { sendText } from './replies.js';
import { sendSpan } from './send-span.js';

/**
 * `/media/…`, `/art/…` and `/thumb/…` by the grammar of media-urls.ts: an item's file by opaque id (Range,
 * sendfile), a session's HLS and subtitle files, a cached picture or its thumbnail by content id. Never a
 * path from the URL.
 */
export async function serveMedia(services: Services, pathname: string, req: http.IncomingMessage, res: http.ServerResponse, zeroCopy: boolean): Promise<void> {
  const route = parseMediaUrl('web', pathname);
  // Pictures answer their own 405 (with Allow), as the Electron host's do.
  const isPicture = route?.kind === 'art' || route?.kind === 'thumb';
  if (!isPicture && req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
  if (!route) return sendText(res, 404, 'Not found.');
  switch (route.kind) {
    case 'item':
      return serveItem(services, route.itemId, req, res, zeroCopy);
    case 'art':
    case 'thumb':
      return servePicture(services, route.kind, route.artId, req, res);
    case 'hls':
    case 'subs':
      return serveStream(services, route.kind, route.sessionId, route.file, req, res);
  }
}

async function serveItem(services: Services, itemId: string, req: http.IncomingMessage, res: http.ServerResponse, zeroCopy: boolean): Promise<void> {
  const h = req.headers;
  const out = services.media(itemId, req.method ?? 'GET', {
    range: h.range,
    ifRange: Array.isArray(h['if-range']) ? h['if-range'][0] : h['if-range'],
    ifNoneMatch: h['if-none-match'],
    ifModifiedSince: h['if-modified-since'],
  });
  res.writeHead(out.status, out.headers);
  if (!out.body) return void res.end();
  // A client that seeks aborts the response; that is normal, not an error worth logging.
  await sendSpan(res, out.body.path, out.body.start, out.body.end, { zeroCopy }).catch(() => res.destroy());
}

/**
 * Posters and covers, or their thumbnails, by content id (see `artResponse`, `thumbResponse`): the id is
 * the whole path, never a file name.
 */
async function servePicture(services: Services, kind: 'art' | 'thumb', artId: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const inm = req.headers['if-none-match'];
  const out = kind === 'art' ? services.art(artId, method, inm) : await services.thumb(artId, method, inm);
  res.writeHead(out.status, out.headers);
  if (!out.body) return void res.end();
  await pipeline(fs.createReadStream(out.body.path), res).catch(() => res.destroy());
}

/** HLS playlists and segments, WebVTT subtitles: by session id and a file name of a fixed shape, never a path. */
async function serveStream(services: Services, kind: StreamKind, sessionId: string, file: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
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
