/**
 * The pages of a section read in one direction, each from the cursor the page before it gave (keyset
 * pagination): page 0 from no cursor, page k from `cursors[k]`. Kept items are in `pages`; the cursors are
 * all kept (they are small), so a page dropped far from the view is fetched again directly.
 */
export interface Page<T> {
  items: readonly T[];
  /** Shown until its refetch arrives, so a change never blanks the grid. */
  stale: boolean;
}

export class PageChain<T> {
  cursors: Array<string | null> = [null];
  pages = new Map<number, Page<T>>();
  /** The last page, once seen (its `next` was null), and how many items it holds. */
  end: { page: number; count: number } | null = null;
  /** Items known to exist: full pages seen; only an end found makes it smaller. */
  seen = 0;

  constructor(private readonly size: number) {}

  /** The furthest page whose cursor is known: a page beyond it is reached through it. */
  frontier(): number {
    return this.cursors.length - 1;
  }

  firstStale(): number | null {
    let first: number | null = null;
    for (const [k, page] of this.pages) if (page.stale && (first === null || k < first)) first = k;
    return first;
  }

  markStale(holds: (items: readonly T[]) => boolean): void {
    for (const page of this.pages.values()) if (holds(page.items)) page.stale = true;
  }

  drop(kept: (k: number) => boolean): void {
    for (const k of this.pages.keys()) if (!kept(k)) this.pages.delete(k);
  }

  /** Takes in page k's answer, keeping its items or not. */
  accept(k: number, items: readonly T[], next: string | null, keep: { kept: boolean; stale: boolean }): void {
    if (keep.kept) this.pages.set(k, { items, stale: keep.stale });
    else this.pages.delete(k);
    if (next === null) this.endAt(k, items.length);
    else this.continueAfter(k, next);
  }

  private endAt(k: number, count: number): void {
    this.end = { page: k, count };
    this.seen = k * this.size + count;
    this.cursors.length = k + 1;
    for (const key of this.pages.keys()) if (key > k) this.pages.delete(key);
  }

  private continueAfter(k: number, next: string): void {
    if (this.end !== null && this.end.page <= k) this.end = null;
    this.seen = Math.max(this.seen, (k + 1) * this.size);
    const known = this.cursors[k + 1];
    if (known === next) return;
    // The later cursors were positions in the old order: they are found again from this one.
    this.cursors.length = k + 1;
    this.cursors.push(next);
    if (known !== undefined) for (const [key, page] of this.pages) if (key > k) page.stale = true;
  }
}
