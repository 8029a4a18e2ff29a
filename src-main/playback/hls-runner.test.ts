import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../ports.js';
import type { RunnerPlan } from './hls-plan.js';
import { HlsRunner, type RunnerEvents } from './hls-runner.js';
import type { Spawn } from './tools.js';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-runner-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function plan(): RunnerPlan {
  return {
    input: path.join(tmp, 'Film (2000).mkv'), dir: tmp, seq: 1, starts: [0, 1, 2, 3], durationSec: 4, start: 0, end: 4,
    video: 'transcode', audio: 'transcode', audioOrder: 0, burnSubtitleOrder: null, videoCodec: 'hevc', audioChannels: null, fast: true, maxHeight: 1080,
  };
}

function runner(ffmpeg: string, run: Spawn = spawn) {
  const heard: string[] = [];
  const events: RunnerEvents = {
    progress: () => heard.push('progress'),
    segment: (n) => heard.push(`segment ${n}`),
    finished: () => heard.push('finished'),
    failed: (message) => heard.push(`failed: ${message}`),
  };
  const r = new HlsRunner(plan(), { tools: { ffmpeg, ffprobe: 'ffprobe', spawn: run, clock: new ManualClock() }, fileName: 'Film (2000).mkv', events });
  return { r, heard };
}

describe('an HLS runner', () => {
  it('says once that ffmpeg is missing, even though the process that never started still closes', async () => {
    let closed: Promise<unknown> = Promise.resolve();
    const { r, heard } = runner('/nonexistent/ffmpeg', (cmd, args, opts) => {
      const child = spawn(cmd, args, opts);
      closed = new Promise((resolve) => child.once('close', resolve));
      return child;
    });
    await r.settled;
    // 'close' follows 'error' for a process that could not start.
    await closed;
    expect(heard).toEqual(['failed: ffmpeg is not installed, so this item cannot be converted for playback.']);
    expect(r.running).toBe(false);
  });

  it('reports nothing once stopped, and settles when its process is gone', async () => {
    const { r, heard } = runner('sleep', (_cmd, _args, opts) => spawn('sleep', ['30'], opts));
    expect(r.running).toBe(true);
    r.stop();
    await r.settled;
    expect([r.running, r.stopped, heard]).toEqual([false, true, []]);
  });

  it('turns a failed ffmpeg into a message that names the file, not its path', async () => {
    // The input does not exist: ffmpeg exits non-zero and says so on stderr.
    const { r, heard } = runner('ffmpeg');
    await r.settled;
    expect(heard).toEqual(['failed: “Film (2000).mkv” is no longer where the library last saw it.']);
  });
});
