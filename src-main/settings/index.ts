export { Settings, defaultSettings, sanitizeSettings, type SettingsStore } from './schema.js';
export { openFileSettings } from './file-store.js';
