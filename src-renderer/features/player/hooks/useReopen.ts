import { useState } from 'react';
import type { Reopen } from './usePlaybackSource';

/**
 * What the current session was opened with, and the two ways of reopening it from where playback is: another
 * audio track, or an image subtitle burned in (or no longer). Each keeps the other's choice, and `paused`
 * says whether the new session should stay paused as the old one was.
 */
export function useReopen(resumeSec: number | null) {
  const [reopen, setReopen] = useState<Reopen>(() => (resumeSec !== null && resumeSec > 0 ? { generation: 0, startSec: resumeSec } : { generation: 0 }));

  function withAudio(index: number, atSec: number, paused = false) {
    setReopen((r) => ({ generation: r.generation + 1, audioTrack: index, startSec: atSec, paused, ...(r.burnSubtitle !== undefined ? { burnSubtitle: r.burnSubtitle } : {}) }));
  }

  /** `index` undefined stops burning in. */
  function withBurnIn(index: number | undefined, atSec: number, paused = false) {
    setReopen((r) => ({
      generation: r.generation + 1,
      startSec: atSec,
      paused,
      ...(r.audioTrack !== undefined ? { audioTrack: r.audioTrack } : {}),
      ...(index !== undefined ? { burnSubtitle: index } : {}),
    }));
  }

  return { reopen, withAudio, withBurnIn };
}
