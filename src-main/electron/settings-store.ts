import Store from 'electron-store';
import { AppError } from '../contract/index.js';
import { Settings, defaultSettings, sanitizeSettings, type SettingsStore } from '../settings/index.js';

/**
 * The same settings schema and the same file as the web host's store (`<dataDir>/settings.json`), kept by
 * electron-store, so switching between the desktop app and `glasswing serve` keeps one set of settings.
 */
export function openElectronSettings(dataDir: string): SettingsStore {
  const store = new Store<Settings>({ name: 'settings', cwd: dataDir, defaults: defaultSettings, clearInvalidConfig: false });
  return {
    get: () => sanitizeSettings(store.store),
    update(patch) {
      const parsed = Settings.partial().safeParse(patch);
      if (!parsed.success) throw new AppError('bad-request', `Invalid setting: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
      const next = sanitizeSettings({ ...sanitizeSettings(store.store), ...parsed.data });
      store.store = next;
      return next;
    },
  };
}
