import { useState, type RefObject } from 'react';
import type { PlaybackSource } from '../../../api';
import { textTrackKey } from '../model/textTracks';
import { startingSubtitle } from '../model/trackChoice';
import { useTextTrackModes } from './useTextTrackModes';

/**
 * The text subtitle track shown, per item: it starts with the preferred language's track or main's default
 * (forced) one, until the user picks another in this session; the element's tracks are switched to match.
 * The choice outlives a reopen (another audio track, a picture track burned in), whose tracks keep their
 * indexes. Image tracks (no `url`) are not shown this way: they are burned into the picture by reopening the
 * session, so they are listed apart.
 */
export function useSubtitleChoice(mediaRef: RefObject<HTMLMediaElement | null>, source: PlaybackSource | null, preferredLanguage: string | null = null) {
  const [chosen, setChosen] = useState<{ itemId: string; index: number | null } | null>(null);
  const subtitle = source && chosen?.itemId === source.itemId ? chosen.index : source ? startingSubtitle(source.subtitles, preferredLanguage) : null;
  const setSubtitle = (index: number | null) => source && setChosen({ itemId: source.itemId, index });
  const textTracks = source ? source.subtitles.filter((t) => t.url !== null) : [];
  const imageTracks = source ? source.subtitles.filter((t) => t.url === null) : [];
  const sessionId = source?.sessionId ?? null;
  useTextTrackModes(mediaRef, sessionId, sessionId !== null && subtitle !== null ? textTrackKey(sessionId, subtitle) : null);
  return { subtitle, setSubtitle, textTracks, imageTracks };
}
