import type { TelemetryPart } from '../contract/index.js';

/** What changed, so the "What we collect" screen refetches only that part. */
export type ChangeReason = 'queue' | 'preview' | 'consent' | 'network' | 'ledger';

const PARTS_CHANGED_BY: Readonly<Record<ChangeReason, readonly TelemetryPart[]>> = {
  // The next batch is cut from the queue (and its hold).
  queue: ['queue', 'nextBatch'],
  preview: ['preview'],
  // Whether uploads may happen now (the Network tab's "enabled") follows the master switch.
  consent: ['consent', 'network'],
  network: ['network'],
  ledger: ['ledger'],
};

/** The parts of the screen a change may have changed. */
export function partsChangedBy(reason: ChangeReason): readonly TelemetryPart[] {
  return PARTS_CHANGED_BY[reason];
}

/** The listeners of onDidChange. */
export class ChangeListeners {
  private readonly listeners = new Set<(reason: ChangeReason) => void>();

  /** Adds a listener; the returned function removes it. */
  add(listener: (reason: ChangeReason) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(reason: ChangeReason): void {
    for (const l of this.listeners) {
      try {
        l(reason);
      } catch {
        // A listener's bug must not break recording or uploading.
      }
    }
  }
}
