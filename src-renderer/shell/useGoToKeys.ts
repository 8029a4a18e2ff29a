import { useEffect, useRef } from 'react';
import { isTextField } from '../ui';
import { NAV } from './nav';
import type { Route } from '../app';

/** How long after "g" the second key still counts. */
const CHORD_MS = 1200;

/** "g" then a section's key goes there ("g m" Movies, "g w" What we collect), outside text fields. */
export function useGoToKeys(go: (route: Route) => void) {
  const pendingG = useRef(0);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target)) return;
      // Under a modal (the video, the palette, a confirm) the screens beneath are not the user's to switch.
      if (document.querySelector('[role="dialog"][aria-modal="true"], dialog[open]')) return;
      if (event.key === 'g') {
        pendingG.current = Date.now();
        return;
      }
      if (Date.now() - pendingG.current > CHORD_MS) return;
      pendingG.current = 0;
      const target = NAV.find((n) => n.key === event.key);
      if (target) {
        event.preventDefault();
        go(target.route);
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [go]);
}
