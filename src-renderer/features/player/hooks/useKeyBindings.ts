import { useEffect, useRef, type RefObject } from 'react';
import { actionForKey, type PlayerAction } from '../model/keys';

/** Where typing is typing: keys there never drive the player (a dialog handles its own, Escape included). */
const TYPING = 'input, select, textarea, [role="dialog"], [contenteditable="true"]';

/**
 * Issue 7's shortcuts, anywhere on the page while the full player is shown (`enabled`); Escape closes it
 * unless the browser is in full screen (there Escape leaves full screen first). `run` is read when a key
 * comes, so a new callback never re-subscribes.
 */
export function useKeyBindings(mediaRef: RefObject<HTMLMediaElement | null>, o: { enabled: boolean; onClose: () => void; run: (action: PlayerAction, el: HTMLMediaElement) => void }) {
  const runRef = useRef(o.run);
  useEffect(() => {
    runRef.current = o.run;
  });
  const { enabled, onClose } = o;
  useEffect(() => {
    if (!enabled) return;
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest(TYPING)) return;
      if (event.key === 'Escape') {
        if (document.fullscreenElement) return;
        onClose();
        return;
      }
      // Space on a focused button or link presses it; on the media element it plays or pauses.
      if (event.key === ' ' && target?.closest('button, a, video, audio')) {
        if (!target.closest('video, audio')) return;
      }
      const action = actionForKey(event);
      const el = mediaRef.current;
      if (!action || !el) return;
      event.preventDefault();
      runRef.current(action, el);
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [mediaRef, onClose, enabled]);
}
