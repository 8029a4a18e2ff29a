import fs from 'node:fs';
import path from 'node:path';

/**
 * The app shell, for both hosts (the web host's `/`, Electron's `app:`): the renderer build's files and the
 * Content-Security-Policy they are served with. The shell holds no user data.
 */

/** The CSP per host; the renderer's meta tag says the same as the web one. Media come by id (media-urls.ts). */
export const SHELL_CSP = {
  web:
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; " +
    "connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  electron:
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: media:; media-src 'self' media: blob:; " +
    "connect-src 'self' media:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
} as const;

/** The renderer build, beside the compiled main code (`build/main` → `build/renderer`). */
export function rendererDir(): string {
  return path.resolve(import.meta.dirname, '..', '..', 'renderer');
}

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

/** Maps a URL path to a file of the renderer build; null for anything outside it, a directory, or a path that does not decode. */
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
