import { useEffect } from 'react';
import { isSearchKey, openSearch } from './searchFocus';

/**
 * "/" anywhere outside text fields goes to Search with the caret in its field (as in Gmail, GitHub, Plex
 * web). Mounted once by the shell. Shift is allowed: "/" is a shifted key on many layouts (German, Nordic).
 */
export function useSearchKey(): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!isSearchKey(event)) return;
      event.preventDefault();
      openSearch();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
