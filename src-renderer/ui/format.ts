/** Display helpers. Times are absolute and local ("14:00"); relative time is used sparingly. */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 95 → "1:35", 3725 → "1:02:05"; null or negative → "". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return '';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/**
 * How long a movie, episode, track or album is, for every place a length is shown (cards, item pages, lists,
 * the player): in `words` "1 h 32 min", "24 min", "45 s"; as a `clock` "3:35" (track lists, where lengths
 * line up). A length of 0 or less, or none, is unknown and says nothing: never "0 min" or "0:00".
 * (`formatDuration` is for positions, where 0:00 is a real place.)
 */
export function formatRuntime(seconds: number | null | undefined, style: 'words' | 'clock' = 'words'): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds <= 0) return '';
  if (style === 'clock') return formatDuration(Math.max(1, seconds));
  const total = Math.max(1, Math.round(seconds));
  if (total < 60) return `${total} s`;
  const minutes = Math.round(total / 60);
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest ? `${Math.floor(minutes / 60)} h ${rest} min` : `${minutes / 60} h`;
}

/** "20 min left", "45 s left"; "" when nothing (or an unknown amount) is left. */
export function formatRemaining(seconds: number | null | undefined): string {
  const length = formatRuntime(seconds);
  return length ? `${length} left` : '';
}

/** An ISO time as a 24-hour local clock, "14:00". */
export function formatClock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO time as "3 May 14:00" (with the year when it is not this year). */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const year = d.getFullYear() === now.getFullYear() ? '' : ` ${d.getFullYear()}`;
  return `${d.getDate()} ${MONTHS[d.getMonth()]}${year} ${formatClock(iso)}`;
}

/** 1234 → "1,234 bytes (1.2 KB)" when `exact`, else "1.2 KB". */
export function formatBytes(bytes: number, exact = false): string {
  let short: string;
  if (bytes < 1024) short = `${bytes} B`;
  else if (bytes < 1024 * 1024) short = `${(bytes / 1024).toFixed(1)} KB`;
  else short = `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (!exact) return short;
  const plain = `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return bytes < 1024 ? plain : `${plain} (${short})`;
}

/** plural(1, 'event') → "1 event", plural(3, 'event') → "3 events". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * The time left until an ISO time, in words, rounded down so a countdown never promises more than is left:
 * "23 h 59 min", "8 min", "under 1 min"; "" when past. `atMostMs` caps it: a review window never has more
 * left than its length, even when this screen's clock (refreshed every 30 s) lags the one that set it.
 */
export function formatTimeLeft(iso: string, now: number, atMostMs = Number.POSITIVE_INFINITY): string {
  const until = new Date(iso).getTime();
  if (Number.isNaN(until)) return '';
  const ms = Math.min(until - now, atMostMs);
  if (ms <= 0) return '';
  const minutes = Math.floor(ms / 60_000);
  return minutes === 0 ? 'under 1 min' : formatMinutes(minutes);
}

/**
 * A span of minutes in words: 8 → "8 min", 125 → "2 h 5 min", 1440 → "24 h", 4320 → "3 days", 3000 → "2 days 2 h".
 * Days and hours are whole units rounded down, never up: a span is not said to be longer than it is.
 */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  if (m > 48 * 60) {
    const days = Math.floor(m / 1440);
    const hours = Math.floor((m % 1440) / 60);
    return hours ? `${days} days ${hours} h` : `${days} days`;
  }
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}

/**
 * Hours of playback in words, honest about small amounts: 0 → "0 h", 20 s → "under 1 min", 0.2 → "12 min",
 * 1.5 → "1.5 h". Never "0.0 h" for time that was played.
 */
export function formatHoursPlayed(hours: number): string {
  if (!Number.isFinite(hours) || hours <= 0) return '0 h';
  const minutes = Math.round(hours * 60);
  if (minutes === 0) return 'under 1 min';
  return minutes < 60 ? `${minutes} min` : `${hours.toFixed(1)} h`;
}
