/** What changed, so the "What we collect" screen refetches only that part. */
export type ChangeReason = 'queue' | 'preview' | 'consent' | 'network' | 'ledger';

/** The listeners of onDidChange. */
export class ChangeListeners {
  private readonly listeners = new Set<(reason: string) => void>();

  /** Adds a listener; the returned function removes it. */
  add(listener: (reason: string) => void): () => void {
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
