/**
 * HTTP Range (RFC 9110 §14) for media files. Pure: turns request headers and a file's size and mtime into a
 * response plan that either host (the web host's route, Electron's `media:` protocol) carries out.
 */

export interface ConditionalHeaders {
  range?: string | undefined;
  ifRange?: string | undefined;
  ifNoneMatch?: string | undefined;
  ifModifiedSince?: string | undefined;
}

export interface FileFacts {
  size: number;
  mtimeMs: number;
}

export type RangePlan =
  | { status: 200; start: number; end: number }
  | { status: 206; start: number; end: number }
  | { status: 304 }
  | { status: 416 };

/** Requests for more parts than this are refused; fewer are coalesced into one span. */
export const MAX_RANGE_PARTS = 16;

export function etagOf(file: FileFacts): string {
  return `"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
}

export function lastModifiedOf(file: FileFacts): string {
  return new Date(Math.floor(file.mtimeMs / 1000) * 1000).toUTCString();
}

/** Decides status and byte span; `end` is inclusive. */
export function planRange(file: FileFacts, headers: ConditionalHeaders): RangePlan {
  const etag = etagOf(file);
  if (headers.ifNoneMatch !== undefined) {
    const tags = headers.ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (tags.includes('*') || tags.includes(etag)) return { status: 304 };
  } else if (headers.ifModifiedSince !== undefined) {
    const since = Date.parse(headers.ifModifiedSince);
    if (!Number.isNaN(since) && Math.floor(file.mtimeMs / 1000) * 1000 <= since) return { status: 304 };
  }
  const whole = { status: 200 as const, start: 0, end: file.size - 1 };
  if (headers.range === undefined) return whole;
  if (headers.ifRange !== undefined && !ifRangeMatches(headers.ifRange, file)) return whole;
  const parts = parseRange(headers.range, file.size);
  if (parts === 'ignore') return whole;
  if (parts === 'unsatisfiable' || parts.length > MAX_RANGE_PARTS) return { status: 416 };
  const start = Math.min(...parts.map((p) => p.start));
  const end = Math.max(...parts.map((p) => p.end));
  return { status: 206, start, end };
}

function ifRangeMatches(ifRange: string, file: FileFacts): boolean {
  if (ifRange.startsWith('"') || ifRange.startsWith('W/')) return ifRange === etagOf(file);
  const date = Date.parse(ifRange);
  return !Number.isNaN(date) && Math.floor(file.mtimeMs / 1000) * 1000 === date;
}

/**
 * Parses `bytes=a-b, c-, -n`. A header that is not a bytes range is ignored (200), as RFC 9110 allows;
 * one whose every part lies past the end is unsatisfiable (416).
 */
export function parseRange(header: string, size: number): { start: number; end: number }[] | 'ignore' | 'unsatisfiable' {
  const match = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!match?.[1]) return 'ignore';
  const specs = match[1].split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (specs.length === 0 || specs.length > 100) return specs.length > 100 ? 'unsatisfiable' : 'ignore';
  const parts: { start: number; end: number }[] = [];
  for (const spec of specs) {
    const m = /^(\d*)-(\d*)$/.exec(spec);
    if (!m || (m[1] === '' && m[2] === '')) return 'ignore';
    const [first, last] = [m[1] ?? '', m[2] ?? ''];
    if (first === '') {
      const suffix = Number(last);
      if (suffix === 0 || size === 0) continue;
      parts.push({ start: Math.max(0, size - suffix), end: size - 1 });
      continue;
    }
    const start = Number(first);
    const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
    if (last !== '' && Number(last) < start) return 'ignore';
    if (start >= size) continue;
    parts.push({ start, end });
  }
  return parts.length === 0 ? 'unsatisfiable' : parts;
}
