/**
 * Work that outlives the call that started it (scans, uploads, opening a stream): remembered so that closing
 * the app waits for it, with a bound, instead of closing the stores under it.
 */
export class Jobs {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(job: Promise<T>): Promise<T> {
    this.running.add(job);
    void job.finally(() => this.running.delete(job)).catch(() => undefined);
    return job;
  }

  /** Resolves when every job (and `also`) has settled, or after `boundMs`, whichever comes first. */
  async settle(boundMs: number, ...also: Promise<unknown>[]): Promise<void> {
    const all = Promise.allSettled([...this.running, ...also]);
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise((resolve) => (timer = setTimeout(resolve, boundMs).unref()));
    await Promise.race([all, bound]);
    clearTimeout(timer);
  }
}
