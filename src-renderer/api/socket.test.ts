import { describe, expect, it } from 'vitest';
import { backoffDelay } from './socket';

describe('reconnect backoff', () => {
  it('walks the schedule, repeats its last step, and jitters each by at most a quarter', () => {
    const schedule = [100, 200, 400];
    expect(backoffDelay(schedule, 0, () => 0.5)).toBe(100);
    expect(backoffDelay(schedule, 1, () => 0.5)).toBe(200);
    expect(backoffDelay(schedule, 7, () => 0.5)).toBe(400);
    expect(backoffDelay(schedule, 0, () => 0)).toBe(75);
    expect(backoffDelay(schedule, 0, () => 1)).toBe(125);
  });
});
