import { parseArgs } from 'node:util';
import { z } from 'zod';

export const HELP = `Glasswing: a private media library and player.

Usage:
  glasswing serve [--port N] [--data-dir DIR] [--library DIR]... [--open] [--demo]
                  [--telemetry=off] [--telemetry-endpoint URL]
  glasswing scan DIR [--kind movies|shows|music|mixed] [--data-dir DIR] [--json]
  glasswing identify PATH... [--kind movies|shows|music|mixed] [--json]
  glasswing --telemetry-dump [--json]
  glasswing --help | --version

serve      Starts the loopback web host and prints the address to open (with a one-time token).
           --library adds a folder (kind guessed per file) and scans it; --demo generates a
           small demo library in the data directory when no folder is configured.
scan       Adds DIR to the library (if new), scans it and prints what was recognised.
identify   Prints how each PATH would be recognised (kind, title or series, year, season,
           episode, date, extra or not) as if it were in a folder of --kind (default mixed).
           Reads neither the files nor the index: run it when an item lands in the wrong place.
--telemetry-dump   Prints every event Glasswing could ever send, with its fields and buckets.
--telemetry=off    Forces telemetry off for this run (so do DO_NOT_TRACK=1 and GLASSWING_TELEMETRY=off).

Data directory: --data-dir, else $GLASSWING_DATA_DIR, else the OS's per-user data folder.
`;

const Port = z.coerce.number().int().min(0).max(65535);
const Endpoint = z
  .string()
  .url()
  .refine((u) => {
    const url = new URL(u);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
  }, 'the telemetry endpoint must be https, or http on loopback');

export type Command =
  | { cmd: 'help' }
  | { cmd: 'version' }
  | { cmd: 'telemetry-dump'; json: boolean }
  | {
      cmd: 'serve';
      port: number;
      dataDir: string | null;
      libraries: string[];
      open: boolean;
      demo: boolean;
      telemetryOff: boolean;
      telemetryEndpoint: string | null;
    }
  | { cmd: 'scan'; dir: string; kind: 'movies' | 'shows' | 'music' | 'mixed'; dataDir: string | null; json: boolean; telemetryOff: boolean }
  | { cmd: 'identify'; paths: string[]; kind: 'movies' | 'shows' | 'music' | 'mixed'; json: boolean };

export class UsageError extends Error {}

/** Parses argv (without node and script). Unknown flags and bad values throw UsageError. */
export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        json: { type: 'boolean' },
        'telemetry-dump': { type: 'boolean' },
        telemetry: { type: 'string' },
        'telemetry-endpoint': { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        library: { type: 'string', multiple: true },
        kind: { type: 'string' },
        open: { type: 'boolean' },
        demo: { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { cmd: 'help' };
  if (v.version) return { cmd: 'version' };
  if (v['telemetry-dump']) return { cmd: 'telemetry-dump', json: !!v.json };
  if (v.telemetry !== undefined && v.telemetry !== 'off') throw new UsageError(`--telemetry takes only "off", not "${v.telemetry}".`);
  const telemetryOff = v.telemetry === 'off';
  const [cmd, ...rest] = positionals;
  const dataDir = v['data-dir'] ?? null;
  if (cmd === 'serve') {
    if (rest.length) throw new UsageError(`serve takes no arguments, got "${rest.join(' ')}".`);
    const port = Port.safeParse(v.port ?? 0);
    if (!port.success) throw new UsageError(`--port must be a number from 0 to 65535, not "${v.port}".`);
    let endpoint: string | null = null;
    if (v['telemetry-endpoint'] !== undefined) {
      const e = Endpoint.safeParse(v['telemetry-endpoint']);
      if (!e.success) throw new UsageError(`--telemetry-endpoint: ${e.error.issues[0]?.message ?? 'invalid URL'}.`);
      endpoint = e.data;
    }
    return {
      cmd: 'serve',
      port: port.data,
      dataDir,
      libraries: v.library ?? [],
      open: !!v.open,
      demo: !!v.demo,
      telemetryOff,
      telemetryEndpoint: endpoint,
    };
  }
  if (cmd === 'scan') {
    if (rest.length !== 1 || !rest[0]) throw new UsageError('scan takes exactly one folder: glasswing scan DIR.');
    const kind = z.enum(['movies', 'shows', 'music', 'mixed']).safeParse(v.kind ?? 'mixed');
    if (!kind.success) throw new UsageError(`--kind must be movies, shows, music or mixed, not "${v.kind}".`);
    return { cmd: 'scan', dir: rest[0], kind: kind.data, dataDir, json: !!v.json, telemetryOff };
  }
  if (cmd === 'identify') {
    const paths = rest.filter((p) => p !== '');
    if (paths.length === 0) throw new UsageError('identify takes one or more paths: glasswing identify PATH...');
    const kind = z.enum(['movies', 'shows', 'music', 'mixed']).safeParse(v.kind ?? 'mixed');
    if (!kind.success) throw new UsageError(`--kind must be movies, shows, music or mixed, not "${v.kind}".`);
    return { cmd: 'identify', paths, kind: kind.data, json: !!v.json };
  }
  if (cmd === undefined) throw new UsageError('Missing command. Try "glasswing serve" or "glasswing --help".');
  throw new UsageError(`Unknown command "${cmd}". Try "glasswing --help".`);
}
