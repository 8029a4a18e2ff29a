import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { SHELL_CSP, shellFile } from '../hosting/app-shell.js';

/** Serves the renderer build: the app shell and its assets, which hold no user data. */
export async function serveStatic(rendererDir: string, urlPath: string, res: ServerResponse): Promise<boolean> {
  const found = shellFile(rendererDir, urlPath);
  if (!found) return false;
  res.writeHead(200, {
    'Content-Type': found.type,
    'Content-Length': found.size,
    'Cache-Control': found.isIndex ? 'no-cache' : 'public, max-age=31536000, immutable',
    'Content-Security-Policy': SHELL_CSP.web,
  });
  await pipeline(fs.createReadStream(found.file), res);
  return true;
}
