import { ART_CONTENT_TYPE, ART_ID, findArt } from './artwork-cache.js';
import { RETRY_AFTER_MS, THUMB_WIDTH, type Thumbnails } from './thumbnails.js';

/** A host-neutral answer to a request for a cached picture or its thumbnail; both hosts turn it into their response. */
export interface ArtResponse {
  /** 422: a thumbnail of a picture ffmpeg cannot read; 503: ffmpeg missing or too slow, for now. */
  status: 200 | 304 | 404 | 405 | 422 | 503;
  headers: Record<string, string>;
  /** The file to send whole, for a 200 to GET. */
  body: { path: string; size: number } | null;
}

/** A year: the id is the picture's hash, so the bytes behind a URL can never change. */
const CACHE_CONTROL = 'private, max-age=31536000, immutable';
const PLAIN = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };

function matches(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  const header = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch;
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

const isRead = (method: string): boolean => method === 'GET' || method === 'HEAD';
const notAllowed = (): ArtResponse => ({ status: 405, headers: { ...PLAIN, Allow: 'GET, HEAD' }, body: null });
/** An answer that is not a picture, never cached: the picture may be there (or readable) later. */
const noPicture = (status: 404 | 422 | 503, extra: Record<string, string> = {}): ArtResponse => ({ status, headers: { ...PLAIN, 'Cache-Control': 'no-store', ...extra }, body: null });

/** A picture file that exists: 304 to a matching If-None-Match, else 200 with the file for a GET. */
function pictureFile(found: { file: string; size: number }, etag: string, contentType: string, method: string, ifNoneMatch?: string | string[]): ArtResponse {
  const common = { ETag: etag, 'Cache-Control': CACHE_CONTROL, 'X-Content-Type-Options': 'nosniff' };
  if (matches(ifNoneMatch, etag)) return { status: 304, headers: common, body: null };
  const headers = { ...common, 'Content-Type': contentType, 'Content-Length': String(found.size) };
  return { status: 200, headers, body: method === 'GET' ? { path: found.file, size: found.size } : null };
}

/**
 * Answers `GET /art/<id>`: the id must be a bare SHA-256 (anything path-like is simply not found), the type
 * comes from the file's own first bytes (JPEG, PNG or WebP only), and the answer is cacheable for good.
 */
export function artResponse(dir: string, artId: string, method: string, ifNoneMatch?: string | string[]): ArtResponse {
  if (!isRead(method)) return notAllowed();
  const found = ART_ID.test(artId) ? findArt(dir, artId) : null;
  if (!found) return noPicture(404);
  return pictureFile(found, `"${artId}"`, ART_CONTENT_TYPE[found.type], method, ifNoneMatch);
}

/**
 * Answers `GET /thumb/<id>` as `artResponse` answers for the picture, making the thumbnail on the first
 * request for it. Its ETag names the size too, as the bytes are the picture's at that size.
 */
export async function thumbResponse(thumbs: Thumbnails, artId: string, method: string, ifNoneMatch?: string | string[]): Promise<ArtResponse> {
  // Checked first, so a request that cannot be answered with a picture never starts ffmpeg.
  if (!isRead(method)) return notAllowed();
  const outcome = await thumbs.thumbnail(artId);
  switch (outcome.kind) {
    case 'missing':
      return noPicture(404);
    case 'unreadable':
      return noPicture(422);
    case 'unavailable':
      return noPicture(503, { 'Retry-After': String(RETRY_AFTER_MS / 1000) });
    case 'ready':
      return pictureFile(outcome, `"${artId}-${THUMB_WIDTH}"`, 'image/jpeg', method, ifNoneMatch);
  }
}
