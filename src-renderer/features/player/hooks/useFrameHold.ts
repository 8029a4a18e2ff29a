import { useEffect, useRef, useState, type RefObject } from 'react';

/** How far from the reopen point a frame may be and still count as the new stream's picture there. */
const NEAR_SEC = 1.5;
/** Events after which the element may have a new picture to show. */
const PICTURE_EVENTS = ['loadeddata', 'seeked', 'canplay', 'playing', 'timeupdate'] as const;

export interface FrameHold {
  /** What the picture says while it is held ("Switching audio track…"), or null when nothing is held. */
  label: string | null;
  /** The canvas the last frame is drawn on; shown over the element while held. */
  canvasRef: RefObject<HTMLCanvasElement | null>;
  /** Freezes the picture now (and pauses the old stream, so sound does not run on under a still frame). */
  hold(label: string): void;
}

/**
 * Keeps the last frame on screen across a reopen. The reopened session's stream replaces the old one in
 * the same element, which shows nothing until its first frame is decoded at the reopen point: until then the
 * old frame is drawn on a canvas over it. `startSec` is where the new session starts (null until it is
 * open); the hold ends once the element has a frame there, after a seek the user made meanwhile, or when
 * playback fails (`failed`), so an error is never hidden behind a still picture.
 */
export function useFrameHold(mediaRef: RefObject<HTMLMediaElement | null>, startSec: number | null, failed: boolean): FrameHold {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [label, setLabel] = useState<string | null>(null);

  function hold(text: string) {
    const el = mediaRef.current;
    const canvas = canvasRef.current;
    if (el instanceof HTMLVideoElement && canvas && el.readyState >= 2 && el.videoWidth > 0) {
      canvas.width = el.videoWidth;
      canvas.height = el.videoHeight;
      try {
        canvas.getContext('2d')?.drawImage(el, 0, 0, canvas.width, canvas.height);
      } catch {
        // No frame to draw (jsdom, a decoder that let go): the calm dark stage with its status stays.
      }
    } else if (canvas) {
      canvas.width = 0;
      canvas.height = 0;
    }
    el?.pause();
    setLabel(text);
  }

  const holding = label !== null;
  useEffect(() => {
    const el = mediaRef.current;
    if (!holding || !el || failed || startSec === null) return;
    // Important: only a load begun after the new session arrived counts; the old stream's last readyState
    // and position could otherwise look like the new picture.
    let loading = false;
    const onLoadStart = () => void (loading = true);
    const check = (event: Event) => {
      if (event.type === 'loadeddata') loading = true;
      if (!loading || el.readyState < 2 || el.seeking) return;
      if (event.type === 'seeked' || Math.abs(el.currentTime - startSec) < NEAR_SEC) setLabel(null);
    };
    el.addEventListener('loadstart', onLoadStart);
    el.addEventListener('emptied', onLoadStart);
    for (const type of PICTURE_EVENTS) el.addEventListener(type, check);
    return () => {
      el.removeEventListener('loadstart', onLoadStart);
      el.removeEventListener('emptied', onLoadStart);
      for (const type of PICTURE_EVENTS) el.removeEventListener(type, check);
    };
  }, [mediaRef, holding, startSec, failed]);

  return { label: failed ? null : label, canvasRef, hold };
}
