import { useState } from 'react';

/** Whether the item has played to its end (and not been played again since): what the Up next card waits for. */
export function useEnding() {
  const [ended, setEnded] = useState(false);
  return { ended, end: { onEnded: () => setEnded(true), onPlaying: () => setEnded(false) } };
}
