import type { Category, ChainVerdict, ConsentSource, EventStatus } from '../../api';
import { formatClock, formatDateTime, formatMinutes, formatTimeLeft } from '../../ui';

export const CATEGORIES: readonly Category[] = ['performance', 'usage', 'diagnostics'];

export const CATEGORY_LABEL: Record<Category, string> = {
  performance: 'Performance',
  usage: 'Usage',
  diagnostics: 'Diagnostics',
};

export const CATEGORY_BLURB: Record<Category, string> = {
  performance: 'How quickly scanning and playback work, in coarse buckets.',
  usage: 'Which features get used, counted without anything about what you watch.',
  diagnostics: 'What kinds of errors happen, as fixed error kinds only.',
};

/** The review window in words, "24 h" or "none" (a window of 0 lets events leave at once: not "0 min"). */
export function reviewWindowLabel(ms: number): string {
  return ms > 0 ? formatMinutes(ms / 60_000) : 'none';
}

/** Said wherever no endpoint is configured: the first-run screen and the next batch. */
export const NO_ENDPOINT = 'No endpoint configured: nothing will leave this machine.';

/** Said wherever consent is locked by a setting that gave no reason of its own. */
export const LOCKED_FALLBACK = 'Telemetry is switched off by a setting outside the app.';

export const SOURCE_LABEL: Record<ConsentSource, string> = {
  user: 'You',
  'do-not-track': 'DO_NOT_TRACK',
  environment: 'Environment variable',
  'command-line': 'Command line',
  policy: 'Administrator policy',
};

/**
 * "In review until 14:10 (8 min left)", "… until 24 Nov 14:10 (23 h 59 min left)", "Ready to send", "In next batch", "Held".
 * The time left is capped at `windowMs`, the review window every event waits.
 */
export function statusLabel(status: EventStatus, reviewUntil: string, inBatch: boolean, now: number, windowMs?: number): string {
  if (status === 'held') return 'Held';
  if (status === 'in-review') {
    const left = formatTimeLeft(reviewUntil, now, windowMs);
    const sameDay = new Date(reviewUntil).toDateString() === new Date(now).toDateString();
    const until = sameDay ? formatClock(reviewUntil) : formatDateTime(reviewUntil, new Date(now));
    return `In review until ${until}${left ? ` (${left} left)` : ''}`;
  }
  return inBatch ? 'In next batch' : 'Ready to send';
}

/** "12 queued events deleted", "1 queued event deleted", "No queued events deleted". */
export function purgeMessage(n: number): string {
  if (n === 0) return 'No queued events deleted';
  return `${n.toLocaleString('en-US')} queued ${n === 1 ? 'event' : 'events'} deleted`;
}

/** "Glasswing will record usage, diagnostics events into your local queue.", or that nothing is recorded. */
export function recordingSummary(categories: readonly Category[]): string {
  if (categories.length === 0) return 'With everything off, Glasswing records nothing.';
  return `Glasswing will record ${categories.map((c) => CATEGORY_LABEL[c].toLowerCase()).join(', ')} events into your local queue.`;
}

/** "Chain OK: 3 entries", or "Chain broken at entry 2: …" with the ledger's own reason. */
export function verdictLabel(verdict: ChainVerdict): string {
  return verdict.ok
    ? `Chain OK: ${verdict.entries} ${verdict.entries === 1 ? 'entry' : 'entries'}`
    : `Chain broken at entry ${verdict.brokenAt ?? '?'}: ${verdict.message}`;
}
