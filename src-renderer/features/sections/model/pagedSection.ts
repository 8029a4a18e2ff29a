import { PageChain } from './pageChain';

/**
 * A section of the library read a page at a time (keyset pagination), as a grid needs it: pure, so it is
 * tested without React; `usePagedSection` is its thin hook.
 *
 * Important invariants:
 * - Forward page k starts at item k × pageSize: main answers every page but the last in full.
 * - Page k is fetched from the cursor page k-1's answer gave, so pages are reached in order. With an exact
 *   total, a second chain reads from the end (the same order reversed): tail page j holds the items
 *   total-1-j×pageSize downwards, so End, or a drag of the scrollbar to the bottom, is one request away,
 *   and no place is more than half the list's pages from a chain.
 * - One fetch at a time: answers are applied in the order they were asked for, and a cursor is never
 *   replaced while a fetch that used it is out.
 */

export interface PageAnswer<T> {
  items: readonly T[];
  next: string | null;
}

export interface PagedSectionOptions<T> {
  /** One page from `after` (null: from the start), or from the end backwards when `reverse`. */
  fetchPage: (after: string | null, reverse: boolean) => Promise<PageAnswer<T>>;
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
  /** A page has arrived at least once (before that, the screen shows its loading state). */
  loaded: boolean;
  error: string | null;
}

/** Changes heard while a fetch was out: its answer may predate them. */
interface Heard {
  all: boolean;
  ids: Set<string>;
}

interface Want<T> {
  chain: PageChain<T>;
  k: number;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class PagedSectionStore<T> {
  private readonly size: number;
  private readonly keep: number;
  private readonly fwd: PageChain<T>;
  private readonly tail: PageChain<T>;
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
    this.fwd = new PageChain<T>(this.size);
    this.tail = new PageChain<T>(this.size);
    this.snapshot = this.makeSnapshot();
  }

