import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { defaultSettings, type Settings, type SettingsStore } from './schema.js';
import { storeSettingsIn, type OpenSettingsBacking, type SettingsBacking } from './store.js';

const CONFIG_NAME = 'settings';

/**
 * Settings in `<dataDir>/settings.json`, kept by `conf` (the web host and the CLI) or by what the host
 * brings (electron-store in the desktop app), so both hosts share one file. A file that is not JSON is moved
 * aside (never deleted: the user may want it back) and defaults are used.
 */
export function openFileSettings(dataDir: string, openBacking: OpenSettingsBacking = openConf): SettingsStore {
  let backing: SettingsBacking;
  try {
    backing = openBacking(dataDir, CONFIG_NAME);
  } catch {
    const aside = path.join(dataDir, `${CONFIG_NAME}.unreadable-${Date.now()}.json`);
    fs.renameSync(path.join(dataDir, `${CONFIG_NAME}.json`), aside);
    backing = openBacking(dataDir, CONFIG_NAME);
  }
  return storeSettingsIn(backing);
}

function openConf(dataDir: string, configName: string): SettingsBacking {
  return new Conf<Settings>({ cwd: dataDir, configName, defaults: defaultSettings, clearInvalidConfig: false });
}
