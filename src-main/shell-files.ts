import fs from 'node:fs';
import path from 'node:path';

/** Content types of the files a renderer build holds. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * Maps a URL path to a file of the renderer build, for both hosts (the web host's `/`, Electron's `app:`).
 * Returns null for anything outside the build folder, a directory, or a path that does not decode.
 */
export function shellFile(rendererDir: string, urlPath: string): { file: string; size: number; type: string; isIndex: boolean } | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return null;
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, '.' + rel);
  if (!file.startsWith(root + path.sep)) return null;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  return { file, size: stat.size, type: TYPES[path.extname(file)] ?? 'application/octet-stream', isIndex: rel === '/index.html' };
}
