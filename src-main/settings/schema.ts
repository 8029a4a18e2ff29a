import { Settings } from '../contract/settings.js';

export { Settings };

export const defaultSettings: Settings = Settings.parse({});

/** Parses what a store holds, keeping every valid key and replacing only what is invalid. */
export function sanitizeSettings(raw: unknown): Settings {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(Settings.shape) as (keyof Settings)[]) {
    const field = Settings.shape[key].safeParse(input[key]);
    out[key] = field.success ? field.data : defaultSettings[key];
  }
  return Settings.parse(out);
}

export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}
