import { useEffect, useRef, type RefObject } from 'react';
import { isTextField } from '../../../ui';
import { actionForKey, type PlayerAction } from '../model/keys';

/** Keys there never drive the player: typing is typing, and a dialog handles its own keys, Escape included. */
function belongsElsewhere(target: EventTarget | null): boolean {
  return isTextField(target) || (target instanceof Element && target.closest('[role="dialog"]') !== null);
}

/**
 * Issue 7's shortcuts, anywhere on the page while the full player is shown (`enabled`), whatever has focus
 * outside text fields; Escape closes it unless the browser is in full screen (there Escape leaves full
 * screen first). `run` is read when a key comes, so a new callback never re-subscribes.
 *
 * Important: a key that runs an action is the player's on the way up too. Space on a focused button (the
 * poster that opened this item) presses it on keyup, and Chromium's own video controls toggle on keyup; left
 * alone, either would act a second time (reopen the item from 0:00, or play again right after the pause).
 */
export function useKeyBindings(mediaRef: RefObject<HTMLMediaElement | null>, o: { enabled: boolean; onClose: () => void; run: (action: PlayerAction, el: HTMLMediaElement) => void }) {
  const runRef = useRef(o.run);
  useEffect(() => {
    runRef.current = o.run;
  });
  const { enabled, onClose } = o;
  useEffect(() => {
    if (!enabled) return;
    let taken: string | null = null;
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (event.defaultPrevented || belongsElsewhere(event.target)) return;
      if (event.key === 'Escape') {
        if (!document.fullscreenElement) onClose();
        return;
      }
      const action = actionForKey(event);
      const el = mediaRef.current;
      if (!action || !el) return;
      event.preventDefault();
      taken = event.key;
      // A held Space repeats its keydown: play or pause once per press, not on and off while held.
      if (event.repeat && action.type === 'toggle') return;
      runRef.current(action, el);
    }
    function onKeyUp(event: globalThis.KeyboardEvent) {
      if (event.key !== taken) return;
      taken = null;
      event.preventDefault();
    }
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('keyup', onKeyUp);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('keyup', onKeyUp);
    };
  }, [mediaRef, onClose, enabled]);
}
