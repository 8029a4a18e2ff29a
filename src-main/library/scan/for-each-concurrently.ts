/**
 * Runs `work` over `items` with at most `concurrency` in flight, in order of start. Stops starting new
 * work once `signal` aborts; work already running is awaited. The first thrown error (from `work`)
 * stops the run and is rethrown after the running work settles.
 */
export async function forEachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const runner = async (): Promise<void> => {
    while (next < items.length && !failure && !signal?.aborted) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, runner));
  if (failure) throw (failure as { error: unknown }).error;
}
