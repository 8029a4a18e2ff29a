/** Our app as the benchmark runs it: real services, a real library scan, the web host on loopback. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createServices, type Services } from '../../src-main/services.js';
import { startWebHost, type WebHost } from '../../src-main/web/server.js';
import { LIBRARY, RANGE_FILE, request, SOURCES, type Got, type SourceKey } from './common.js';
import { onCleanup } from './procs.js';

export interface App {
  services: Services;
  host: WebHost;
  ids: Record<SourceKey | 'range', string>;
  api<T>(method: string, input: unknown): Promise<T>;
  get(urlPath: string): Promise<Got>;
}

export async function startApp(runDir: string, opts: { zeroCopy: boolean } = { zeroCopy: true }): Promise<App> {
  const renderer = path.join(runDir, 'renderer');
  fs.mkdirSync(renderer, { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Glasswing</title>');
  const services = createServices({
    dataDir: path.join(runDir, 'data'),
    host: 'web',
    appVersion: '0.1.0',
    telemetry: { endpoint: null, cliOff: true, env: {}, policyPath: null, fetch: () => Promise.reject(new Error('the benchmark never uploads')) },
  });
  onCleanup(() => services.close());
  services.library.addFolder(LIBRARY, 'movies');
  await services.library.scan();
  const movies = services.library.snapshot().movies;
  const idOf = (title: string): string => {
    const m = movies.find((x) => x.title === title);
    if (!m) throw new Error(`the library scan did not find “${title}” (found: ${movies.map((x) => x.title).join(', ') || 'nothing'})`);
    return m.id;
  };
  const token = crypto.randomBytes(32).toString('base64url');
  const host = await startWebHost({ services, rendererDir: renderer, port: 0, token, zeroCopy: opts.zeroCopy });
  onCleanup(() => host.close());
  const auth = { authorization: `Bearer ${token}` };
  return {
    services,
    host,
    ids: { h264: idOf(SOURCES.h264.title), hevc: idOf(SOURCES.hevc.title), range: idOf(RANGE_FILE.title) },
    async api<T>(method: string, input: unknown): Promise<T> {
      const res = await request(host.port, 'POST', `/api/${method}`, { ...auth, 'content-type': 'application/json' }, JSON.stringify(input));
      const reply = JSON.parse(res.body.toString('utf8')) as { ok: true; value: T } | { ok: false; error: { message: string } };
      if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
      return reply.value;
    },
    get: (urlPath) => request(host.port, 'GET', urlPath, auth),
  };
}
