import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFanOut } from './fanout';

describe('event fan-out', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hands an event to each of its listeners, even when one of them throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const events = createFanOut();
    const got: unknown[] = [];
    events.on('onDidChangeLibrary', () => {
      throw new Error('listener bug');
    });
    events.on('onDidChangeLibrary', (p) => got.push(p));
    events.on('onDidChangeTelemetry', () => got.push('wrong event'));
    events.emit('onDidChangeLibrary', { n: 1 });
    expect(got).toEqual([{ n: 1 }]);
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('stops calling a listener once it is removed', () => {
    const events = createFanOut();
    const got: unknown[] = [];
    const off = events.on('onDidChangeLibrary', (p) => got.push(p));
    events.emit('onDidChangeLibrary', 1);
    off();
    events.emit('onDidChangeLibrary', 2);
    expect(got).toEqual([1]);
  });
});
