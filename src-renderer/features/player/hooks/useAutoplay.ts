import { useEffect, useState, type RefObject } from 'react';
import type { PlaybackSource } from '../../../api';

/**
 * Starts each new session playing. If the browser's autoplay policy refuses sound without a gesture, a video
 * starts muted instead and `mutedByPolicy` asks for an Unmute button; music simply waits for Play.
 *
 * A reopen (another audio track, a subtitle burned in) continues as the user left it: the same element keeps
 * its volume and mute, and `stayPaused` keeps a paused picture paused.
 */
export function useAutoplay(mediaRef: RefObject<HTMLMediaElement | null>, source: PlaybackSource | null, reopen: { generation: number; stayPaused: boolean }) {
  // Kept per item: a reopen of the same item is still muted by the policy, the next item starts afresh.
  const [mutedFor, setMutedFor] = useState<string | null>(null);
  const itemId = source?.itemId ?? null;
  const mutedByPolicy = mutedFor !== null && mutedFor === itemId;
  const { generation, stayPaused } = reopen;
  useEffect(() => {
    const el = mediaRef.current;
    if (!el || !source) return;
    if (generation > 0 && stayPaused) return;
    if (generation === 0) el.muted = false;
    // Important: on a reopen the element still carries the old stream's state, and the new stream's load
    // (hls.js attaching) pauses it again; ask once more when that stream can play.
    const again = () => void (el.paused && el.play?.()?.catch(() => undefined));
    if (generation > 0) el.addEventListener('canplay', again, { once: true });
    const attempt = el.play?.();
    if (attempt && typeof attempt.catch === 'function')
      attempt.catch((error: unknown) => {
        if (!(error instanceof DOMException) || error.name !== 'NotAllowedError' || source.kind === 'track') return;
        el.muted = true;
        setMutedFor(source.itemId);
        el.play().catch(() => undefined);
      });
    return () => el.removeEventListener('canplay', again);
  }, [mediaRef, source, generation, stayPaused]);

  function unmute() {
    const el = mediaRef.current;
    if (el) el.muted = false;
    setMutedFor(null);
  }
  /** The user turned the sound on themselves (the element's own controls): the offer goes. */
  function onVolumeChange(event: { currentTarget: HTMLMediaElement }) {
    if (!event.currentTarget.muted) setMutedFor(null);
  }
  return { mutedByPolicy, unmute, onVolumeChange };
}
