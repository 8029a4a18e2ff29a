import type { Category, ConsentState } from '../contract/index.js';
import { AppError } from '../contract/index.js';
import { CATALOG_VERSION, CATEGORY_SINCE } from '../event-catalog/index.js';
import type { Kv, TelemetryDb } from './db.js';
import type { ForceOff } from './policy.js';

const ALL: Category[] = ['performance', 'usage', 'diagnostics'];

interface Stored {
  seen: boolean;
  master: boolean;
  categories: Record<Category, boolean>;
  /** The catalog version the user last chose at; categories introduced later are pending (and off). */
  chosenAt: number;
}

const DEFAULT: Stored = { seen: false, master: false, categories: { performance: false, usage: false, diagnostics: false }, chosenAt: 0 };

/**
 * Consent, persisted in telemetry.db next to the queue.
 *
 * Important: it lives in the same database as the queue on purpose, so turning a category (or the master
 * switch) off and purging its queued events commit in one transaction: a crash cannot leave events queued
 * for a category the user turned off.
 */
export class Consent {
  private state: Stored;

  constructor(
    private readonly db: TelemetryDb,
    private readonly kv: Kv,
    private readonly forced: ForceOff | null,
    /** Deletes queued events of one category (null: all) and returns how many; run inside our transaction. */
    private readonly purge: (category: Category | null) => number,
    private readonly version = CATALOG_VERSION,
    private readonly since: Record<Category, number> = CATEGORY_SINCE,
  ) {
    this.state = { ...DEFAULT, ...kv.get<Partial<Stored>>('consent', {}) };
    this.state.categories = { ...DEFAULT.categories, ...this.state.categories };
  }

  get forcedOff(): ForceOff | null {
    return this.forced;
  }

  /** Categories added by a newer catalog since the user last chose. */
  pending(): Category[] {
    if (!this.state.seen) return [];
    return ALL.filter((c) => this.since[c] > this.state.chosenAt);
  }

  /** True when an event of this category may be stored now. */
  allows(category: Category): boolean {
    const s = this.state;
    return !this.forced && s.seen && s.master && s.categories[category] && this.since[category] <= s.chosenAt;
  }

  /** True when anything at all may be recorded or sent. */
  anyOn(): boolean {
    return ALL.some((c) => this.allows(c));
  }

  /** Master on and not forced off: the condition for the upload purpose. */
  masterOn(): boolean {
    return !this.forced && this.state.seen && this.state.master;
  }

  dto(): ConsentState {
    const s = this.state;
    const off = this.forced !== null;
    return {
      seen: s.seen,
      master: off ? false : s.master,
      // The user's own toggles (a pending category is stored off); all shown off while something forces off.
      categories: Object.fromEntries(ALL.map((c) => [c, !off && s.categories[c]])) as Record<Category, boolean>,
      source: this.forced?.source ?? 'user',
      lockedReason: this.forced?.reason ?? null,
      pendingCategories: this.pending(),
    };
  }

  markSeen(): void {
    // Seeing the screen records the catalog version only the first time; later choices update it.
    if (this.state.seen) return;
    this.save({ ...this.state, seen: true, chosenAt: this.version });
  }

  /** Master on/off; off purges every queued event in the same transaction and returns how many. */
  setMaster(on: boolean): { purged: number } {
    this.assertUnlocked();
    const next = { ...this.state, seen: true, master: on, chosenAt: this.version };
    return this.commit(next, () => (on ? 0 : this.purge(null)));
  }

  /** One category on/off; off purges that category's queued events in the same transaction. */
  setCategory(category: Category, on: boolean): { purged: number } {
    this.assertUnlocked();
    const next = { ...this.state, seen: true, categories: { ...this.state.categories, [category]: on }, chosenAt: this.version };
    return this.commit(next, () => (on ? 0 : this.purge(category)));
  }

  private assertUnlocked(): void {
    if (this.forced) throw new AppError('forbidden', this.forced.reason);
  }

  /** Saves the new state and runs the purge in one transaction; memory follows only after the commit. */
  private commit(next: Stored, purge: () => number): { purged: number } {
    const purged = this.db.transaction(() => {
      this.kv.set('consent', next);
      return purge();
    })();
    this.state = next;
    return { purged };
  }

  private save(next: Stored): void {
    this.kv.set('consent', next);
    this.state = next;
  }
}
