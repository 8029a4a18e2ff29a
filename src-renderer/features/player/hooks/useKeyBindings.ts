import { useEffect, useRef, type RefObject } from 'react';
import { isTextField } from '../../../ui';
import { actionForKey, type PlayerAction } from '../model/keys';

/** What a slider does with a key itself (the seek bar, the volume). */
const SLIDER_KEYS: ReadonlySet<string> = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * Keys there never drive the player: typing is typing (a slider keeps its own arrows, but Space and the
 * letters still play and pause), a dialog other than the video layer handles its own keys, and controls
 * marked `data-player-keys="off"` (the Up next card's buttons) are pressed with Space as any button is.
 */
function belongsElsewhere(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement && target.type === 'range') return SLIDER_KEYS.has(key);
  if (isTextField(target)) return true;
  return target.closest('[role="dialog"]:not([data-player-layer]), [data-player-keys="off"]') !== null;
}

export interface KeyBindingOptions {
  enabled: boolean;
  /** The action a key press asks for (issue 7's table by default; the bar's own choice for music). */
  pick?: (event: KeyboardEvent) => PlayerAction | null;
  run: (action: PlayerAction, el: HTMLMediaElement) => void;
}

/**
 * Issue 7's shortcuts, anywhere on the page while the player is shown (`enabled`), whatever has focus outside
 * text fields. `pick` and `run` are read when a key comes, so new callbacks never re-subscribe. Escape is the
 * video layer's (it closes the layer), not a player action.
 *
 * Listens on `window`, after the document's listeners: a key the shell took first (the second key of a "g"
 * chord, which it marks with `preventDefault`) is left alone, so "g m" goes to Movies without muting.
 *
 * Important: a key that runs an action is the player's on the way up too. Space on a focused button (the
 * poster that opened this item) presses it on keyup, and Chromium's own video controls toggle on keyup; left
 * alone, either would act a second time (reopen the item from 0:00, or play again right after the pause).
 */
export function useKeyBindings(mediaRef: RefObject<HTMLMediaElement | null>, o: KeyBindingOptions) {
  const latest = useRef(o);
  useEffect(() => {
    latest.current = o;
  });
  const { enabled } = o;
  useEffect(() => {
    if (!enabled) return;
    let taken: string | null = null;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || belongsElsewhere(event.target, event.key)) return;
      const action = (latest.current.pick ?? actionForKey)(event);
      const el = mediaRef.current;
      if (!action || !el) return;
      event.preventDefault();
      taken = event.key;
      // A held Space repeats its keydown: play or pause once per press, not on and off while held.
      if (event.repeat && action.type === 'toggle') return;
      latest.current.run(action, el);
    }
    function onKeyUp(event: KeyboardEvent) {
      if (event.key !== taken) return;
      taken = null;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [mediaRef, enabled]);
}
