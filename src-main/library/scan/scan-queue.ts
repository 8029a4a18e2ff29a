import type { ScanProgress, ScanSummary } from '../../contract/index.js';
import type { Clock } from '../../ports.js';
import { ProgressReporter } from './progress.js';

export interface ScanOptions {
  folderId?: string;
  onProgress?: (p: ScanProgress) => void;
  signal?: AbortSignal;
}

/** Runs one scan: of the folder `scope`, or of all (null), reporting to `progress`. */
type RunScan = (scope: string | null, progress: ProgressReporter, opts: ScanOptions) => Promise<ScanSummary>;

interface ScanJob {
  scope: string | null;
  progress: ProgressReporter;
  promise: Promise<ScanSummary>;
  settled: boolean;
}

/**
 * One scan at a time. A scan asked for while one covering the same folders is running or queued joins
 * it (same promise; its `onProgress` is added, its `signal` ignored); any other waits its turn behind it.
 */
export class ScanQueue {
  private latest: ScanJob | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly run: RunScan,
  ) {}

  enqueue(opts: ScanOptions): Promise<ScanSummary> {
    const scope = opts.folderId ?? null;
    const previous = this.latest;
    if (previous && !previous.settled && (previous.scope === null || previous.scope === scope)) {
      previous.progress.listen(opts.onProgress);
      return previous.promise;
    }
    const progress = new ProgressReporter(this.clock);
    progress.listen(opts.onProgress);
    const start = (): Promise<ScanSummary> => this.run(scope, progress, opts);
    const promise = (previous ? previous.promise.then(start, start) : start()).finally(() => {
      job.settled = true;
    });
    const job: ScanJob = { scope, progress, promise, settled: false };
    this.latest = job;
    return promise;
  }

  /** Settles once no scan is running or queued. */
  async idle(): Promise<void> {
    while (this.latest && !this.latest.settled) await this.latest.promise.catch(() => undefined);
  }
}
