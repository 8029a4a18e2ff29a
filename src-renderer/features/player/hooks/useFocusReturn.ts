import { useEffect, type RefObject } from 'react';

/**
 * Focus moves into `ref` when it mounts and whenever `key` changes (the next episode replaces what had focus),
 * and goes back to the element that had it before (the Play button that opened the player) when it unmounts;
 * if that element is gone, to the main content.
 */
export function useFocusReturn(ref: RefObject<HTMLElement | null>, key: string) {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (opener?.isConnected) opener.focus({ preventScroll: true });
      else document.getElementById('main')?.focus({ preventScroll: true });
    };
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.contains(document.activeElement)) el.focus({ preventScroll: true });
  }, [ref, key]);
}
