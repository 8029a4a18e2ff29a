import type { EventQueue } from './event-queue.js';
import type { Generalized } from './generalize.js';

export interface GroupCommitOptions {
  queue: EventQueue;
  reviewWindowMs: number;
  /** Told the ids of every group just committed (acknowledged); a throw from it is ignored. */
  onCommit?: (ids: readonly string[]) => void;
  /** Told after each commit that reached the queue. */
  onQueueChanged: () => void;
  /** Aborted when the pipeline closes: nothing is written after that (the database is closed). */
  closed: AbortSignal;
}

/**
 * Group commit. add() only appends to an in-memory group; commit() writes the whole group in ONE transaction
 * (synchronous=FULL: one fsync per group, not per event), scheduled with setImmediate right after the turn
 * that recorded, and run first by everything that reads or changes the queue (snapshot, send, delete,
 * purge, close), so nothing is missed or counted twice.
 *
 * The durability trade, on purpose: an event is acknowledged when this transaction commits, not when
 * record() returns. A crash in the few milliseconds between the two loses those events; they were never
 * acknowledged (flush() had not resolved, onCommit had not named them). In exchange record() costs
 * microseconds instead of an fsync, and never blocks playback on the disk.
 */
export class GroupCommit {
  /** Recorded but not yet committed; never more than the queue could hold (the rest are counted drops). */
  private group: { ev: Generalized; nowMs: number }[] = [];
  private overflow = 0;
  private scheduled = false;
  private readonly maxEvents: number;
  private reviewWindowMs: number;

  constructor(private readonly o: GroupCommitOptions) {
    this.maxEvents = o.queue.bounds().maxEvents;
    this.reviewWindowMs = o.reviewWindowMs;
  }

  /** Takes one event into the group (or counts it as a drop when the group is full) and schedules the commit. */
  add(ev: Generalized, nowMs: number): void {
    if (this.group.length >= this.maxEvents) this.overflow++;
    else this.group.push({ ev, nowMs });
    this.schedule();
  }

  /**
   * Events recorded from now on wait `ms` in review. Those already recorded are committed first with the
   * window they were recorded under: a change in Settings is not retroactive.
   */
  setReviewWindow(ms: number): void {
    this.commit();
    this.reviewWindowMs = ms;
  }

  /** Writes the pending group now, in one transaction. */
  commit(): void {
    if (this.o.closed.aborted || (this.group.length === 0 && this.overflow === 0)) return;
    const group = this.group;
    const extraDrops = this.overflow;
    this.group = [];
    this.overflow = 0;
    let ids: string[];
    try {
      ids = this.o.queue.appendMany(group, this.reviewWindowMs, extraDrops);
    } catch {
      // A full or broken disk: the group is lost, never half-stored, and was never acknowledged.
      return;
    }
    try {
      this.o.onCommit?.(ids);
    } catch {
      // The hook's bug must not break recording.
    }
    this.o.onQueueChanged();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.commit();
    });
  }
}
