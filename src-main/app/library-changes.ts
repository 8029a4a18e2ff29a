import { LibraryChangeScope, type ItemId } from '../contract/index.js';
import type { EventHub } from './event-hub.js';

/** More item ids than this in one change are said as "these lists changed" instead. */
const MAX_ITEMS = 500;
const EVERY_LIST = LibraryChangeScope.options;

/**
 * Tells every window what changed in the index, with a version that grows with each change, so a window
 * refetches only the lists and items it shows.
 */
export class LibraryChanges {
  private version = 0;

  constructor(private readonly events: EventHub) {}

  lists(scopes: readonly LibraryChangeScope[]): void {
    if (scopes.length > 0) this.emit([...new Set(scopes)], []);
  }

  /** Any list may have changed (a scan, the watcher, a folder added or removed). */
  everything(): void {
    this.emit([...EVERY_LIST], []);
  }

  /** Items' watched marks or resume points changed; `scopes` are lists whose membership changed with them. */
  items(ids: readonly ItemId[], scopes: readonly LibraryChangeScope[] = []): void {
    if (ids.length > MAX_ITEMS) this.emit([...new Set([...scopes, ...EVERY_LIST])], []);
    else if (ids.length > 0 || scopes.length > 0) this.emit([...new Set(scopes)], [...new Set(ids)]);
  }

  private emit(scopes: LibraryChangeScope[], items: ItemId[]): void {
    this.version++;
    this.events.emit('onDidChangeLibrary', { scopes, items, version: this.version });
  }
}
