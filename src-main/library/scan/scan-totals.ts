import type { ScanSummary, UnparseableFile } from '../../contract/index.js';

/** What one scan did so far, over all its folders. */
export interface ScanTotals {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  failed: UnparseableFile[];
  /** Files actually opened and read (tags or ffprobe) in this scan; an unchanged rescan reads none. */
  read: number;
}

export function newScanTotals(): ScanTotals {
  return { added: 0, updated: 0, removed: 0, unchanged: 0, failed: [], read: 0 };
}

/** The summary a scan resolves with. */
export function scanSummary(totals: ScanTotals, durationMs: number): ScanSummary {
  const { added, updated, removed, unchanged, failed } = totals;
  return { added, updated, removed, unchanged, failed, durationMs: Math.max(0, durationMs) };
}
