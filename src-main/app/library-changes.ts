import { LibraryChangeScope, type ItemId, type ItemKind } from '../contract/index.js';
import type { IndexChange, ProgressChange, WatchedChange } from '../library/index.js';
import type { EventHub } from './event-hub.js';

/** More item ids than this in one change are said as "these lists changed" instead. */
const MAX_ITEMS = 500;
const EVERY_LIST = LibraryChangeScope.options;

/** The lists whose counts or filters follow an item's watched mark: the unwatched filter and counts, and Home. */
const WATCHED_SHOWS_IN: Record<ItemKind, readonly LibraryChangeScope[]> = { movie: ['movies', 'home'], episode: ['shows', 'home'], track: [] };
/** The lists that show whether an item has a resume point: Home's Continue watching (tracks never keep one). */
const RESUME_SHOWS_IN: Record<ItemKind, readonly LibraryChangeScope[]> = { movie: ['home'], episode: ['home'], track: [] };
/** The lists an item added, removed or re-read on disk is in (Home has Recently added of each). */
const LISTED_IN: Record<ItemKind, readonly LibraryChangeScope[]> = { movie: ['movies', 'home'], episode: ['shows', 'home'], track: ['albums', 'artists', 'home'] };

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

  /** Any list may have changed (a scan, a folder added or removed). */
  everything(): void {
    this.emit([...EVERY_LIST], []);
  }

  /** Items' watched marks or resume points changed; `scopes` are lists whose membership changed with them. */
  items(ids: readonly ItemId[], scopes: readonly LibraryChangeScope[] = []): void {
    if (ids.length > MAX_ITEMS) this.emit([...new Set([...scopes, ...EVERY_LIST])], []);
    else if (ids.length > 0 || scopes.length > 0) this.emit([...new Set(scopes)], [...new Set(ids)]);
  }

  /** Watched marks set by hand: the items, and the lists whose unwatched counts and filters they move. */
  watched(change: WatchedChange): void {
    this.items(change.ids, change.kinds.flatMap((kind) => WATCHED_SHOWS_IN[kind]));
  }

  /**
   * A playback position was saved: the item (its card shows the resume point), with the lists its watched
   * mark or its place in Continue watching moved, and no others.
   */
  progress(id: ItemId, change: ProgressChange): void {
    this.items([id], [...(change.watched ? WATCHED_SHOWS_IN[change.kind] : []), ...(change.resume ? RESUME_SHOWS_IN[change.kind] : [])]);
  }

  /**
   * The watcher applied changes on disk: the folders (item and unreadable counts) and the lists of the
   * kinds it touched; every list when it could not tell.
   */
  onDisk(change: IndexChange): void {
    if (change.kinds === null) this.everything();
    else this.lists(['folders', ...change.kinds.flatMap((kind) => LISTED_IN[kind])]);
  }

  private emit(scopes: LibraryChangeScope[], items: ItemId[]): void {
    this.version++;
    this.events.emit('onDidChangeLibrary', { scopes, items, version: this.version });
  }
}
