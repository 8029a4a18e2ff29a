import fs from 'node:fs';
import type { ConsentSource } from '../contract/index.js';

/**
 * Where an administrator puts the policy file, per OS. The file is JSON; `{"telemetry":"off"}` forces
 * telemetry off for every user of the machine. These paths are only writable by administrators.
 *
 * - Windows: C:\ProgramData\Glasswing\policy.json
 * - macOS:   /Library/Application Support/Glasswing/policy.json
 * - Linux and others: /etc/glasswing/policy.json
 */
export function defaultPolicyPath(platform: NodeJS.Platform | string): string {
  if (platform === 'win32') return 'C:\\ProgramData\\Glasswing\\policy.json';
  if (platform === 'darwin') return '/Library/Application Support/Glasswing/policy.json';
  return '/etc/glasswing/policy.json';
}

export interface ForceOff {
  source: Exclude<ConsentSource, 'user'>;
  reason: string;
}

/**
 * Decides whether something outside the app forces telemetry off, once at startup.
 * Order: the administrator's policy first (it binds every user), then the command line, then the
 * app-specific variable, then DO_NOT_TRACK; the first that applies is the one the screen names.
 *
 * Important: a policy file that exists but cannot be read or parsed forces telemetry off (fail closed):
 * an administrator who wrote one meant something, and off is the safe reading.
 */
export function detectForceOff(opts: {
  env: Record<string, string | undefined>;
  cliOff: boolean;
  policyPath: string | null;
  readFile?: (p: string) => string;
}): ForceOff | null {
  if (opts.policyPath) {
    const read = opts.readFile ?? ((p: string) => fs.readFileSync(p, 'utf8'));
    let text: string | null = null;
    try {
      text = read(opts.policyPath);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        return { source: 'policy', reason: `The administrator policy file ${opts.policyPath} could not be read, so telemetry is off.` };
      }
    }
    if (text !== null) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return { source: 'policy', reason: `The administrator policy file ${opts.policyPath} is not valid JSON, so telemetry is off.` };
      }
      const t = (parsed as { telemetry?: unknown } | null)?.telemetry;
      if (t === 'off' || t === false) {
        return { source: 'policy', reason: `Your administrator turned telemetry off (policy file ${opts.policyPath}).` };
      }
    }
  }
  if (opts.cliOff) return { source: 'command-line', reason: 'Glasswing was started with --telemetry=off.' };
  if (opts.env.GLASSWING_TELEMETRY?.trim().toLowerCase() === 'off') {
    return { source: 'environment', reason: 'The environment variable GLASSWING_TELEMETRY=off is set.' };
  }
  if (opts.env.DO_NOT_TRACK?.trim() === '1') {
    return { source: 'do-not-track', reason: 'The environment variable DO_NOT_TRACK=1 is set.' };
  }
  return null;
}
