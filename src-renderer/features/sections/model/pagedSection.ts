import { PageMap, type PageAnswer, type PageStart } from './pageMap';

export type { PageAnswer, PageStart } from './pageMap';

/**
 * A section of the library read a page at a time (keyset pagination), as a grid needs it: pure, so it is
 * tested without React; `usePagedSection` is its thin hook.
 *
 * Important invariants:
 * - Page k starts at item k × pageSize: main answers every page but the last in full.
 * - A page is read from a cursor a page next to it gave (forward from the one before, backward from the one
 *   after), or, when none is known within a couple of pages, at its position: a scrollbar dragged to the
 *   middle of 100,000 items, or End, is one request, not a walk through every page before it.
 * - One fetch at a time: answers are applied in the order they were asked for. An answer for a place the
 *   view has left is not kept; the next fetch is for where the view is now.
 * - Only pages (and cursors) near the view are kept, so memory does not grow with the list.
 */

/** A page this many pages or fewer from a known cursor is walked to; further, it is asked for by position. */
const WALK_PAGES = 2;

export interface PagedSectionOptions<T> {
  /** One page: after a cursor (null: from the start; `reverse`: the sort reversed, from a `prev`), or at a position. */
  fetchPage: (start: PageStart) => Promise<PageAnswer<T>>;
  pageSize: number;
  idOf: (item: T) => string;
  /** Pages kept either side of those in view; the rest are dropped, and fetched again when the view returns. */
  keepPages?: number;
  describeError?: (error: unknown) => string;
}

export interface PagedSnapshot<T> {
  /** Grows on every change of what `itemAt` answers. */
  version: number;
  /** The item at a cell, or undefined while its page is not here; a new function with every change, so rows re-render. */
  itemAt: (index: number) => T | undefined;
  /** Cells the grid has: the exact total when known, else the items known to exist so far. */
  length: number;
  /** There are more items beyond `length`, how many unknown: show a row of skeletons. */
  more: boolean;
  /** The last page has been seen: `length` is exact. */
  ended: boolean;
  /** A page has arrived at least once (before that, the screen shows its loading state). */
  loaded: boolean;
  error: string | null;
}

/** Changes heard while a fetch was out: its answer may predate them. */
interface Heard {
  all: boolean;
  ids: Set<string>;
}

