import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { shellFile } from '../shell-files.js';

/** The CSP the shell is served with; the renderer's meta tag says the same. */
export const SHELL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; " +
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Serves the renderer build: the app shell and its assets, which hold no user data. */
export async function serveStatic(rendererDir: string, urlPath: string, res: ServerResponse): Promise<boolean> {
  const found = shellFile(rendererDir, urlPath);
  if (!found) return false;
  res.writeHead(200, {
    'Content-Type': found.type,
    'Content-Length': found.size,
    'Cache-Control': found.isIndex ? 'no-cache' : 'public, max-age=31536000, immutable',
    'Content-Security-Policy': SHELL_CSP,
  });
  await pipeline(fs.createReadStream(found.file), res);
  return true;
}
