import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../ports.js';
import { generateDemoLibrary } from '../index.js';
import { ParsePool } from './parse-pool.js';
import { sampleHash } from './sample-hash.js';
import { makeTempDir } from '../test-support/fixtures.js';

let temp: ReturnType<typeof makeTempDir>;
let mp3: string;

beforeAll(async () => {
  temp = makeTempDir();
  await generateDemoLibrary(path.join(temp.dir, 'demo'));
  mp3 = path.join(temp.dir, 'demo', 'Music', 'Glass Harbour', 'Low Tide', '01 - First Light.mp3');
});
afterAll(() => temp.cleanup());

describe('the parse pool', () => {
  it('reads tags in a worker thread (the TypeScript source under vitest) and hashes sampled blocks', async () => {
    const pool = new ParsePool({ size: 2, timeoutMs: 10_000, clock: systemClock });
    const size = fs.statSync(mp3).size;
    const parsed = await pool.parse('audio', mp3, 'mp3', size);
    expect(parsed.audio?.tags).toMatchObject({ title: 'First Light', artist: 'Glass Harbour', album: 'Low Tide', trackNo: 1 });
    expect(parsed.audio?.facts).toMatchObject({ container: 'mp3', audioCodec: 'mp3' });
    expect(parsed.sampleHash).toBe(sampleHash(mp3, size));
    expect((await pool.parse('hash', mp3, 'mp3', size)).audio).toBeNull();
    await pool.close();
  });

  it('reports an unreadable file as a worded failure without the path', async () => {
    const pool = new ParsePool({ size: 1, timeoutMs: 10_000, clock: systemClock });
    const noise = path.join(temp.dir, 'secret-noise.mp3');
    fs.writeFileSync(noise, Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 104729 + 7) % 256)));
    await expect(pool.parse('audio', noise, 'mp3', 40_000)).rejects.toMatchObject({ name: 'ProbeFailure', reason: 'not a recognizable audio file' });
    await expect(pool.parse('audio', path.join(temp.dir, 'gone.mp3'), 'mp3', 10)).rejects.toMatchObject({ reason: 'the file disappeared during the scan' });
    await pool.close();
  });

  it('terminates a worker that hangs, fails only that file, and replaces the worker', async () => {
    const workerModule = new URL('../test-support/hanging-worker.js', import.meta.url);
    const pool = new ParsePool({ size: 1, timeoutMs: 300, clock: systemClock, workerModule });
    const hang = path.join(temp.dir, 'HANG.mp3');
    fs.copyFileSync(mp3, hang);
    const size = fs.statSync(mp3).size;
    await expect(pool.parse('audio', hang, 'mp3', size)).rejects.toMatchObject({ reason: expect.stringMatching(/took longer than/), transient: true });
    expect(pool.workerCount).toBe(0);
    const after = await pool.parse('audio', mp3, 'mp3', size);
    expect(after.audio?.tags.title).toBe('First Light');
    expect(pool.workerCount).toBe(1);
    await pool.close();
  });

  it('bounds work on this thread by the same slots', async () => {
    const pool = new ParsePool({ size: 2, timeoutMs: 1000, clock: systemClock });
    let running = 0;
    let peak = 0;
    const task = async (): Promise<void> => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
    };
    await Promise.all(Array.from({ length: 10 }, () => pool.limit(task)));
    expect(peak).toBe(2);
    await pool.close();
  });
});
