import fs from 'node:fs';
import path from 'node:path';

/** The app version from package.json, read once. */
export const appVersion: string = (() => {
  for (const up of ['..', '../..', '../../..']) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, up, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'glasswing' && pkg.version) return pkg.version;
    } catch {
      // try the next place: the repository in tests, beside build/ when built
    }
  }
  return '0.0.0';
})();
