import { describe, expect, it } from 'vitest';
import { ProgressParser, type ProgressReport } from './progress.js';

describe("ffmpeg's -progress output", () => {
  it('yields one report per block, with speed and position, across chunk boundaries', () => {
    const reports: ProgressReport[] = [];
    const p = new ProgressParser((r) => reports.push(r));
    p.push('frame=12\nfps=0.0\nout_time_us=480000\nspeed=N/A\nprogress=continue\nframe=50\nout_time_us=2000');
    p.push('000\nspeed=1.87x\nprogress=continue\n');
    p.push('out_time_us=4000000\nspeed= 2.5x\nprogress=end\n');
    expect(reports).toEqual([
      { speed: null, outTimeSec: 0.48, end: false },
      { speed: 1.87, outTimeSec: 2, end: false },
      { speed: 2.5, outTimeSec: 4, end: true },
    ]);
  });

  it('drops garbage instead of buffering it forever', () => {
    const reports: ProgressReport[] = [];
    const p = new ProgressParser((r) => reports.push(r));
    p.push('x'.repeat(10_000));
    p.push('\nspeed=1x\nprogress=continue\n');
    expect(reports).toEqual([{ speed: 1, outTimeSec: null, end: false }]);
  });
});
