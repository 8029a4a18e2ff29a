import type { Category } from '../contract/index.js';
import type { BucketField, FieldSpec, GeneralizerName, NormalizerName } from '../event-catalog/index.js';

/**
 * The generalizers that turn a raw value into the closed value that is stored and sent, one per field type
 * of the catalog (event-catalog/spec.ts, where the absence of a string field type is explained).
 */

/** Maps a raw enum input (e.g. "en-US", "win32", "0.1.3") onto the vocabulary of an enum field. */
const normalizers = {
  lowercase: (raw: string) => raw.toLowerCase(),
  /** The library's item kind → what the player does with it: movie and episode are both video. */
  mediaKind: (raw: string) => ({ movie: 'video', episode: 'video', track: 'audio' })[raw] ?? raw,
  container: normalizeContainer,
  codec: normalizeCodec,
  /** "0.1.3" or "0.1.3-beta" → "0.1": patch levels would split users into small groups for no gain. */
  majorMinor: (raw: string) => /^(\d+)\.(\d+)/.exec(raw)?.slice(1, 3).join('.') ?? raw,
  /** Node's process.platform → an OS family; every other platform is "other". */
  osFamily: (raw: string) => ({ win32: 'windows', darwin: 'macos', linux: 'linux' })[raw] ?? raw.toLowerCase(),
  /** "de-AT", "pt_BR.UTF-8" → "at", "br": only the region part of a locale is kept. */
  localeRegion: (raw: string) => /^[A-Za-z]{2,3}[-_]([A-Za-z]{2})\b/.exec(raw)?.[1]?.toLowerCase() ?? raw.toLowerCase(),
} as const satisfies Record<NormalizerName, (raw: string) => string>;

/**
 * A container name as ffprobe (`format_name`, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm"), music-metadata
 * (`format.container`, e.g. "MPEG", "FLAC", "Ogg", "MPEG-4") or the library's short names ("mp4", "webm", "mov")
 * give it → mp4 | matroska | webm | mp3 | flac | ogg, else the lowercased input (stored as 'other').
 *
 * "MPEG" is ambiguous: music-metadata says "MPEG" for an MP3 stream, ffprobe says "mpeg" for an MPEG program
 * stream (a video). Only the upper-case spelling is read as mp3; ffprobe's lower-case one becomes 'other'.
 */
function normalizeContainer(raw: string): string {
  if (raw === 'MPEG') return 'mp3';
  const lower = raw.toLowerCase();
  const direct = CONTAINER_ALIASES.get(lower);
  if (direct !== undefined) return direct.name;
  if (!lower.includes(',')) return lower;
  // ffprobe lists every name its demuxer answers to; the best-ranked known one wins ("matroska,webm" → matroska).
  let best: { name: string; rank: number } | undefined;
  for (const part of lower.split(',')) {
    const hit = CONTAINER_ALIASES.get(part.trim());
    if (hit && (!best || hit.rank < best.rank)) best = hit;
  }
  return best?.name ?? lower;
}

const CONTAINER_ALIASES = new Map<string, { name: string; rank: number }>(
  (
    [
      ['matroska', ['matroska', 'mkv']],
      ['webm', ['webm']],
      ['mp4', ['mp4', 'mov', 'm4a', 'm4b', 'm4v', 'mpeg-4', 'isom', '3gp', '3g2', 'mj2']],
      ['mp3', ['mp3']],
      ['flac', ['flac']],
      ['ogg', ['ogg', 'oga', 'ogv']],
    ] as const
  ).flatMap(([name, aliases], rank) => aliases.map((a) => [a, { name, rank }] as const)),
);

/**
 * A codec name as ffprobe (`codec_name`: h264, hevc, vp9, av1, aac, mp3, flac, opus, vorbis, ac3) or
 * music-metadata (`format.codec`: "MPEG 1 Layer 3", "FLAC", "AAC", "MPEG-4/AAC", "Opus", "Vorbis I") give it
 * → the catalog's short name, else the lowercased input (stored as 'other').
 */
function normalizeCodec(raw: string): string {
  const c = raw.toLowerCase().trim();
  if (c === 'h264' || c === 'avc' || c === 'avc1' || c === 'h.264') return 'h264';
  if (c === 'hevc' || c === 'h265' || c === 'h.265' || c === 'hvc1') return 'hevc';
  if (c === 'vp9' || c === 'vp09') return 'vp9';
  if (c === 'av1' || c === 'av01') return 'av1';
  if (c === 'mp3' || c.includes('layer 3') || c.includes('layer iii')) return 'mp3';
  if (c.includes('flac')) return 'flac';
  if (c.includes('aac')) return 'aac';
  if (c.includes('opus')) return 'opus';
  if (c.includes('vorbis')) return 'vorbis';
  if (c === 'ac3' || c === 'ac-3') return 'ac3';
  return c;
}

