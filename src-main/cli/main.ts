import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/index.js';
import { HELP, parseCommand, UsageError, type Command } from './args.js';
import { rendererDir } from '../hosting/app-shell.js';
import { defaultDataDir } from '../hosting/data-dir.js';
import { appVersion } from '../hosting/version.js';
import { catalogDump, createServices, formatIdentification, generateDemoLibrary, identifyPath, telemetryFromEnvironment, type Services } from '../services.js';
import { startWebHost } from '../web/server.js';
import { zeroCopyUnavailableReason } from '../web/zero-copy.js';

type ServeCommand = Extract<Command, { cmd: 'serve' }>;

/** Runs the `glasswing` command line; resolves to the process exit code (serve resolves only on signal). */
export async function main(argv: string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`glasswing: ${err.message}\nRun "glasswing --help" for usage.\n`);
    return 2;
  }
  try {
    switch (command.cmd) {
      case 'help':
        process.stdout.write(HELP);
        return 0;
      case 'version':
        process.stdout.write(`${appVersion}\n`);
        return 0;
      case 'telemetry-dump':
        process.stdout.write(catalogDump({ json: command.json }) + '\n');
        return 0;
      case 'scan':
        return await scan(command);
      case 'identify':
        return identify(command);
      case 'serve':
        return await serve(command);
    }
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`glasswing: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

function services(dataDir: string | null, telemetryOff: boolean, endpoint: string | null): Services {
  return createServices({
    dataDir: dataDir ? path.resolve(dataDir) : defaultDataDir(),
    host: 'web',
    appVersion,
    telemetry: telemetryFromEnvironment(process.env, { cliOff: telemetryOff, endpoint }),
  });
}

async function scan(cmd: Extract<Command, { cmd: 'scan' }>): Promise<number> {
  const s = services(cmd.dataDir, cmd.telemetryOff, null);
  try {
    let dir: string;
    try {
      dir = fs.realpathSync(path.resolve(cmd.dir));
    } catch {
      throw new AppError('not-found', `No such folder: ${cmd.dir}`);
    }
    const folder = s.library.listFolders().find((f) => s.library.folderPath(f.id) === dir) ?? s.library.addFolder(dir, cmd.kind);
    const summary = await s.api['library.scan']({ folderId: folder.id });
    if (cmd.json) {
      // The whole library, for scripts: main-side only, never a reply to a window.
      process.stdout.write(JSON.stringify({ summary, library: s.library.snapshot() }, null, 2) + '\n');
    } else {
      const counts = s.library.counts();
      process.stdout.write(
        `Scanned ${folder.name}: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.removed} removed.\n` +
          `${counts.movies} movies, ${counts.shows} shows, ${counts.albums} albums.\n`,
      );
      for (const f of summary.failed) process.stdout.write(`  could not read ${f.name}: ${f.reason}\n`);
      const unnamed = summary.failedCount - summary.failed.length;
      if (unnamed > 0) process.stdout.write(`  … and ${unnamed} more that could not be read (Settings → Library lists them all).\n`);
    }
    return 0;
  } finally {
    await s.close();
  }
}

/** Prints how each path would be recognised; touches neither the files nor the index. */
function identify(cmd: Extract<Command, { cmd: 'identify' }>): number {
  const results = cmd.paths.map((p) => identifyPath(p, cmd.kind));
  if (cmd.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else process.stdout.write(results.map(formatIdentification).join('\n\n') + '\n');
  return 0;
}

async function serve(cmd: ServeCommand): Promise<number> {
  const dataDir = cmd.dataDir ? path.resolve(cmd.dataDir) : defaultDataDir();
  const s = services(dataDir, cmd.telemetryOff, cmd.telemetryEndpoint);
  const host = await startWebHost({ services: s, rendererDir: rendererDir(), port: cmd.port });
  process.stdout.write(`Glasswing is running at ${host.url}\n`);
  // Only where sendfile is expected: elsewhere the buffered path is the design, not a fault.
  const noZeroCopy = zeroCopyUnavailableReason();
  if (noZeroCopy && process.platform === 'linux') process.stderr.write(`glasswing: media is served without sendfile (slower): ${noZeroCopy}\n`);
  if (cmd.open) openBrowser(host.url);

  const ready = prepareLibrary(s, dataDir, cmd).catch((err: unknown) => {
    process.stderr.write(`glasswing: ${err instanceof AppError ? err.message : String(err)}\n`);
  });

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await ready;
  await host.close();
  await s.close();
  return 0;
}

/** Adds the folders given on the command line, or the demo library on a first run, then scans. */
async function prepareLibrary(s: Services, dataDir: string, cmd: ServeCommand): Promise<void> {
  for (const dir of cmd.libraries) {
    try {
      s.library.addFolder(path.resolve(dir), 'mixed');
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    }
  }
  if (cmd.demo && s.library.listFolders().length === 0) {
    const demo = path.join(dataDir, 'demo-library');
    process.stdout.write('No library folder yet: generating a demo library with ffmpeg…\n');
    await generateDemoLibrary(demo);
    s.library.addFolder(path.join(demo, 'Movies'), 'movies');
    s.library.addFolder(path.join(demo, 'Shows'), 'shows');
    s.library.addFolder(path.join(demo, 'Music'), 'music');
  }
  if (s.library.listFolders().length > 0) {
    const reply = await s.call('library.scan', {});
    if (!reply.ok) process.stderr.write(`glasswing: scan failed: ${reply.error.message}\n`);
  }
}

function openBrowser(url: string): void {
  const [bin, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(bin, args, { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`glasswing: could not open a browser; open ${url} yourself.\n`));
  child.unref();
}
