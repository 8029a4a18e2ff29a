import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { ManualClock, type Fetch, type TimerHandle } from '../../ports.js';
import { openTelemetryDb, type TelemetryDb } from '../db.js';

/** Clocks, fetches, waits and temp folders the telemetry tests share; the OTLP receiver is collector.ts. */

/** A ManualClock that also remembers every delay asked of it, so a test can wait for a retry to be scheduled. */
export class SpyClock extends ManualClock {
  readonly delays: number[] = [];
  override setTimeout(fn: () => void, ms: number): TimerHandle {
    this.delays.push(ms);
    return super.setTimeout(fn, ms);
  }
}

/** Node's fetch, as the composition root would inject it. */
export const realFetch: Fetch = (url, init) => fetch(url, init);

/** A fetch that must never be called. */
export const noFetch: Fetch = () => {
  throw new Error('network used');
};

/** Lets real I/O happen until `cond` holds (the HTTP round trip is real even though the clock is not). */
export async function until(cond: () => boolean, what = 'condition', ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Real time passes briefly, to show that nothing happens without the clock. */
export function settle(ms = 50): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-telemetry-'));
}

/** A fresh telemetry.db in a temp folder, closed when the current test ends. */
export function tempTelemetryDb(): TelemetryDb {
  const db = openTelemetryDb(tempDir());
  onTestFinished(() => {
    db.close();
  });
  return db;
}

/** Every byte SQLite keeps for the database: the file, its WAL and shared memory. */
export function dbBytes(dir: string): Buffer {
  return Buffer.concat(
    ['telemetry.db', 'telemetry.db-wal', 'telemetry.db-shm'].map((f) => path.join(dir, f)).filter((p) => fs.existsSync(p)).map((p) => fs.readFileSync(p)),
  );
}
