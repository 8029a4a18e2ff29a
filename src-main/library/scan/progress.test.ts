import { describe, expect, it } from 'vitest';
import type { ScanProgress } from '../../contract/index.js';
import { ManualClock } from '../../ports.js';
import { ProgressReporter } from './progress.js';

describe('scan progress', () => {
  it('emits at most ten updates a second, delivers the latest one late, and always the final one', () => {
    const clock = new ManualClock();
    const seen: ScanProgress[] = [];
    const reporter = new ProgressReporter(clock);
    reporter.listen((p) => seen.push(p));
    for (let i = 1; i <= 1000; i++) {
      reporter.update({ phase: 'walking', seen: i });
      clock.advance(1); // 1000 updates over one second
    }
    expect(seen.length).toBeLessThanOrEqual(11);
    clock.advance(200);
    expect(seen[seen.length - 1]).toMatchObject({ seen: 1000 });
    reporter.finish('done');
    expect(seen[seen.length - 1]).toMatchObject({ phase: 'done', seen: 1000 });
    reporter.update({ seen: 5 });
    clock.advance(1000);
    expect(seen[seen.length - 1]).toMatchObject({ phase: 'done' });
    expect(clock.pending()).toBe(0);
  });

  it('reports a new phase or folder at once, even inside the throttle window', () => {
    const clock = new ManualClock();
    const seen: ScanProgress[] = [];
    const reporter = new ProgressReporter(clock);
    reporter.listen((p) => seen.push(p));
    reporter.update({ phase: 'walking', currentFolder: 'Movies' });
    reporter.update({ currentFolder: 'Shows' });
    reporter.update({ phase: 'parsing' });
    reporter.update({ parsed: 1 });
    expect(seen.map((p) => [p.phase, p.currentFolder])).toEqual([
      ['walking', 'Movies'],
      ['walking', 'Shows'],
      ['parsing', 'Shows'],
    ]);
  });

  it('keeps scanning when a listener throws', () => {
    const clock = new ManualClock();
    const reporter = new ProgressReporter(clock);
    reporter.listen(() => {
      throw new Error('listener bug');
    });
    expect(() => reporter.update({ seen: 1 })).not.toThrow();
    expect(() => reporter.finish('done')).not.toThrow();
  });

  it('reports the reading rate over the last seconds and the time left while files are read', () => {
    const clock = new ManualClock();
    const seen: ScanProgress[] = [];
    const reporter = new ProgressReporter(clock);
    reporter.listen((p) => seen.push(p));
    reporter.update({ phase: 'walking', seen: 1200, unchanged: 200 });
    expect(seen.at(-1)).toMatchObject({ ratePerSec: null, etaSec: null });
    reporter.update({ phase: 'parsing' });
    for (let i = 1; i <= 100; i++) {
      clock.advance(100);
      reporter.update({ parsed: i * 5 }); // 50 files a second
    }
    expect(seen.at(-1)).toMatchObject({ parsed: 500, ratePerSec: 50, etaSec: 10 }); // 1000 to read, 500 left
    // Slower now: the rate follows within the window instead of averaging the whole scan.
    for (let i = 1; i <= 150; i++) {
      clock.advance(100);
      reporter.update({ parsed: 500 + i });
    }
    expect(seen.at(-1)!.ratePerSec).toBeCloseTo(10, 0);
    expect(seen.at(-1)!.etaSec).toBeCloseTo(35, -1);
    reporter.update({ phase: 'indexing' });
    expect(seen.at(-1)!.etaSec).toBeNull();
  });
});
