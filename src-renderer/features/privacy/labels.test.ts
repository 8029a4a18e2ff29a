import { describe, expect, it } from 'vitest';
import { recordingSummary, reviewWindowLabel, statusLabel, verdictLabel } from './labels';

describe('privacy labels', () => {
  it('names what first run will record, or says nothing will be', () => {
    expect(recordingSummary(['usage', 'diagnostics'])).toBe('Glasswing will record usage, diagnostics events into your local queue.');
    expect(recordingSummary([])).toBe('With everything off, Glasswing records nothing.');
  });

  it('words a chain verdict, with the entry count or where it broke', () => {
    expect(verdictLabel({ ok: true, entries: 1, brokenAt: null, message: 'ok' })).toBe('Chain OK: 1 entry');
    expect(verdictLabel({ ok: true, entries: 3, brokenAt: null, message: 'ok' })).toBe('Chain OK: 3 entries');
    expect(verdictLabel({ ok: false, entries: 4, brokenAt: 3, message: 'hash does not match its bytes' })).toBe('Chain broken at entry 3: hash does not match its bytes');
    expect(verdictLabel({ ok: false, entries: 4, brokenAt: null, message: 'unreadable' })).toBe('Chain broken at entry ?: unreadable');
  });

  it('right after recording, a 24 h review window says 24 h left, never more', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    // The screen's clock is refreshed every 30 s, so it can lag the moment the event was recorded.
    const reviewUntil = new Date(now + 24 * 3_600_000 + 29_000).toISOString();
    expect(statusLabel('in-review', reviewUntil, false, now, 24 * 3_600_000)).toMatch(/\(24 h left\)$/);
  });

  it('says a review window of 0 is none, not "0 min"', () => {
    expect(reviewWindowLabel(0)).toBe('none');
    expect(reviewWindowLabel(24 * 3_600_000)).toBe('24 h');
    expect(reviewWindowLabel(30 * 60_000)).toBe('30 min');
  });
});
