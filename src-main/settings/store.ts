import { AppError } from '../contract/index.js';
import { Settings, sanitizeSettings, type SettingsStore } from './schema.js';

/**
 * Where settings are kept: anything with a `store` property holding the whole object, as both `conf` (the
 * web host and CLI) and `electron-store` (the desktop app, a subclass of it) have. What it holds is read as
 * untrusted (the user may have edited the file) and sanitized.
 */
export interface SettingsBacking {
  store: unknown;
}

/** Opens the backing named `configName` in `dataDir`; throws when the file there is not JSON. */
export type OpenSettingsBacking = (dataDir: string, configName: string) => SettingsBacking;

/** The one settings store: reads are sanitized, updates validated and merged, over any backing. */
export function storeSettingsIn(backing: SettingsBacking): SettingsStore {
  return {
    get: () => sanitizeSettings(backing.store),
    update(patch) {
      const parsed = Settings.partial().safeParse(patch);
      if (!parsed.success) throw new AppError('bad-request', `Invalid setting: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
      const next = sanitizeSettings({ ...sanitizeSettings(backing.store), ...parsed.data });
      backing.store = next;
      return next;
    },
  };
}
