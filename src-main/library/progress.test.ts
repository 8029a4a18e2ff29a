import { describe, expect, it } from 'vitest';
import type { ScanProgress } from '../contract/index.js';
import { ManualClock } from '../ports.js';
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
});
