import os from 'node:os';
import path from 'node:path';

/** Where Glasswing keeps its index, telemetry queue and ledger, settings and caches, per OS. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.GLASSWING_DATA_DIR) return path.resolve(env.GLASSWING_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Glasswing');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Glasswing');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'glasswing');
}
