import { useEffect, useState, type RefObject } from 'react';

/** Reads a value off the media element, again on each of `events` (the element outlives the tracks it plays). */
function useMediaValue<T>(mediaRef: RefObject<HTMLMediaElement | null>, events: readonly string[], read: (el: HTMLMediaElement) => T, fallback: T): T {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => {
    const el = mediaRef.current;
    if (!el) return;
    const update = () => setValue(read(el));
    for (const type of events) el.addEventListener(type, update);
    return () => {
      for (const type of events) el.removeEventListener(type, update);
    };
    // `events` and `read` are constants at each call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mediaRef]);
  return value;
}

const PLAY_EVENTS = ['play', 'playing', 'pause', 'ended', 'emptied'] as const;
const TIME_EVENTS = ['timeupdate', 'durationchange', 'loadedmetadata', 'seeked', 'emptied'] as const;
const VOLUME_EVENTS = ['volumechange'] as const;

/** Whether the element plays (for the Play/Pause button): changes only on play and pause, not every frame. */
export function usePlaying(mediaRef: RefObject<HTMLMediaElement | null>): boolean {
  return useMediaValue(mediaRef, PLAY_EVENTS, (el) => !el.paused, false);
}

/** Where the element is and how long its track is (NaN until known). */
export function useMediaTime(mediaRef: RefObject<HTMLMediaElement | null>): { currentTime: number; duration: number } {
  const time = useMediaValue(mediaRef, TIME_EVENTS, (el) => `${el.currentTime}|${el.duration}`, '0|NaN');
  const [currentTime = 0, duration = NaN] = time.split('|').map(Number);
  return { currentTime, duration };
}

/** The element's volume (0–1) and whether it is muted. */
export function useVolume(mediaRef: RefObject<HTMLMediaElement | null>): { volume: number; muted: boolean } {
  const state = useMediaValue(mediaRef, VOLUME_EVENTS, (el) => `${el.volume}|${el.muted ? 1 : 0}`, '1|0');
  const [volume = 1, muted = 0] = state.split('|').map(Number);
  return { volume, muted: muted === 1 };
}
