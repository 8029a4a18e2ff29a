import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { AppError } from '../contract/index.js';
import { Settings, defaultSettings, sanitizeSettings, type SettingsStore } from './schema.js';

const CONFIG_NAME = 'settings';

/**
 * Settings in `<dataDir>/settings.json` for the web host and the CLI. A file that is not JSON is moved
 * aside (never deleted: the user may want it back) and defaults are used.
 */
export function openFileSettings(dataDir: string): SettingsStore {
  const file = path.join(dataDir, `${CONFIG_NAME}.json`);
  let conf: Conf<Settings>;
  try {
    conf = open(dataDir);
  } catch {
    const aside = path.join(dataDir, `${CONFIG_NAME}.unreadable-${Date.now()}.json`);
    fs.renameSync(file, aside);
    conf = open(dataDir);
  }
  return {
    get: () => sanitizeSettings(conf.store),
    update(patch) {
      const parsed = Settings.partial().safeParse(patch);
      if (!parsed.success) throw new AppError('bad-request', `Invalid setting: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
      const next = sanitizeSettings({ ...sanitizeSettings(conf.store), ...parsed.data });
      conf.store = next;
      return next;
    },
  };
}

function open(dataDir: string): Conf<Settings> {
  return new Conf<Settings>({ cwd: dataDir, configName: CONFIG_NAME, defaults: defaultSettings, clearInvalidConfig: false });
}
