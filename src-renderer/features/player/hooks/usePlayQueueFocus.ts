import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import type { PlayQueueState } from '../model/playQueue';

/**
 * A control to focus in the next panel that mounts. Next, Previous and a jump start a new player (and so a
 * new panel); without this a keyboard user would be dropped at the top of the page after every track.
 */
let focusOnMount: string | null = null;

function focusIn(root: HTMLElement | null, key: string) {
  root?.querySelector<HTMLElement>(`[data-focus="${key}"]`)?.focus();
}

/**
 * Keeps a keyboard user on the play queue control they used (found by its `data-focus` key): in the panel
 * that replaces this one after Next, Previous or a jump (`going`), and in this one after a row moved or
 * went (`refocus`). Every change of `state` may re-insert rows.
 */
export function usePlayQueueFocus(rootRef: RefObject<HTMLElement | null>, state: PlayQueueState) {
  const [refocus, setRefocus] = useState<string | null>(null);

  useEffect(() => {
    if (!focusOnMount) return;
    focusIn(rootRef.current, focusOnMount);
    focusOnMount = null;
  }, [rootRef]);

  // Moving an entry re-inserts its row, which takes focus from the button that moved it: give it back.
  useLayoutEffect(() => {
    if (refocus) focusIn(rootRef.current, refocus);
  }, [rootRef, refocus, state]);

  return {
    /** `fn`, after which the panel that replaces this one focuses the control with key `focus`. */
    going(focus: string, fn: () => void) {
      return () => {
        focusOnMount = focus;
        fn();
      };
    },
    refocus: setRefocus,
  };
}
