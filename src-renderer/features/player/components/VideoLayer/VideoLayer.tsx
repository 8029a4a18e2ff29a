import { useEffect, useRef, type ReactNode } from 'react';
import { useFocusReturn } from '../../hooks/useFocusReturn';
import '../../player.css';

export interface VideoLayerProps {
  /** What plays, as the layer's name ("Night Train"). */
  label: string;
  /** The item playing: focus comes back into the layer when it changes. */
  itemKey: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A movie or an episode, over the whole window: a modal layer (the screen under it stays mounted, so closing
 * it is back where you were). Focus moves in when it opens and back to what opened it when it closes.
 *
 * Escape closes it, and says so with `preventDefault` in the capture phase, before the shell's Back keys
 * see it: leaving the player never also leaves the screen. In the browser's full screen Escape is the
 * browser's (it leaves full screen first); a dialog inside (the shortcuts) closes itself.
 */
export function VideoLayer({ label, itemKey, onClose, children }: VideoLayerProps) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusReturn(ref, itemKey);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented || document.fullscreenElement) return;
      if (event.target instanceof Element && event.target.closest('[role="dialog"]:not([data-player-layer])')) return;
      event.preventDefault();
      close.current();
    }
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);
  return (
    <div ref={ref} className="video-layer" role="dialog" aria-modal="true" aria-label={label} tabIndex={-1} data-player-layer="">
      {children}
    </div>
  );
}
