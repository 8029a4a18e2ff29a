import { useEffect, useState, type RefObject } from 'react';
import type { PlaybackSource } from '../../../api';

/**
 * Starts each new session playing. If the browser's autoplay policy refuses sound without a gesture, a video
 * starts muted instead and `mutedByPolicy` asks for an Unmute button; music simply waits for Play.
 */
export function useAutoplay(mediaRef: RefObject<HTMLMediaElement | null>, source: PlaybackSource | null) {
  const [mutedByPolicy, setMutedByPolicy] = useState(false);
  useEffect(() => {
    const el = mediaRef.current;
    if (!el || !source) return;
    setMutedByPolicy(false);
    el.muted = false;
    const attempt = el.play?.();
    if (!attempt || typeof attempt.catch !== 'function') return;
    attempt.catch((error: unknown) => {
      if (!(error instanceof DOMException) || error.name !== 'NotAllowedError' || source.kind === 'track') return;
      el.muted = true;
      setMutedByPolicy(true);
      el.play().catch(() => undefined);
    });
  }, [mediaRef, source]);

  function unmute() {
    const el = mediaRef.current;
    if (el) el.muted = false;
    setMutedByPolicy(false);
  }
  /** The user turned the sound on themselves (the element's own controls): the offer goes. */
  function onVolumeChange(event: { currentTarget: HTMLMediaElement }) {
    if (!event.currentTarget.muted) setMutedByPolicy(false);
  }
  return { mutedByPolicy, unmute, onVolumeChange };
}
