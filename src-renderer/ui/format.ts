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

/** Minutes left until an ISO time, rounded up; 0 when past. */
export function minutesUntil(iso: string, now: number = Date.now()): number {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.ceil((t - now) / 60_000));
}

/** A span of minutes in words: 8 → "8 min", 125 → "2 h 5 min", 1440 → "24 h", 4320 → "3 days". */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  if (m > 48 * 60) return `${Math.round(m / 1440)} days`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}
