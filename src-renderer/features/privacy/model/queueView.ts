import type { Category, QueuedEvent } from '../../../api';

/** The Queue tab's category filter: one category, or every one. */
export type CategoryFilter = Category | 'all';

/** The queued events in `category` whose name contains `search` (any case; a blank search matches all). */
export function filterEvents(events: readonly QueuedEvent[], category: CategoryFilter, search: string): QueuedEvent[] {
  const needle = search.trim().toLowerCase();
  return events.filter((e) => (category === 'all' || e.category === category) && (!needle || e.name.toLowerCase().includes(needle)));
}

/** `selected` with `ids` added (`on`) or taken out. */
export function withIds(selected: ReadonlySet<string>, ids: readonly string[], on: boolean): ReadonlySet<string> {
  const next = new Set(selected);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** The ids of the selected events that are still queued (a selection outlives events deleted or sent meanwhile). */
export function stillQueued(events: readonly QueuedEvent[], selected: ReadonlySet<string>): string[] {
  return events.filter((e) => selected.has(e.id)).map((e) => e.id);
}

/** True when there is something shown and all of it is selected. */
export function allSelected(shown: readonly QueuedEvent[], selected: ReadonlySet<string>): boolean {
  return shown.length > 0 && shown.every((e) => selected.has(e.id));
}

/** The status a row is styled by: a ready event that the next batch holds counts as `batch`. */
export function rowStatus(event: QueuedEvent, inBatch: boolean): QueuedEvent['status'] | 'batch' {
  return inBatch && event.status === 'ready' ? 'batch' : event.status;
}

/** One event type among the queued events: what it is for and how many of it there are. */
export interface QueuedType {
  name: string;
  category: Category;
  purpose: string;
  count: number;
}

/** The distinct event types among `events`, in order of first appearance, each counted once. */
export function queuedTypes(events: readonly QueuedEvent[]): QueuedType[] {
  const byName = new Map<string, QueuedType>();
  for (const e of events) {
    const seen = byName.get(e.name);
    if (seen) seen.count++;
    else byName.set(e.name, { name: e.name, category: e.category, purpose: e.purpose, count: 1 });
  }
  return [...byName.values()];
}

/** The linkability note when every event carries the same one (it can then be said once); null otherwise. */
export function sharedLinkability(events: readonly QueuedEvent[]): string | null {
  const first = events[0]?.linkability;
  return first !== undefined && events.every((e) => e.linkability === first) ? first : null;
}
