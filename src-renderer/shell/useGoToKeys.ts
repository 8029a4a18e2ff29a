import { useEffect, useRef } from 'react';
import { isTextField } from '../ui';
import { NAV, type View } from './nav';

/** How long after "g" the second key still counts. */
const CHORD_MS = 1200;

/** "g l" goes to the Library, "g w" to What we collect (outside text fields). */
export function useGoToKeys(go: (view: View) => void) {
  const pendingG = useRef(0);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target)) return;
      if (event.key === 'g') {
        pendingG.current = Date.now();
        return;
      }
      if (Date.now() - pendingG.current > CHORD_MS) return;
      pendingG.current = 0;
      const target = NAV.find((n) => n.key === event.key);
      if (target) go(target.view);
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [go]);
}
