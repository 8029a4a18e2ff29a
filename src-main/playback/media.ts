import fs from 'node:fs';
import path from 'node:path';
import type { MediaFacts } from '../ports.js';
import { etagOf, lastModifiedOf, planRange, type ConditionalHeaders } from './range.js';

/** What playback needs to know about an item; the library provides it (services.ts wires the two). */
export interface PlayableFile extends MediaFacts {
  id: string;
  kind: 'movie' | 'episode' | 'track';
  title: string;
  path: string;
  folderRoot: string;
  mime: string;
  /** A movie split over files: every part's path in order (`path` is the first), summed in `durationSec`. */
  parts?: readonly string[] | null;
}

export type ResolveItem = (itemId: string) => PlayableFile | null;

/** A media response for either host to carry out: headers plus an optional byte span of a file. */
export interface MediaResponse {
  status: 200 | 206 | 304 | 404 | 416;
  headers: Record<string, string>;
  body: { path: string; start: number; end: number } | null;
}

/** The item's file after `realpath`, if it still lies inside its library folder; null otherwise. */
export function realFile(item: PlayableFile): { path: string; stat: fs.Stats } | null {
  try {
    // realpath(3) itself: one system call each, where node's own realpathSync lstat()s every component.
    const real = fs.realpathSync.native(item.path);
    const root = fs.realpathSync.native(item.folderRoot);
    const stat = fs.statSync(real);
    const inside = real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
    return inside && stat.isFile() ? { path: real, stat } : null;
  } catch {
    return null;
  }
}

const NOT_FOUND: MediaResponse = { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: null };

/**
 * Serves an item by id. Important: every request re-resolves the file with `realpath` and checks that it
 * still lies inside its library folder, so a symlink swapped in after the scan cannot leak another file.
 */
export function mediaResponse(resolve: ResolveItem, itemId: string, method: string, headers: ConditionalHeaders): MediaResponse {
  const item = resolve(itemId);
  if (!item) return NOT_FOUND;
  const file = realFile(item);
  if (!file) return NOT_FOUND;
  const { path: real, stat } = file;

  const facts = { size: stat.size, mtimeMs: stat.mtimeMs };
  const common: Record<string, string> = {
    'Accept-Ranges': 'bytes',
    ETag: etagOf(facts),
    'Last-Modified': lastModifiedOf(facts),
    'Cache-Control': 'private, no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  const plan = planRange(facts, headers);
  switch (plan.status) {
    case 304:
      return { status: 304, headers: common, body: null };
    case 416:
      return { status: 416, headers: { ...common, 'Content-Range': `bytes */${stat.size}` }, body: null };
    case 200:
    case 206: {
      const length = stat.size === 0 ? 0 : plan.end - plan.start + 1;
      const out: Record<string, string> = { ...common, 'Content-Type': item.mime, 'Content-Length': String(length) };
      if (plan.status === 206) out['Content-Range'] = `bytes ${plan.start}-${plan.end}/${stat.size}`;
      const body = method === 'HEAD' || length === 0 ? null : { path: real, start: plan.start, end: plan.end };
      return { status: plan.status, headers: out, body };
    }
  }
}
