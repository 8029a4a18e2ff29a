import { z } from 'zod';

/**
 * User settings. One schema for both hosts: electron-store in the Electron host, a plain `conf` file in the
 * web host (electron-store is built on conf). Library folders live in the index and consent in the
 * telemetry database, where they commit together with what they govern.
 */

/** A preferred language, matched against what tracks declare: ISO 639-1 or -2 ("en", "fra"). */
const PreferredLanguage = z.string().regex(/^[a-z]{2,3}$/, 'not a language code');

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/** The tallest picture a transcode makes; `original` keeps the source's size. */
export const TranscodeQuality = z.enum(['original', '1080p', '720p', '480p']);
export type TranscodeQuality = z.infer<typeof TranscodeQuality>;

export const Settings = z.object({
  /** How long a telemetry event waits in review before it may be sent. 0 is allowed. */
  telemetryReviewHours: z.number().min(0).max(24 * 30).default(24),
  theme: Theme.default('system'),
  /** The audio track chosen when a file has several; null plays the file's default. */
  preferredAudioLanguage: PreferredLanguage.nullable().default(null),
  /** Subtitles shown from the start in this language when the file has them; null starts with none. */
  preferredSubtitleLanguage: PreferredLanguage.nullable().default(null),
  transcodeQuality: TranscodeQuality.default('original'),
  /** At the end of an episode, count down and play the next one. */
  autoplayNextEpisode: z.boolean().default(true),
});
export type Settings = z.infer<typeof Settings>;

/** A change to some settings; every key is checked as the whole schema checks it. */
export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
