import { formatMinutes } from '../../../ui';

/** The review windows offered, in hours (the schema allows 0 to 720). */
export const REVIEW_HOURS: readonly number[] = [0, 1, 6, 24, 72, 168, 720];

/** "None", "1 hour", "24 hours", "3 days", "30 days"; "30 min" for a part of an hour set by hand. */
export function reviewLabel(hours: number): string {
  if (hours === 0) return 'None';
  if (hours >= 48 && hours % 24 === 0) return `${hours / 24} days`;
  if (Number.isInteger(hours)) return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return formatMinutes(hours * 60);
}

/** The options, plus the current value when it was set by hand to something else. */
export function reviewOptions(current: number): readonly number[] {
  return REVIEW_HOURS.includes(current) ? REVIEW_HOURS : [...REVIEW_HOURS, current].sort((a, b) => a - b);
}

/** What the chosen window means, in one sentence. */
export function reviewSentence(hours: number): string {
  if (hours === 0) return 'Events may leave with the next batch without waiting. To read them first, hold the queue on What we collect.';
  return `Every event waits ${reviewLabel(hours)} in the queue, where you can read and delete it, before it may be sent.`;
}
