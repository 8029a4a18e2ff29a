import { useMemo, useState } from 'react';
import type { QueuedEvent } from '../../../api';
import { allSelected, stillQueued, withIds } from '../model/queueView';

/** Which queued events are ticked; `ids` are only those still in the queue, `allShown` whether every shown one is. */
export function useQueueSelection(events: readonly QueuedEvent[], shown: readonly QueuedEvent[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const ids = useMemo(() => stillQueued(events, selected), [events, selected]);
  return {
    ids,
    allShown: allSelected(shown, selected),
    has: (id: string) => selected.has(id),
    set: (id: string, on: boolean) => setSelected((prev) => withIds(prev, [id], on)),
    setAllShown: (on: boolean) => setSelected((prev) => withIds(prev, shown.map((e) => e.id), on)),
    forget: (gone: readonly string[]) => setSelected((prev) => withIds(prev, gone, false)),
  };
}

