import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../ports.js';
import type { ProgressCounts } from '../scan/progress.js';
import { ProgressRelay } from './progress-relay.js';

function relayed(): { clock: ManualClock; relay: ProgressRelay; sent: ProgressCounts[] } {
  const clock = new ManualClock();
  const sent: ProgressCounts[] = [];
  return { clock, relay: new ProgressRelay(clock, (counts) => sent.push(counts)), sent };
}

describe('the engine thread relaying scan progress', () => {
  it('relays one message per file no more: at most one every 50 ms, the latest counts late', () => {
    const { clock, relay, sent } = relayed();
    relay.update({ phase: 'parsing' });
    for (let i = 1; i <= 1000; i++) {
      relay.update({ parsed: i });
      clock.advance(1); // a thousand files read in one second
    }
    expect(sent.length).toBeLessThanOrEqual(22);
    clock.advance(50);
    expect(sent[sent.length - 1]).toMatchObject({ phase: 'parsing', parsed: 1000 });
    expect(clock.pending()).toBe(0);
  });

  it('relays a new phase or folder at once, and what is left when flushed', () => {
    const { relay, sent } = relayed();
    relay.update({ phase: 'walking', currentFolder: 'Movies' });
    relay.update({ seen: 3 });
    relay.update({ currentFolder: 'Shows' });
    expect(sent.map((c) => [c.phase, c.currentFolder, c.seen])).toEqual([
      ['walking', 'Movies', 0],
      ['walking', 'Shows', 3],
    ]);
    relay.update({ seen: 9 });
    relay.flush();
    relay.flush();
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatchObject({ seen: 9 });
    expect(relay.current).toMatchObject({ phase: 'walking', currentFolder: 'Shows', seen: 9 });
  });
});
