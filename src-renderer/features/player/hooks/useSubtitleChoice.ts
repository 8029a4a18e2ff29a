import { useEffect, useState, type RefObject } from 'react';
import type { PlaybackSource } from '../../../api';

/**
 * The text subtitle track shown, per item: it starts with the default (forced) track, and the element's
 * `<track>`s are switched to match. The choice outlives a reopen (another audio track, a picture track burned
 * in), whose tracks keep their indexes. Image tracks (no `url`) are not shown this way: they are burned into
 * the picture by reopening the session, so they are listed apart.
 */
export function useSubtitleChoice(mediaRef: RefObject<HTMLMediaElement | null>, source: PlaybackSource | null) {
  const [chosen, setChosen] = useState<{ itemId: string; index: number | null } | null>(null);
  const subtitle = source && chosen?.itemId === source.itemId ? chosen.index : (source?.subtitles.find((t) => t.default && t.url !== null)?.index ?? null);
  const setSubtitle = (index: number | null) => source && setChosen({ itemId: source.itemId, index });
  const textTracks = source ? source.subtitles.filter((t) => t.url !== null) : [];
  const imageTracks = source ? source.subtitles.filter((t) => t.url === null) : [];

  // Show the chosen text track, hide the others: the element's textTracks follow the <track> order.
  useEffect(() => {
    const el = mediaRef.current;
    if (!el?.textTracks || !source) return;
    const withUrl = source.subtitles.filter((t) => t.url !== null);
    for (let i = 0; i < el.textTracks.length; i++) {
      const track = el.textTracks[i];
      if (track) track.mode = withUrl[i]?.index === subtitle ? 'showing' : 'disabled';
    }
  }, [mediaRef, subtitle, source]);

  return { subtitle, setSubtitle, textTracks, imageTracks };
}
