import { describe, expect, it } from 'vitest';
import { coalescedLoad, createStore } from './store';

describe('coalescedLoad', () => {
  it('merges each answer into the store, and on failure keeps the last answer beside the error', async () => {
    const state = createStore<{ value: number | null; error: string | null; other: string }>({ value: null, error: null, other: 'kept' });
    const answers: Array<() => Promise<number>> = [async () => 1, async () => Promise.reject(new Error('offline')), async () => 2];
    const load = coalescedLoad(state, () => answers.shift()!(), {
      loaded: (value) => ({ value, error: null }),
      failed: (error) => ({ error: (error as Error).message }),
    });
    await load();
    expect(state.get()).toEqual({ value: 1, error: null, other: 'kept' });
    await load();
    expect(state.get()).toEqual({ value: 1, error: 'offline', other: 'kept' });
    await load();
    expect(state.get()).toEqual({ value: 2, error: null, other: 'kept' });
  });

  it('runs a burst of calls as one load in flight and one more after it', async () => {
    const state = createStore({ loads: 0 });
    let loads = 0;
    const load = coalescedLoad(state, async () => ++loads, { loaded: (n) => ({ loads: n }), failed: () => ({}) });
    await Promise.all([load(), load(), load()]);
    expect(loads).toBe(2);
    expect(state.get().loads).toBe(2);
  });
});
