/**
 * The app's main side for `bench/ui.ts`, in a process of its own so its RSS and event loop are measured
 * apart from the bench (the built main, under plain node): the real services and web host on an existing data directory, with no scan at
 * start (the CLI's `serve` rescans, which would empty an index built without files). Talks over IPC:
 * `{ cmd: 'scan', dir }` adds a folder and scans it while the event-loop delay is sampled; `{ cmd: 'rss' }`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Services from '../../src-main/services.js';
import type * as WebServer from '../../src-main/web/server.js';

const [dataDir, buildDir] = process.argv.slice(2) as [string, string];
// The built main process (`npm run build`), as the app runs it: this file is compiled and run by plain
// node (see bench/ui.ts), so neither tsx nor TypeScript sources weigh on the RSS measured here.
const built = (file: string) => pathToFileURL(path.join(buildDir, 'main', file)).href;
const { createServices } = (await import(built('services.js'))) as typeof Services;
const { startWebHost } = (await import(built('web/server.js'))) as typeof WebServer;
const rendererDir = path.join(buildDir, 'renderer');
const services = createServices({
  dataDir,
  host: 'web',
  appVersion: '0.1.0',
  telemetry: { endpoint: null, cliOff: true, env: {}, policyPath: null, fetch: () => Promise.reject(new Error('the bench never uploads')) },
});
const host = await startWebHost({ services, rendererDir });

/** Peak resident memory of this process (VmHWM), in bytes. */
function peakRss(): number {
  const line = fs.readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return line ? Number(line.replace(/\D+/g, '')) * 1024 : process.memoryUsage().rss;
}

async function scanWhileSampling(dir: string): Promise<{ p99Ms: number; maxMs: number; files: number; seconds: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const started = performance.now();
  delay.enable();
  const folder = services.library.addFolder(dir, 'movies');
  const reply = await services.call('library.scan', { folderId: folder.id });
  delay.disable();
  if (!reply.ok) throw new Error(reply.error.message);
  const summary = reply.value as { added: number };
  return { p99Ms: delay.percentile(99) / 1e6, maxMs: delay.max / 1e6, files: summary.added, seconds: (performance.now() - started) / 1000 };
}

process.on('message', (raw) => {
  const message = raw as { cmd: 'scan'; dir: string } | { cmd: 'rss' } | { cmd: 'stop' };
  if (message.cmd === 'rss') process.send?.({ rss: process.memoryUsage().rss, peakRss: peakRss() });
  if (message.cmd === 'scan') void scanWhileSampling(message.dir).then((r) => process.send?.(r), (e: unknown) => process.send?.({ error: String(e) }));
  if (message.cmd === 'stop') void host.close().then(() => services.close()).then(() => process.exit(0));
});
process.send?.({ url: host.url });
