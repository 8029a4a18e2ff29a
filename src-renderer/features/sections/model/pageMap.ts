/**
 * The pages of a section kept near the view, by position (page k holds items k × size onwards), and the
 * cursors that read pages next to them: forward from the cursor a page's `next` gave, or backward (the sort
 * reversed, last item first) from one a `prev` gave. A page with no known cursor is read by its position.
 */
export interface Page<T> {
  items: readonly T[];
  /** Shown until its refetch arrives, so a change never blanks the grid. */
  stale: boolean;
}

/** Where a request for a page starts: after a cursor (`reverse`: reading backwards), or at a position. */
export type PageStart = { after: string | null; reverse: boolean } | { at: number };

export interface PageAnswer<T> {
  items: readonly T[];
  /** Continues after the answer's last item, in the direction it was read; null at the end. */
  next: string | null;
  /** Continues before its first item, in the opposite direction; null at the start. */
  prev: string | null;
}

/** How an answer is taken in: whether its items are kept, shown as stale, and whether its cursors are trusted. */
export interface Taking {
  kept: boolean;
  stale: boolean;
  /** False for an answer that may predate a change to the list: its cursors are positions in the old order. */
  trusted: boolean;
}

export class PageMap<T> {
  pages = new Map<number, Page<T>>();
  /** The last page, once seen (its `next` was null), and how many items it holds. */
  end: { page: number; count: number } | null = null;
  /** Items known to exist: full pages seen; only an end found makes it smaller. */
  seen = 0;
  /** `ahead.get(k)` reads page k forward; page 0 needs no cursor. */
  private readonly ahead = new Map<number, string>();
  /** `behind.get(k)` reads page k backward, from the cursor page k + 1's first item gave. */
  private readonly behind = new Map<number, string>();

  constructor(private readonly size: number) {}

  /** How page k can be read from a cursor known here, or null when only its position reaches it. */
  cursorFor(k: number): PageStart | null {
    if (k === 0) return { after: null, reverse: false };
    const ahead = this.ahead.get(k);
    if (ahead !== undefined) return { after: ahead, reverse: false };
    const behind = this.behind.get(k);
    return behind === undefined ? null : { after: behind, reverse: true };
  }

  /**
   * The page nearest k, at most `within` pages from it, whose cursor leads on toward k (forward from before
   * it, backward from after it): walking from it costs fewer requests than a jump saves. Null if none is.
   */
  stepToward(k: number, within: number): number | null {
    for (let d = 1; d <= within; d++) {
      if (k - d === 0 || this.ahead.has(k - d)) return k - d;
      if (this.behind.has(k + d)) return k + d;
    }
    return null;
  }

  /** The first stale page from `from` on, else the first before it: what is in view is read again first. */
  firstStale(from: number): number | null {
    let first: number | null = null;
    const rank = (k: number) => (k >= from ? k : Number.MAX_SAFE_INTEGER - from + k);
    for (const [k, page] of this.pages) if (page.stale && (first === null || rank(k) < rank(first))) first = k;
    return first;
  }

  markStale(holds: (items: readonly T[]) => boolean): void {
    for (const page of this.pages.values()) if (holds(page.items)) page.stale = true;
  }

  /** The list changed: every cursor is a position in the old order, and every page is refetched. */
  forgetOrder(): void {
    this.ahead.clear();
    this.behind.clear();
    this.markStale(() => true);
  }

  /** Drops the pages, and the cursors to pages, that `near` does not keep. */
  drop(near: (k: number) => boolean): void {
    for (const map of [this.pages, this.ahead, this.behind]) for (const k of map.keys()) if (!near(k)) map.delete(k);
  }

  /** Takes in page k read forward (from a cursor or at its position). */
  acceptForward(k: number, answer: PageAnswer<T>, taking: Taking, near: (k: number) => boolean): void {
    this.keep(k, answer.items, taking);
    if (!taking.trusted) return;
    const learnt: Learnt[] = [];
    if (answer.next === null) this.endAt(k, answer.items.length);
    else learnt.push(this.continueAfter(k, answer.next));
    if (k > 0 && answer.prev !== null) learnt.push([this.behind, k - 1, answer.prev]);
    this.learn(k, learnt, near);
  }

  /**
   * Takes in page k read backward (its items last first): true when it fitted. Page k is followed by page
   * k + 1, so it is full, and the start comes exactly after page 0; an answer that says otherwise means the
   * list moved, and everything here is read again.
   */
  acceptBackward(k: number, answer: PageAnswer<T>, taking: Taking, near: (k: number) => boolean): boolean {
    const fits = answer.items.length === this.size && (answer.next === null) === (k === 0);
    if (!fits) {
      if (taking.trusted) this.forgetOrder();
      return false;
    }
    this.keep(k, [...answer.items].reverse(), taking);
    if (!taking.trusted) return true;
    this.seen = Math.max(this.seen, (k + 1) * this.size);
    const learnt: Learnt[] = [];
    if (answer.next !== null) learnt.push([this.behind, k - 1, answer.next]);
    if (answer.prev !== null) learnt.push([this.ahead, k + 1, answer.prev]);
    this.learn(k, learnt, near);
    return true;
  }

  private keep(k: number, items: readonly T[], taking: Taking): void {
    if (taking.kept) this.pages.set(k, { items, stale: taking.stale });
    else this.pages.delete(k);
  }

  private endAt(k: number, count: number): void {
    this.end = { page: k, count };
    this.seen = k * this.size + count;
    this.drop((key) => key <= k);
    // Page k is the last: nothing reads a page after it, or page k itself backward.
    this.behind.delete(k);
  }

  private continueAfter(k: number, next: string): Learnt {
    if (this.end !== null && this.end.page <= k) this.end = null;
    this.seen = Math.max(this.seen, (k + 1) * this.size);
    return [this.ahead, k + 1, next];
  }

  /**
   * Keeps the cursors an answer for page `from` gave (those near the view). One that differs from the cursor
   * known for the same page means the list moved: the cursors known are positions in the old order, and the
   * other pages here are read again.
   */
  private learn(from: number, learnt: readonly Learnt[], near: (k: number) => boolean): void {
    if (learnt.some(([cursors, k, cursor]) => cursors.has(k) && cursors.get(k) !== cursor)) {
      // The page just taken is read in the new order: it stays as it was taken.
      const page = this.pages.get(from);
      const stale = page?.stale ?? false;
      this.forgetOrder();
      if (page) page.stale = stale;
    }
    for (const [cursors, k, cursor] of learnt) if (near(k)) cursors.set(k, cursor);
  }
}

/** A cursor an answer gave: the map it belongs in, the page it reads, the cursor. */
type Learnt = [cursors: Map<number, string>, k: number, cursor: string];
