import { useState, type RefObject } from 'react';
import type { PlaybackSource } from '../../../api';
import type { Reopen } from './usePlaybackSource';

/**
 * Where the item resumed, while that is worth saying ("Resumed at 12:34", with Start over): only for the
 * first session of a resumed item, until the user starts over. Also moves the element to the session's
 * start once its metadata is in.
 */
export function useResumePoint(mediaRef: RefObject<HTMLMediaElement | null>, source: PlaybackSource | null, reopen: Reopen, resumeSec: number | null) {
  const [startedOver, setStartedOver] = useState(false);
  const resumedAt = source && reopen.generation === 0 && resumeSec !== null && source.startSec > 0 && !startedOver ? source.startSec : null;

  function startOver() {
    const el = mediaRef.current;
    if (el) el.currentTime = 0;
    setStartedOver(true);
  }

  function onLoadedMetadata(event: { currentTarget: HTMLMediaElement }) {
    if (source && source.startSec > 0) event.currentTarget.currentTime = source.startSec;
  }

  return { resumedAt, startOver, onLoadedMetadata };
}
