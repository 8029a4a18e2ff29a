import { useEffect, useState } from 'react';

/** How long a notice over the picture stays. */
const NOTICE_MS = 1500;

/** A short notice over the picture ("Volume 60 %", "Subtitles off") that clears itself; a new one replaces it. */
export function useNotice(): [notice: string | null, flash: (text: string) => void] {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(t);
  }, [notice]);
  return [notice, setNotice];
}