  getSnapshot = (): PagedSnapshot<T> => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The item at `index`, or undefined while its page is not here (a skeleton). */
  itemAt = (index: number): T | undefined => {
    const page = this.fwd.pages.get(Math.floor(index / this.size));
    if (page) return page.items[index % this.size];
    if (!this.tailUsable() || index >= this.total!) return undefined;
    const fromEnd = this.total! - 1 - index;
    return this.tail.pages.get(Math.floor(fromEnd / this.size))?.items[fromEnd % this.size];
  };

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
    this.fwd.drop((k) => this.isKept(k, k));
    this.tail.drop((j) => this.tailKept(j));
    void this.pump();
  };

  /**
   * The exact total from `library.counts`, or null where none exists (several filters at once). A total
   * that disagrees with an end already seen means the list changed there: the end is looked at again.
   * Tail pages stay where they are counted from: the end.
   */
  setTotal = (total: number | null): void => {
    if (total === this.total) return;
    this.total = total;
    const end = this.fwd.end;
    if (end !== null && total !== null && total !== end.page * this.size + end.count) {
      const last = this.fwd.pages.get(end.page);
      if (last) last.stale = true;
      else this.fwd.end = null;
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
    const holds = (items: readonly T[]) => all || items.some((item) => set.has(this.opts.idOf(item)));
    this.fwd.markStale(holds);
    this.tail.markStale(holds);
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

  /** Whether forward pages `from`..`to` touch the pages in view or near them. */
  private isKept(from: number, to: number): boolean {
    return to >= this.view.first - this.keep && from <= this.view.last + this.keep;
  }

  /** The forward pages tail page j overlaps. */
  private tailSpan(j: number): [number, number] {
    const hi = this.total! - 1 - j * this.size;
    const lo = Math.max(0, hi - this.size + 1);
    return [Math.floor(lo / this.size), Math.floor(Math.max(0, hi) / this.size)];
  }

  private tailKept(j: number): boolean {
    return this.tailUsable() && this.isKept(...this.tailSpan(j));
  }

  /** Reading from the end needs an exact total, and is pointless once the forward chain has seen the end. */
  private tailUsable(): boolean {
    return this.total !== null && this.total > 0 && this.fwd.end === null;
  }

  /** The tail pages forward page k needs, or null when the tail cannot serve it. */
  private tailPagesFor(k: number): [number, number] | null {
    if (!this.tailUsable()) return null;
    const lo = k * this.size;
    const hi = Math.min((k + 1) * this.size, this.total!) - 1;
    if (lo > hi) return null;
    return [Math.floor((this.total! - 1 - hi) / this.size), Math.floor((this.total! - 1 - lo) / this.size)];
  }

  /** The last forward page there can be: the end when seen, else as far as the total reaches (or no bound). */
  private lastPage(): number {
    if (this.fwd.end !== null) return this.fwd.end.page;
    if (this.total === null) return Number.POSITIVE_INFINITY;
    return Math.max(Math.ceil(this.total / this.size) - 1, Math.floor(this.fwd.seen / this.size));
  }

  /** The page to fetch next: a missing one in view (and one beyond), else the first stale one here. */
  private wanted(): Want<T> | null {
    const last = Math.min(this.view.last + 1, this.lastPage());
    for (let k = this.view.first; k <= last; k++) {
      if (this.fwd.pages.has(k)) continue;
      const want = this.route(k);
      if (want) return want;
    }
    const f = this.fwd.firstStale();
    if (f !== null) return { chain: this.fwd, k: f };
    const t = this.tail.firstStale();
    return t !== null && this.tailKept(t) ? { chain: this.tail, k: t } : null;
  }

  /** How to get forward page k's items: from whichever chain reaches them in fewer requests; null if here. */
  private route(k: number): Want<T> | null {
    const span = this.tailPagesFor(k);
    if (!span) return { chain: this.fwd, k };
    const missing: number[] = [];
    for (let j = span[0]; j <= span[1]; j++) if (!this.tail.pages.has(j)) missing.push(j);
    if (missing.length === 0) return null;
    const forwardCost = k - this.fwd.frontier();
    const tailCost = missing[missing.length - 1]! - this.tail.frontier();
    return tailCost < forwardCost ? { chain: this.tail, k: missing[0]! } : { chain: this.fwd, k };
  }

  private async pump(): Promise<void> {
    if (this.fetching || this.holders === 0 || this.error !== null || this.disposed) return;
    const want = this.wanted();
    if (want === null) return;
    const { chain } = want;
    // A page whose cursor is not known yet is reached through the furthest one that is.
    const k = Math.min(want.k, chain.frontier());
    this.fetching = true;
    this.heard = { all: false, ids: new Set() };
    let answer: PageAnswer<T>;
    try {
      answer = await this.opts.fetchPage(chain.cursors[k] ?? null, chain === this.tail);
    } catch (error) {
      this.fetching = false;
      this.error = (this.opts.describeError ?? describe)(error);
      this.emit();
      return;
    }
    this.fetching = false;
    if (this.disposed) return;
    // A page passed on the way to a far one changes nothing shown: no render for it.
    if (this.accept(chain, k, answer) || this.shapeChanged()) this.emit();
    void this.pump();
  }

  /** Takes in an answer; true when its items are kept (they may be on screen). */
  private accept(chain: PageChain<T>, k: number, answer: PageAnswer<T>): boolean {
    this.loaded = true;
    const stale = this.heard.all || answer.items.some((item) => this.heard.ids.has(this.opts.idOf(item)));
    const kept = chain === this.fwd ? this.isKept(k, k) : this.tailKept(k);
    chain.accept(k, answer.items, answer.next, { kept, stale });
    // Seen from the start to the end: the tail has nothing more to add.
    if (this.fwd.end !== null) this.tail.drop(() => false);
    return kept;
  }

  /** The grid's length, or whether it is final or loaded, differs from what was last said. */
  private shapeChanged(): boolean {
    const s = this.snapshot;
    const next = this.makeSnapshot();
    return s.length !== next.length || s.more !== next.more || s.ended !== next.ended || s.loaded !== next.loaded;
  }

  private length(): number {
    const end = this.fwd.end;
    if (end !== null) return end.page * this.size + end.count;
    return this.total !== null ? Math.max(this.total, this.fwd.seen) : this.fwd.seen;
  }

  private makeSnapshot(): PagedSnapshot<T> {
    const ended = this.fwd.end !== null;
    const more = !ended && (this.total === null || this.fwd.seen >= this.total);
    const itemAt = (index: number) => this.itemAt(index);
    return { version: this.version, itemAt, length: this.length(), more, ended, loaded: this.loaded, error: this.error };
  }

  private emit(): void {
    this.version++;
    this.snapshot = this.makeSnapshot();
    for (const listener of [...this.listeners]) listener();
  }
}
