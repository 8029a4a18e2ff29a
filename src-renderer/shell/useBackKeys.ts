import { useEffect } from 'react';
import { goBack } from '../app';
import { isTextField } from '../ui';

/**
 * Esc and Backspace go back a screen, unless something nearer used the key first (a dialog closing, a
 * menu, the player leaving full window: they call `preventDefault`) or the focus is in a text field.
 */
export function useBackKeys() {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key !== 'Escape' && event.key !== 'Backspace') return;
      if (isTextField(event.target) || document.querySelector('dialog[open], [role="dialog"][aria-modal="true"]')) return;
      event.preventDefault();
      goBack();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