/** The page a fetch is for, and where the fetch starts. */
interface Want {
  k: number;
  start: PageStart;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class PagedSectionStore<T> {
  private readonly size: number;
  private readonly keep: number;
  private readonly map: PageMap<T>;
  private total: number | null = null;
  private view = { first: 0, last: 0 };
  private fetching = false;
  private heard: Heard = { all: false, ids: new Set() };
  private holders = 0;
  private disposed = false;
  private error: string | null = null;
  private loaded = false;
  private version = 0;
  private snapshot: PagedSnapshot<T>;
  private listeners = new Set<() => void>();

  constructor(private readonly opts: PagedSectionOptions<T>) {
    this.size = opts.pageSize;
    this.keep = Math.max(1, opts.keepPages ?? 3);
    this.map = new PageMap<T>(this.size);
    this.snapshot = this.makeSnapshot();
  }

  getSnapshot = (): PagedSnapshot<T> => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The item at `index`, or undefined while its page is not here (a skeleton). */
  itemAt = (index: number): T | undefined => this.map.pages.get(Math.floor(index / this.size))?.items[index % this.size];

  /** Fetching runs while someone shows this section; answers still land after the last one leaves. */
  attach = (): (() => void) => {
    this.holders++;
    void this.pump();
    let released = false;
    return () => {
      if (!released) this.holders--;
      released = true;
    };
  };

  get attached(): boolean {
    return this.holders > 0;
  }

  /** The cells in and near view: their pages are fetched, and pages far from them dropped. */
  show = (first: number, last: number): void => {
    const view = { first: Math.floor(Math.max(0, first) / this.size), last: Math.floor(Math.max(0, last) / this.size) };
    if (view.first === this.view.first && view.last === this.view.last) return;
    this.view = view;
    this.map.drop(this.isNear);
    void this.pump();
  };

  /**
   * The exact total from `library.counts`, or null where none exists (several filters at once). A total
   * that disagrees with an end already seen means the list changed there: the end is looked at again.
   */
  setTotal = (total: number | null): void => {
    if (total === this.total) return;
    this.total = total;
    const end = this.map.end;
    if (end !== null && total !== null && total !== end.page * this.size + end.count) {
      const last = this.map.pages.get(end.page);
      if (last) last.stale = true;
      else this.map.end = null;
    }
    this.emit();
    void this.pump();
  };

  /**
   * The library changed: every page here (`all`, when the section's list changed: read again at their
   * positions, as what is where may have moved) or the pages holding `ids` (watched marks, resume points).
   */
  changed = (all: boolean, ids: readonly string[]): void => {
    if (!all && ids.length === 0) return;
    const set = new Set(ids);
    if (all) this.heard.all = true;
    for (const id of ids) this.heard.ids.add(id);
    if (all) this.map.forgetOrder();
    else this.map.markStale((items) => items.some((item) => set.has(this.opts.idOf(item))));
    void this.pump();
  };

  retry = (): void => {
    this.error = null;
    this.emit();
    void this.pump();
  };

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  /** Whether page k is in view or near it: kept, with the cursors that read it. */
  private isNear = (k: number): boolean => k >= this.view.first - this.keep && k <= this.view.last + this.keep;

  /** The last page there can be: the end when seen, else as far as the total reaches (or no bound). */
  private lastPage(): number {
    if (this.map.end !== null) return this.map.end.page;
    if (this.total === null) return Number.POSITIVE_INFINITY;
    return Math.max(Math.ceil(this.total / this.size) - 1, Math.floor(this.map.seen / this.size));
  }

  /** The page to fetch next: a missing one in view (and one beyond), else the first stale one here. */
  private wanted(): Want | null {
    const last = Math.min(this.view.last + 1, this.lastPage());
    for (let k = this.view.first; k <= last; k++) if (!this.map.pages.has(k)) return this.route(k);
    const stale = this.map.firstStale(this.view.first);
    return stale === null ? null : { k: stale, start: this.map.cursorFor(stale) ?? { at: stale * this.size } };
  }

  /** How to get page k: from its cursor, by walking from one a page or two away, else at its position. */
  private route(k: number): Want {
    const direct = this.map.cursorFor(k);
    if (direct) return { k, start: direct };
    const step = this.map.stepToward(k, WALK_PAGES);
    if (step !== null) return { k: step, start: this.map.cursorFor(step)! };
    return { k, start: { at: k * this.size } };
  }

  private async pump(): Promise<void> {
    if (this.fetching || this.holders === 0 || this.error !== null || this.disposed) return;
    const want = this.wanted();
    if (want === null) return;
    this.fetching = true;
    this.heard = { all: false, ids: new Set() };
    let answer: PageAnswer<T>;
    try {
      answer = await this.opts.fetchPage(want.start);
    } catch (error) {
      this.fetching = false;
      this.error = (this.opts.describeError ?? describe)(error);
      this.emit();
      return;
    }
    this.fetching = false;
    if (this.disposed) return;
    // A page passed on the way, or one the view has left, changes nothing shown: no render for it.
    if (this.accept(want, answer) || this.shapeChanged()) this.emit();
    void this.pump();
  }

  /** Takes in an answer; true when its items are kept (they may be on screen). */
  private accept({ k, start }: Want, answer: PageAnswer<T>): boolean {
    this.loaded = true;
    const taking = {
      // Not kept when the view has left while it was on its way (the user kept scrolling).
      kept: this.isNear(k),
      stale: this.heard.all || answer.items.some((item) => this.heard.ids.has(this.opts.idOf(item))),
      // Fetched before the list changed: the items are shown until read again, the cursors are not kept.
      trusted: !this.heard.all,
    };
    if ('at' in start || !start.reverse) {
      this.map.acceptForward(k, answer, taking, this.isNear);
      return taking.kept;
    }
    return this.map.acceptBackward(k, answer, taking, this.isNear) && taking.kept;
  }

  /** The grid's length, or whether it is final or loaded, differs from what was last said. */
  private shapeChanged(): boolean {
    const s = this.snapshot;
    const next = this.makeSnapshot();
    return s.length !== next.length || s.more !== next.more || s.ended !== next.ended || s.loaded !== next.loaded;
  }

  private length(): number {
    const end = this.map.end;
    if (end !== null) return end.page * this.size + end.count;
    return this.total !== null ? Math.max(this.total, this.map.seen) : this.map.seen;
  }

  private makeSnapshot(): PagedSnapshot<T> {
    const ended = this.map.end !== null;
    const more = !ended && (this.total === null || this.map.seen >= this.total);
    const itemAt = (index: number) => this.itemAt(index);
    return { version: this.version, itemAt, length: this.length(), more, ended, loaded: this.loaded, error: this.error };
  }

  private emit(): void {
    this.version++;
    this.snapshot = this.makeSnapshot();
    for (const listener of [...this.listeners]) listener();
  }
}
