/**
 * The one grammar of media URLs: how each host addresses an item's file, a session's HLS and subtitle files,
 * and a cached picture, both ways (format for the renderer, parse for the request handlers). Every part is
 * an opaque id or a file name of a fixed shape, never a path, so a URL cannot name anything else on disk.
 *
 *   web host                               Electron host
 *   /media/<item id>                       media://item/<item id>
 *   /media/hls/<session>/<hls file>        media://hls/<session>/<hls file>
 *   /media/subs/<session>/<n>.vtt          media://subs/<session>/<n>.vtt
 *   /art/<sha256>                          media://art/<sha256>
 *   /thumb/<sha256>                        media://thumb/<sha256>
 *
 * A thumbnail shares its picture's id: it is that picture scaled for grids, made once and cached.
 */

export type MediaHost = 'web' | 'electron';

export type StreamKind = 'hls' | 'subs';

/** What a media URL asks for. */
export type MediaRoute =
  | { kind: 'item'; itemId: string }
  | { kind: 'art' | 'thumb'; artId: string }
  | { kind: StreamKind; sessionId: string; file: string };

export interface MediaUrls {
  media(itemId: string): string;
  stream(kind: StreamKind, sessionId: string, file: string): string;
  art(artId: string): string;
  /** The grid-sized picture of a cached picture: never the full-size one. */
  thumb(artId: string): string;
}

/** Item ids are 22 base64url characters (`library/ids.ts`); a little room is left, nothing path-like. */
const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Cached pictures are named by the SHA-256 of their bytes. */
const ART_ID = /^[0-9a-f]{64}$/;
/** Playback sessions are random UUIDs. */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The files a session serves: its playlist, init segment and media segments; its subtitle tracks. */
const STREAM_FILE: Record<StreamKind, RegExp> = {
  hls: /^(index\.m3u8|init\.mp4|\d{1,6}\.m4s)$/,
  subs: /^\d{1,2}\.vtt$/,
};

export function mediaUrls(host: MediaHost): MediaUrls {
  if (host === 'electron') {
    return {
      media: (itemId) => `media://item/${itemId}`,
      stream: (kind, sessionId, file) => `media://${kind}/${sessionId}/${file}`,
      art: (artId) => `media://art/${artId}`,
      thumb: (artId) => `media://thumb/${artId}`,
    };
  }
  return {
    media: (itemId) => `/media/${itemId}`,
    stream: (kind, sessionId, file) => `/media/${kind}/${sessionId}/${file}`,
    art: (artId) => `/art/${artId}`,
    thumb: (artId) => `/thumb/${artId}`,
  };
}

/**
 * What a request asks for, or null for anything outside the grammar. The web host passes the URL's
 * path (`/media/…`, `/art/…`, `/thumb/…`), the Electron host the whole `media:` URL.
 */
export function parseMediaUrl(host: MediaHost, url: string): MediaRoute | null {
  const parts = host === 'electron' ? electronParts(url) : webParts(url);
  if (!parts) return null;
  const [space, ...rest] = parts;
  if (space === 'item' && rest.length === 1 && ITEM_ID.test(rest[0]!)) return { kind: 'item', itemId: rest[0]! };
  if ((space === 'art' || space === 'thumb') && rest.length === 1 && ART_ID.test(rest[0]!)) return { kind: space, artId: rest[0]! };
  if ((space === 'hls' || space === 'subs') && rest.length === 2) {
    const [sessionId, file] = rest as [string, string];
    if (SESSION_ID.test(sessionId) && STREAM_FILE[space].test(file)) return { kind: space, sessionId, file };
  }
  return null;
}

/** `/media/<id>` → item; `/media/hls|subs/…` → stream; `/art/<id>` → art; `/thumb/<id>` → thumb. */
function webParts(pathname: string): string[] | null {
  const segments = pathname.split('/').slice(1);
  if (segments[0] === 'art' || segments[0] === 'thumb') return segments;
  if (segments[0] !== 'media') return null;
  const rest = segments.slice(1);
  return rest[0] === 'hls' || rest[0] === 'subs' ? rest : ['item', ...rest];
}

/** `media://<space>/<…>`: the URL's host names the space. */
function electronParts(url: string): string[] | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'media:' || parsed.search || parsed.hash) return null;
  return [parsed.host, ...parsed.pathname.split('/').slice(1)];
}