/** Converts a raw number into the bucket's unit before it is bucketed; named so the catalog can show it. */
export const generalizers = {
  secondsToMinutes: { describe: 'raw seconds ÷ 60, then bucketed; the exact length is never stored', convert: (s: number) => s / 60 },
  seconds: { describe: 'raw seconds, bucketed; the exact time is never stored', convert: (s: number) => s },
  countBucket: { describe: 'raw count, bucketed; the exact count is never stored', convert: (n: number) => n },
  videoHeight: { describe: 'raw frame height in pixels, bucketed into resolution classes', convert: (h: number) => h },
  realtimeMultiple: { describe: 'raw speed as a multiple of real time, bucketed', convert: (x: number) => x },
} as const satisfies Record<GeneralizerName, { describe: string; convert: (raw: number) => number }>;

export type StoredValue = string | boolean | number;

/** An event once every raw field has been replaced by its generalized value: all that is ever stored. */
export interface Generalized {
  name: string;
  category: Category;
  fields: Record<string, StoredValue>;
}

const bucketCache = new WeakMap<BucketField, { token: string; label: string }[]>();

/** Stored token and words for every bucket of a bucket field, in order (then the null value, if any). */
export function bucketValues(f: BucketField): { token: string; label: string }[] {
  const cached = bucketCache.get(f);
  if (cached) return cached;
  const e = f.edges;
  const out: { token: string; label: string }[] = [];
  for (let i = 0; i <= e.length; i++) {
    const lo = e[i - 1];
    const hi = e[i];
    let token: string;
    let label: string;
    if (lo === undefined) [token, label] = [`<${hi}`, `under ${hi} ${f.unit}`];
    else if (hi === undefined) [token, label] = [`${lo}+`, `${lo} ${f.unit} or more`];
    else [token, label] = [`${lo}-${hi}`, `${lo} to under ${hi} ${f.unit}`];
    if (f.labels?.[i]) label = f.labels[i]!;
    out.push({ token: f.tokens?.[i] ?? token, label: f.tokens ? `${f.tokens[i]} (${label})` : label });
  }
  if (f.nullAs) out.push(f.nullAs);
  bucketCache.set(f, out);
  return out;
}

/** Every value a field can take, as stored. */
export function storedValues(f: FieldSpec): StoredValue[] {
  switch (f.type) {
    case 'enum':
      return [...f.values];
    case 'boolean':
      return [true, false];
    case 'bucket':
      return bucketValues(f).map((b) => b.token);
    case 'count':
      return Array.from({ length: f.max + 1 }, (_, i) => i);
  }
}

/** Every value of a field in words, as the catalog screen shows them. */
export function valueLabels(f: FieldSpec): string[] {
  switch (f.type) {
    case 'enum':
      return [...f.values];
    case 'boolean':
      return ['true', 'false'];
    case 'bucket':
      return bucketValues(f).map((b) => b.label);
    case 'count':
      return storedValues(f).map((v) => (v === f.max ? `${f.max} or more` : String(v)));
  }
}

export function cardinality(f: FieldSpec): number {
  return storedValues(f).length;
}

/** The words for one stored value, for the queue screen. */
export function labelOf(f: FieldSpec, value: StoredValue): string {
  if (f.type === 'bucket') return bucketValues(f).find((b) => b.token === value)?.label ?? String(value);
  if (f.type === 'count' && value === f.max) return `${f.max} or more`;
  return String(value);
}

/** Sentinel for a raw value that cannot be generalized (wrong type, NaN, negative count…). */
export const INVALID = Symbol('invalid');

/**
 * Generalizes one raw value. Returns INVALID instead of throwing: record() counts it and stores nothing.
 */
export function generalizeField(f: FieldSpec, raw: unknown): StoredValue | typeof INVALID {
  switch (f.type) {
    case 'enum': {
      if (raw === null && f.nullAs !== undefined) return f.values.includes(f.nullAs) ? f.nullAs : INVALID;
      if (typeof raw !== 'string') return INVALID;
      const v = f.normalize ? normalizers[f.normalize](raw) : raw;
      if (f.values.includes(v)) return v;
      return f.values.includes('other') ? 'other' : INVALID;
    }
    case 'boolean':
      return typeof raw === 'boolean' ? raw : INVALID;
    case 'bucket': {
      if (raw === null && f.nullAs) return f.nullAs.token;
      if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0) return INVALID;
      const x = generalizers[f.generalizer].convert(raw);
      let i = 0;
      while (i < f.edges.length && x >= f.edges[i]!) i++;
      return bucketValues(f)[i]!.token;
    }
    case 'count': {
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) return INVALID;
      return Math.min(raw, f.max);
    }
  }
}
