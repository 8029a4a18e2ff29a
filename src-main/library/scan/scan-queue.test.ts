import { describe, expect, it } from 'vitest';
import type { ScanSummary } from '../../contract/index.js';
import { ManualClock } from '../../ports.js';
import { ScanQueue } from './scan-queue.js';

const SUMMARY: ScanSummary = { added: 0, updated: 0, removed: 0, unchanged: 0, failed: [], failedCount: 0, durationMs: 0 };

/** A queue whose scans finish when the test says so; `started` lists each scan's scope as it starts. */
function controlledQueue() {
  const started: (string | null)[] = [];
  const finishers: (() => void)[] = [];
  const queue = new ScanQueue(new ManualClock(), (scope, progress) => {
    started.push(scope);
    return new Promise<ScanSummary>((resolve) =>
      finishers.push(() => {
        progress.finish('done');
        resolve(SUMMARY);
      }),
    );
  });
  const finishNext = async (): Promise<void> => {
    finishers.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { queue, started, finishNext };
}

describe('the scan queue', () => {
  it('joins a running scan of the same folders, and one of all folders, adding the listener', async () => {
    const { queue, started, finishNext } = controlledQueue();
    const heard: string[] = [];
    const all = queue.enqueue({ onProgress: () => heard.push('all') });
    const again = queue.enqueue({ onProgress: () => heard.push('again') });
    const one = queue.enqueue({ folderId: 'f1', onProgress: () => heard.push('one') });
    expect(again).toBe(all);
    expect(one).toBe(all);
    await finishNext();
    expect(started).toEqual([null]);
    expect(heard.sort()).toEqual(['again', 'all', 'one']);
  });

  it('queues a scan of other folders behind the running one, and idle() waits for both', async () => {
    const { queue, started, finishNext } = controlledQueue();
    const first = queue.enqueue({ folderId: 'f1' });
    const second = queue.enqueue({ folderId: 'f2' });
    const all = queue.enqueue({});
    expect(second).not.toBe(first);
    expect(all).not.toBe(second);
    let idle = false;
    void queue.idle().then(() => (idle = true));
    expect(started).toEqual(['f1']);
    await finishNext();
    expect(started).toEqual(['f1', 'f2']);
    await finishNext();
    expect(started).toEqual(['f1', 'f2', null]);
    expect(idle).toBe(false);
    await finishNext();
    await Promise.all([first, second, all]);
    expect(idle).toBe(true);
  });
});
