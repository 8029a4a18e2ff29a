import { ART_CONTENT_TYPE, ART_ID, findArt } from './artwork-cache.js';

/** A host-neutral answer to a request for a cached picture; both hosts turn it into their response. */
export interface ArtResponse {
  status: 200 | 304 | 404 | 405;
  headers: Record<string, string>;
  /** The file to send whole, for a 200 to GET. */
  body: { path: string; size: number } | null;
}

/** A year: the id is the picture's hash, so the bytes behind a URL can never change. */
const CACHE_CONTROL = 'private, max-age=31536000, immutable';

function matches(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  const header = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch;
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * Answers `GET /art/<id>`: the id must be a bare SHA-256 (anything path-like is simply not found), the type
 * comes from the file's own first bytes (JPEG, PNG or WebP only), and the answer is cacheable for good.
 */
export function artResponse(dir: string, artId: string, method: string, ifNoneMatch?: string | string[]): ArtResponse {
  const plain = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { ...plain, Allow: 'GET, HEAD' }, body: null };
  const found = ART_ID.test(artId) ? findArt(dir, artId) : null;
  if (!found) return { status: 404, headers: { ...plain, 'Cache-Control': 'no-store' }, body: null };
  const etag = `"${artId}"`;
  const common = { ETag: etag, 'Cache-Control': CACHE_CONTROL, 'X-Content-Type-Options': 'nosniff' };
  if (matches(ifNoneMatch, etag)) return { status: 304, headers: common, body: null };
  const headers = { ...common, 'Content-Type': ART_CONTENT_TYPE[found.type], 'Content-Length': String(found.size) };
  return { status: 200, headers, body: method === 'GET' ? { path: found.file, size: found.size } : null };
}
