import { useEffect, useRef, useState, type FocusEvent } from 'react';

/** How long the controls stay after the pointer last moved over the picture. */
export const CONTROLS_IDLE_MS = 2500;

/**
 * Whether the video's own controls are shown. The browser keeps them up for as long as a video is paused,
 * right over the bottom of the picture where subtitles are (burned in, they cannot be moved): so they are
 * shown only while the pointer moves over the picture (and briefly after) or while keyboard focus is on the
 * video. Tab reaches the video, and with it the controls; the player's keys work either way.
 */
export function useControlsShown() {
  const [pointer, setPointer] = useState(false);
  const [focused, setFocused] = useState(false);
  // A timer, not state per move: pointermove comes dozens of times a second and must not re-render the player.
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (idle.current && clearTimeout(idle.current)), []);

  function moved() {
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(() => setPointer(false), CONTROLS_IDLE_MS);
    setPointer(true);
  }
  function left() {
    if (idle.current) clearTimeout(idle.current);
    setPointer(false);
  }

  return {
    shown: pointer || focused,
    /** For the stage: the picture and whatever floats over it. */
    stage: { onPointerMove: moved, onPointerDown: moved, onPointerLeave: left },
    /** For the video element. Focus moving between its own controls stays on it (they are in its shadow tree). */
    video: {
      tabIndex: 0,
      onFocus: () => setFocused(true),
      onBlur: (e: FocusEvent<HTMLElement>) => setFocused(e.relatedTarget === e.currentTarget),
    },
  };
}
