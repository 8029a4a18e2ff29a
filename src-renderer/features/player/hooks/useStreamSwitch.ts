import type { RefObject } from 'react';
import type { PlaybackSource } from '../../../api';
import { switchingLabel } from '../model/reopen';
import { useFrameHold } from './useFrameHold';
import type { useRefocus } from './useRefocus';
import type { useReopen } from './useReopen';

interface StreamSwitchOptions extends Pick<ReturnType<typeof useReopen>, 'withAudio' | 'withBurnIn'> {
  /** The session the menus show, and the live one (whose start ends the held frame). */
  shown: PlaybackSource | null;
  source: PlaybackSource | null;
  /** Playback failed: the held frame gives way to the error. */
  failed: boolean;
  flash: (text: string) => void;
  refocus: ReturnType<typeof useRefocus>;
}

/**
 * Switching a video's stream as it plays: another audio track, or a picture subtitle burned in (or no longer).
 * Each reopens the session where playback is, paused if it was, with the last frame held until the new
 * stream shows; chosen from the track menus, focus comes back to the control used.
 */
export function useStreamSwitch(mediaRef: RefObject<HTMLMediaElement | null>, { shown, source, failed, withAudio, withBurnIn, flash, refocus }: StreamSwitchOptions) {
  const frame = useFrameHold(mediaRef, source?.startSec ?? null, failed);
  const paused = () => mediaRef.current?.paused ?? false;
  const at = () => mediaRef.current?.currentTime ?? 0;

  function chooseAudio(index: number, atSec: number) {
    const track = shown?.audioTracks.find((t) => t.index === index);
    if (track) flash(`Audio: ${track.label}`);
    // Read before the hold pauses the old stream.
    const wasPaused = paused();
    frame.hold(switchingLabel('audio'));
    withAudio(index, atSec, wasPaused);
  }
  function burnIn(index: number, burn: boolean, atSec: number) {
    const wasPaused = paused();
    frame.hold(switchingLabel(burn ? 'burn' : 'unburn'));
    withBurnIn(burn ? index : undefined, atSec, wasPaused);
  }

  return {
    frame,
    chooseAudio,
    /** For the audio menu. */
    onAudio(index: number) {
      refocus.mark('audio');
      chooseAudio(index, at());
    },
    /** For a picture track's button. */
    onBurnIn(index: number, burn: boolean) {
      // The same button stays through the reopen; should it be replaced, focus comes back to it.
      refocus.mark(`burn-${index}`);
      burnIn(index, burn, at());
    },
  };
}
