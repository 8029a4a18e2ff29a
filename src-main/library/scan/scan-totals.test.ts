import { describe, expect, it } from 'vitest';
import { SCAN_FAILED_SAMPLE, ScanSummary } from '../../contract/index.js';
import { newScanTotals, noteFailed, scanSummary } from './scan-totals.js';

describe('scan totals', () => {
  it('counts every unreadable file but names only the first few, so a scan of broken downloads answers small', () => {
    const totals = newScanTotals();
    for (let i = 0; i < 10_000; i++) noteFailed(totals, { name: `broken ${i}.mkv`, reason: 'the file is empty (0 bytes)' });
    const summary = ScanSummary.parse(scanSummary(totals, 1200));
    expect(summary.failedCount).toBe(10_000);
    expect(summary.failed).toHaveLength(SCAN_FAILED_SAMPLE);
    expect(summary.failed[0]!.name).toBe('broken 0.mkv');
  });
});
