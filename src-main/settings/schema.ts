import { z } from 'zod';

/**
 * User settings. One schema for both hosts: electron-store in the Electron host, a plain `conf` file in the
 * web host (electron-store is built on conf). Library folders live in the index and consent in the
 * telemetry database, where they commit together with what they govern.
 */
export const Settings = z.object({
  /** How long a telemetry event waits in review before it may be sent. 0 is allowed. */
  telemetryReviewHours: z.number().min(0).max(24 * 30).default(24),
});
export type Settings = z.infer<typeof Settings>;

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
