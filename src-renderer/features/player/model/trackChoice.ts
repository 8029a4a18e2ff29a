import type { SubtitleTrack } from '../../../api';
import { sameLanguage } from './languages';

/**
 * The text subtitle a session starts with: with a preferred subtitle language (a setting), a full track in it
 * (a forced one if that is all there is); else the track main marks as default (forced, in the language heard);
 * else none. Picture tracks never start by themselves: they can only be burned in.
 */
export function startingSubtitle(subtitles: readonly SubtitleTrack[], preferredLanguage: string | null): number | null {
  const text = subtitles.filter((t) => t.url !== null);
  if (preferredLanguage) {
    const inLanguage = text.filter((t) => sameLanguage(t.language, preferredLanguage));
    const match = inLanguage.find((t) => !t.forced) ?? inLanguage[0];
    if (match) return match.index;
  }
  return text.find((t) => t.default)?.index ?? null;
}
