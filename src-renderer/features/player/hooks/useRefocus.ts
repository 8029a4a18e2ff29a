import { useEffect, useRef, type RefObject } from 'react';

/**
 * Keeps a keyboard user's place across a reopen. Choosing another audio track or a burned-in subtitle
 * replaces the session, and the panel's controls are unmounted while the new one opens, so focus would fall
 * to the page. `mark(key)` remembers the control (by its `data-refocus` key); when the next session is
 * shown, focus goes back to the control with that key, if there is one.
 */
export function useRefocus(containerRef: RefObject<HTMLElement | null>, sessionId: string | null) {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    const key = pending.current;
    if (!key || !sessionId) return;
    pending.current = null;
    const target = [...(containerRef.current?.querySelectorAll<HTMLElement>('[data-refocus]') ?? [])].find((el) => el.dataset.refocus === key);
    target?.focus();
  }, [containerRef, sessionId]);
  return {
    mark(key: string) {
      pending.current = key;
    },
  };
}
