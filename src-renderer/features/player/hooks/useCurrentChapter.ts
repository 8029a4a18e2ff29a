import { useEffect, useState, type RefObject } from 'react';
import type { Chapter } from '../../../api';

/** The index of the chapter that holds `sec`: the last one starting at or before it. */
export function chapterAt(chapters: readonly Chapter[], sec: number): number | null {
  let at: number | null = null;
  chapters.forEach((c, i) => {
    if (c.startSec <= sec + 0.001) at = i;
  });
  return at;
}

/**
 * The chapter playing now. Listens to the element itself rather than re-rendering the player on every
 * `timeupdate`: state changes only when the chapter does. `chapters` is new with every session, which
 * is also when the element is new.
 */
export function useCurrentChapter(mediaRef: RefObject<HTMLMediaElement | null>, chapters: readonly Chapter[]): number | null {
  const [current, setCurrent] = useState<number | null>(null);
  useEffect(() => {
    const el = mediaRef.current;
    if (!el || chapters.length === 0) return;
    const update = () => setCurrent(chapterAt(chapters, el.currentTime));
    el.addEventListener('timeupdate', update);
    el.addEventListener('seeked', update);
    return () => {
      el.removeEventListener('timeupdate', update);
      el.removeEventListener('seeked', update);
    };
  }, [mediaRef, chapters]);
  return chapters.length ? current : null;
}
