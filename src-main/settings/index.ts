export { Settings, defaultSettings, sanitizeSettings, type SettingsStore } from './schema.js';
export { openFileSettings } from './file-store.js';
export type { OpenSettingsBacking, SettingsBacking } from './store.js';
