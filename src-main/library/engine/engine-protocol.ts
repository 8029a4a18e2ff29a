import { z } from 'zod';
import { ItemKind, ScanProgress, UnparseableFile } from '../../contract/index.js';
import type { IndexChange as IndexChangeType } from '../watch/apply-changes.js';
import type { ScanTotals as ScanTotalsType } from '../scan/scan-totals.js';

/**
 * The messages between the main thread and the library engine thread (`engine-worker.ts`), checked with
 * zod on arrival at both ends: a worker message is a boundary like any other, and a mismatch between the
 * two sides (a stale build, a bug) must show up as an error, never as a half-read object.
 */

/** How the engine thread is set up (its `workerData`): plain data, as it crosses a thread boundary. */
export const EngineConfig = z.object({
  /** `library.db`, already opened (checked, migrated or rebuilt) by the main thread. */
  indexFile: z.string().min(1),
  artDir: z.string().min(1),
  ffprobe: z.string().min(1),
  /** Not run by the engine (thumbnails are main's); carried so its reads get the whole `LibraryTools`. */
  ffmpeg: z.string().min(1),
  /** Per-file read limit. */
  timeoutMs: z.number().positive(),
  /** Files read at once (parse workers and ffprobe spawns together). */
  parseWorkers: z.number().int().positive(),
  /** The parse worker's module URL (tests and the scan bench substitute one); null for the default. */
  parseWorkerModule: z.string().nullable(),
});
export type EngineConfig = z.infer<typeof EngineConfig>;

const JobId = z.number().int().positive();
const isSharedFlag = (value: unknown): boolean => value instanceof Int32Array && value.length === 1 && value.buffer instanceof SharedArrayBuffer;
/** Main's clock at the moment a job was sent: the engine stamps what it writes in main's time (see `jobClock`). */
const MainNow = z.number();

export const EngineRequest = z.discriminatedUnion('type', [
  /** Scans one folder (`scope`) or all (null); `sweepDue`: removed folders left pictures to sweep. */
  z.object({ type: z.literal('scan'), job: JobId, scope: z.string().nullable(), sweepDue: z.boolean(), now: MainNow }),
  /** Aborts a running scan; it still answers, with what it did so far. */
  z.object({ type: z.literal('cancel'), job: JobId }),
  /** Starts (`on`) or stops watching the library folders; each batch that changes the index answers `changed`. */
  z.object({ type: z.literal('watch'), on: z.boolean(), now: MainNow }),
  /** The folder list changed (or a folder came back online): the watcher re-reads it. */
  z.object({ type: z.literal('refresh') }),
  /**
   * Cancels every job, lets them answer, closes the index and ends the thread; sets `closed[0]` to 1 (and
   * notifies) once its connection is closed, for the main thread waiting on it (see `EngineClient.close`).
   */
  z.object({ type: z.literal('close'), closed: z.custom<Int32Array<SharedArrayBuffer>>(isSharedFlag, 'a one-slot shared Int32Array') }),
]);
export type EngineRequest = z.infer<typeof EngineRequest>;

const Count = z.number().int().nonnegative();
export const ProgressCounts = ScanProgress.omit({ ratePerSec: true, etaSec: true });
export const ScanTotals = z.object({
  added: Count,
  updated: Count,
  removed: Count,
  unchanged: Count,
  failed: z.array(UnparseableFile),
  failedCount: Count,
  read: Count,
}) satisfies z.ZodType<ScanTotalsType>;

/** What a watcher batch touched: the kinds of items, or null when it cannot tell. */
const IndexChange = z.object({ kinds: z.array(ItemKind).nullable() }) satisfies z.ZodType<IndexChangeType>;

/** Why a job failed, in the terms the main thread answers with (see `Library.scanError`). */
export const EngineFailure = z.object({
  kind: z.enum(['probe-missing', 'not-found', 'corrupt', 'other']),
  message: z.string(),
  /** SQLite's error code when there was one (a damaged index says SQLITE_CORRUPT). */
  code: z.string().nullable(),
});
export type EngineFailure = z.infer<typeof EngineFailure>;

export const EngineReply = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), job: JobId, counts: ProgressCounts }),
  z.object({ type: z.literal('scanned'), job: JobId, totals: ScanTotals, swept: z.boolean() }),
  z.object({ type: z.literal('failed'), job: JobId, failure: EngineFailure }),
  /** A batch of the watcher's changes reached the index. */
  z.object({ type: z.literal('changed'), change: IndexChange }),
]);
export type EngineReply = z.infer<typeof EngineReply>;
