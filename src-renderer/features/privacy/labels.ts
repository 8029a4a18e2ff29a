import type { Category, ConsentSource, EventStatus } from '../../api';
import { formatClock, formatDateTime, formatMinutes, minutesUntil } from '../../ui';

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

export const SOURCE_LABEL: Record<ConsentSource, string> = {
  user: 'You',
  'do-not-track': 'DO_NOT_TRACK',
  environment: 'Environment variable',
  'command-line': 'Command line',
  policy: 'Administrator policy',
};

/** "In review until 14:10 (8 min left)", "… until 24 Nov 14:10 (23 h 50 min left)", "Ready to send", "In next batch", "Held". */
export function statusLabel(status: EventStatus, reviewUntil: string, inBatch: boolean, now: number): string {
  if (status === 'held') return 'Held';
  if (status === 'in-review') {
    const left = minutesUntil(reviewUntil, now);
    const sameDay = new Date(reviewUntil).toDateString() === new Date(now).toDateString();
    const until = sameDay ? formatClock(reviewUntil) : formatDateTime(reviewUntil, new Date(now));
    return `In review until ${until}${left > 0 ? ` (${formatMinutes(left)} left)` : ''}`;
  }
  return inBatch ? 'In next batch' : 'Ready to send';
}

/** "12 queued events deleted", "1 queued event deleted", "No queued events deleted". */
export function purgeMessage(n: number): string {
  if (n === 0) return 'No queued events deleted';
  return `${n.toLocaleString('en-US')} queued ${n === 1 ? 'event' : 'events'} deleted`;
}
