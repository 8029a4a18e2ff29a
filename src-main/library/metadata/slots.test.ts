import { describe, expect, it } from 'vitest';
import { Slots } from './slots.js';

describe('Slots', () => {
  it('lets `size` holders in at once and hands a freed slot to urgent waiters before background ones', async () => {
    const slots = new Slots(2);
    const order: string[] = [];
    const first = await slots.acquire(false);
    const second = await slots.acquire(true);
    const waiting = [
      slots.acquire(false).then((release) => (order.push('background'), release)),
      slots.acquire(true).then((release) => (order.push('urgent'), release)),
    ];
    await Promise.resolve();
    expect(order).toEqual([]);
    first();
    first(); // a second call gives nothing back twice
    const urgent = await waiting[1]!;
    expect(order).toEqual(['urgent']);
    second();
    const background = await waiting[0]!;
    expect(order).toEqual(['urgent', 'background']);
    urgent();
    background();
    // Both free again: two take them at once.
    await Promise.all([slots.acquire(false), slots.acquire(true)]);
  });

  it('does not let a new background holder pass background work already waiting', async () => {
    const slots = new Slots(1);
    const order: string[] = [];
    const held = await slots.acquire(true);
    const queued = slots.acquire(false).then((release) => (order.push('queued'), release));
    held();
    const later = slots.acquire(false).then((release) => (order.push('later'), release));
    (await queued)();
    (await later)();
    expect(order).toEqual(['queued', 'later']);
  });
});
