import { SCAN_FAILED_SAMPLE, type ScanSummary, type UnparseableFile } from '../../contract/index.js';

/** What one scan did so far, over all its folders. */
export interface ScanTotals {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** The first `SCAN_FAILED_SAMPLE` files it could not read (see `noteFailed`). */
  failed: UnparseableFile[];
  failedCount: number;
  /** Files actually opened and read (tags or ffprobe) in this scan; an unchanged rescan reads none. */
  read: number;
}

export function newScanTotals(): ScanTotals {
  return { added: 0, updated: 0, removed: 0, unchanged: 0, failed: [], failedCount: 0, read: 0 };
}

/** Counts a file the scan could not read, naming it while the sample has room. */
export function noteFailed(totals: ScanTotals, file: UnparseableFile): void {
  totals.failedCount++;
  if (totals.failed.length < SCAN_FAILED_SAMPLE) totals.failed.push(file);
}

/** The summary a scan resolves with. */
export function scanSummary(totals: ScanTotals, durationMs: number): ScanSummary {
  const { added, updated, removed, unchanged, failed, failedCount } = totals;
  return { added, updated, removed, unchanged, failed, failedCount, durationMs: Math.max(0, durationMs) };
}
