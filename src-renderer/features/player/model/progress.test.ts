import { describe, expect, it } from 'vitest';
import { MAX_STEP_SEC, ProgressTracker } from './progress';

describe('progress tracker', () => {
  it('counts seconds played from timeupdate steps and resets them with each report', () => {
    const t = new ProgressTracker(0);
    for (const at of [0, 0.25, 0.5, 1, 1.5]) t.time(at);
    expect(t.take()).toEqual({ positionSec: 1.5, playedSec: 1.5 });
    t.time(2);
    expect(t.take()).toEqual({ positionSec: 2, playedSec: 0.5 });
  });

  it('does not count a seek as played, and reports where it landed', () => {
    const t = new ProgressTracker(0);
    t.time(0);
    t.time(1);
    t.seekStarted();
    t.time(300);
    t.seeked(600);
    t.time(600.5);
    expect(t.take()).toEqual({ positionSec: 600.5, playedSec: 1.5 });
  });

  it('caps each step, so a stall or suspended tab is not counted as listening', () => {
    const t = new ProgressTracker(0);
    t.time(0);
    t.time(40);
    expect(t.take().playedSec).toBe(MAX_STEP_SEC);
  });

  it('starts at the resume point before any event arrives', () => {
    expect(new ProgressTracker(754).take()).toEqual({ positionSec: 754, playedSec: 0 });
  });
});
