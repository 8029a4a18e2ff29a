/**
 * A section of the library read a page at a time (keyset pagination), as a grid needs it: pure, so it is
 * tested without React; `usePagedSection` is its thin hook.
 *
 * Important invariants:
 * - Page k starts at item k × pageSize: main answers every page but the last in full.
 * - Page k is fetched from `cursors[k]` (null for the first), which only page k-1's answer gives, so pages
 *   are reached in order; the cursors are kept (they are small), the items only near the view.
 * - One fetch at a time: answers are applied in the order they were asked for, and a cursor is never
 *   replaced while a fetch that used it is out.
 */

export interface PageAnswer<T> {
  items: readonly T[];
  next: string | null;
}

export interface PagedSectionOptions<T> {
  /** One page from `after` (null: from the start). */
  fetchPage: (after: string | null) => Promise<PageAnswer<T>>;
  pageSize: number;
  idOf: (item: T) => string;
  /** Pages kept either side of those in view; the rest are dropped, and fetched again from their cursor. */
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
  /** A page is on its way. */
  loading: boolean;
  /** A page has arrived at least once (before that, the screen shows its loading state). */
  loaded: boolean;
  error: string | null;
}

interface Page<T> {
  items: readonly T[];
  /** Shown until its refetch arrives, so a change never blanks the grid. */
  stale: boolean;
}

/** Changes heard while a fetch was out: its answer may predate them. */
interface Heard {
  all: boolean;
  ids: Set<string>;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class PagedSectionStore<T> {
  private readonly size: number;
  private readonly keep: number;
  private cursors: Array<string | null> = [null];
  private pages = new Map<number, Page<T>>();
  private endPage: number | null = null;
  private endLength = 0;
  /** Items known to exist (full pages seen); only an end found makes it smaller. */
  private grown = 0;
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
    this.snapshot = this.makeSnapshot();
  }

  getSnapshot = (): PagedSnapshot<T> => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The item at `index`, or undefined while its page is not here (a skeleton). */
  itemAt = (index: number): T | undefined => this.pages.get(Math.floor(index / this.size))?.items[index % this.size];

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
    for (const k of this.pages.keys()) if (!this.isKept(k)) this.pages.delete(k);
    void this.pump();
  };

  /**
   * The exact total from `library.counts`, or null where none exists (several filters at once). A total
   * that disagrees with an end already seen means the list changed there: the end is looked at again.
   */
  setTotal = (total: number | null): void => {
    if (total === this.total) return;
    this.total = total;
    if (this.endPage !== null && total !== null && total !== this.endPage * this.size + this.endLength) {
      const last = this.pages.get(this.endPage);
      if (last) last.stale = true;
      else this.endPage = null;
    }
    this.emit();
    void this.pump();
  };

  /**
   * The library changed: every page here (`all`, when the section's list changed) or the pages holding
   * `ids` (watched marks, resume points) are fetched again from their cursors, in order.
   */
  changed = (all: boolean, ids: readonly string[]): void => {
    if (!all && ids.length === 0) return;
    const set = new Set(ids);
    if (all) this.heard.all = true;
    for (const id of ids) this.heard.ids.add(id);
    for (const page of this.pages.values()) if (all || page.items.some((item) => set.has(this.opts.idOf(item)))) page.stale = true;
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

  private isKept(k: number): boolean {
    return k >= this.view.first - this.keep && k <= this.view.last + this.keep;
  }

  /** The last page there can be: the end when seen, else as far as the total reaches (or no bound). */
  private lastPage(): number {
    if (this.endPage !== null) return this.endPage;
    if (this.total === null) return Number.POSITIVE_INFINITY;
    return Math.max(Math.ceil(this.total / this.size) - 1, Math.floor(this.grown / this.size));
  }

  /** The page to fetch next: a missing one in view (and one beyond), else the first stale one here. */
  private wanted(): number | null {
    const last = Math.min(this.view.last + 1, this.lastPage());
    for (let k = this.view.first; k <= last; k++) if (!this.pages.has(k)) return k;
    let stale: number | null = null;
    for (const [k, page] of this.pages) if (page.stale && (stale === null || k < stale)) stale = k;
    return stale;
  }

  private async pump(): Promise<void> {
    if (this.fetching || this.holders === 0 || this.error !== null || this.disposed) return;
    const want = this.wanted();
    if (want === null) return;
    // A page whose cursor is not known yet is reached through the furthest one that is.
    const k = Math.min(want, this.cursors.length - 1);
    this.fetching = true;
    this.heard = { all: false, ids: new Set() };
    this.emit();
    let answer: PageAnswer<T>;
    try {
      answer = await this.opts.fetchPage(this.cursors[k] ?? null);
    } catch (error) {
      this.fetching = false;
      this.error = (this.opts.describeError ?? describe)(error);
      this.emit();
      return;
    }
    this.fetching = false;
    if (this.disposed) return;
    this.accept(k, answer);
    this.emit();
    void this.pump();
  }

  private accept(k: number, answer: PageAnswer<T>): void {
    this.loaded = true;
    const outdated = this.heard.all || answer.items.some((item) => this.heard.ids.has(this.opts.idOf(item)));
    if (this.isKept(k)) this.pages.set(k, { items: answer.items, stale: outdated });
    else this.pages.delete(k);
    if (answer.next === null) this.endAt(k, answer.items.length);
    else this.continueAfter(k, answer.next);
  }

  private endAt(k: number, count: number): void {
    this.endPage = k;
    this.endLength = count;
    this.grown = k * this.size + count;
    this.cursors.length = k + 1;
    for (const key of this.pages.keys()) if (key > k) this.pages.delete(key);
  }

  private continueAfter(k: number, next: string): void {
    if (this.endPage !== null && this.endPage <= k) this.endPage = null;
    this.grown = Math.max(this.grown, (k + 1) * this.size);
    const known = this.cursors[k + 1];
    if (known === next) return;
    // The later cursors were positions in the old order: they are found again from this one.
    this.cursors.length = k + 1;
    this.cursors.push(next);
    if (known !== undefined) for (const [key, page] of this.pages) if (key > k) page.stale = true;
  }

  private length(): number {
    if (this.endPage !== null) return this.endPage * this.size + this.endLength;
    return this.total !== null ? Math.max(this.total, this.grown) : this.grown;
  }

  private makeSnapshot(): PagedSnapshot<T> {
    const length = this.length();
    const ended = this.endPage !== null;
    const more = !ended && (this.total === null || this.grown >= this.total);
    const itemAt = (index: number) => this.itemAt(index);
    return { version: this.version, itemAt, length, more, ended, loading: this.fetching, loaded: this.loaded, error: this.error };
  }

  private emit(): void {
    this.version++;
    this.snapshot = this.makeSnapshot();
    for (const listener of [...this.listeners]) listener();
  }
}
