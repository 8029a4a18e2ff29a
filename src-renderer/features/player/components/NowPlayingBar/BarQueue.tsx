import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Icon } from '../../../../ui';
import type { PlayQueue } from '../../model/playQueue';
import { PlayQueuePanel } from '../PlayQueuePanel/PlayQueuePanel';

interface BarQueueProps {
  playQueue: PlayQueue;
  onNext: () => void;
  onPrevious: () => void;
}

/**
 * The queue button and the panel it opens above the bar (reorder, shuffle, repeat, jump). Escape closes the
 * panel, not the screen behind it, and focus goes back to the button.
 */
export function BarQueue({ playQueue, onNext, onPrevious }: BarQueueProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  }
  return (
    <>
      <button ref={buttonRef} type="button" className="np-icon" aria-label="Queue" aria-expanded={open} aria-controls={panelId} title="Queue" onClick={() => setOpen((o) => !o)}>
        <Icon.Queue />
      </button>
      <div id={panelId} className="np-queue" hidden={!open} onKeyDown={onKeyDown}>
        {open ? <PlayQueuePanel playQueue={playQueue} onNext={onNext} onPrevious={onPrevious} /> : null}
      </div>
    </>
  );
}
