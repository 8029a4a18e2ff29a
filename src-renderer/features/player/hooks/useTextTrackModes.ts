import { useLayoutEffect, type RefObject } from 'react';
import { applyTextTrackModes } from '../model/textTracks';

const LIST_EVENTS = ['addtrack', 'removetrack', 'change'] as const;

/**
 * Keeps exactly the chosen text track showing (none when `chosen` is null) for as long as the element lives.
 * Applied right after the DOM changes (a layout effect, before the browser's own track selection can run),
 * and again whenever the element's track list changes or a track's mode is changed by anyone else: the
 * browser's automatic selection after new `<track>`s are added, hls.js, or the video's own captions menu.
 */
export function useTextTrackModes(mediaRef: RefObject<HTMLMediaElement | null>, sessionId: string | null, chosen: string | null) {
  useLayoutEffect(() => {
    const el = mediaRef.current;
    if (!el) return;
    const apply = () => applyTextTrackModes(el, chosen);
    apply();
    const list = el.textTracks as TextTrackList | undefined;
    if (!list || typeof list.addEventListener !== 'function') return;
    for (const type of LIST_EVENTS) list.addEventListener(type, apply);
    return () => {
      for (const type of LIST_EVENTS) list.removeEventListener(type, apply);
    };
  }, [mediaRef, sessionId, chosen]);
}
