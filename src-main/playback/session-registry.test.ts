import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscodeState, TranscodeStatus } from '../contract/index.js';
import { ManualClock } from '../ports.js';
import { playbackTelemetry } from './playback-telemetry.js';
import { SessionRegistry, type HlsControl, type RegisteredSession } from './session-registry.js';

/** A stand-in HLS stream: the registry only starts, idles and stops it, and reads its status. */
class FakeHls implements HlsControl {
  state: TranscodeState = 'running';
  speed: number | null = 1.5;
  message: string | null = null;
  encoding = true;
  stopped = false;
  idle(): void {
    this.encoding = false;
    this.state = 'stopped';
  }
  async stop(): Promise<void> {
    this.stopped = true;
    this.encoding = false;
  }
}

interface TestSession extends RegisteredSession {
  hls: FakeHls | null;
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-registry-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let count = 0;
function session(hls: boolean): TestSession {
  const dir = path.join(tmp, `s${++count}`);
  fs.mkdirSync(dir);
  return { id: `session-${count}`, hls: hls ? new FakeHls() : null, dir };
}

function registry(over: { maxTranscodes?: number } = {}) {
  const clock = new ManualClock();
  const statuses: TranscodeStatus[] = [];
  const ended: string[] = [];
  const reg = new SessionRegistry<TestSession>({
    clock,
    maxTranscodes: over.maxTranscodes ?? 2,
    idleMs: 60_000,
    expireMs: 600_000,
    emit: (s) => statuses.push(s),
    onEnd: (s) => ended.push(s.id),
  });
  return { reg, clock, statuses, ended };
}

describe('session registry', () => {
  it('idles a stream after the idle time without requests, and ends the session after the expiry time', async () => {
    const { reg, clock, ended } = registry();
    const s = session(true);
    reg.add(s);
    clock.advance(59_000);
    reg.touch(s);
    clock.advance(59_000);
    expect(s.hls?.encoding).toBe(true);
    clock.advance(1_001);
    expect(s.hls?.encoding).toBe(false);
    expect(reg.status(s)).toEqual({ sessionId: s.id, state: 'stopped', speed: 1.5, message: null });
    clock.advance(600_000);
    await until(() => !fs.existsSync(s.dir));
    expect([ended, s.hls?.stopped, reg.find(s.id)]).toEqual([[s.id], true, null]);
    expect(() => reg.get(s.id)).toThrow(/ended/);
  });

  it('makes room for one more stream by ending the oldest streaming sessions, and leaves direct play be', async () => {
    const { reg, ended } = registry({ maxTranscodes: 2 });
    const [direct, a, b] = [session(false), session(true), session(true)];
    for (const s of [direct, a, b]) reg.add(s);
    expect(reg.transcodes).toBe(2);
    await reg.makeRoom();
    expect(ended).toEqual([a.id]);
    expect([reg.find(direct.id), reg.find(b.id)]).toEqual([direct, b]);
    await reg.endAll();
    expect(ended.sort()).toEqual([a.id, b.id, direct.id].sort());
  });

  it('pushes a change of state at once and speed alone at most once a second, only while registered', () => {
    const { reg, clock, statuses } = registry();
    const s = session(true);
    const listener = reg.statusListener(s.id);
    listener();
    expect(statuses).toHaveLength(0);
    reg.add(s);
    listener();
    listener();
    clock.advance(500);
    if (s.hls) s.hls.state = 'throttled';
    listener();
    listener();
    clock.advance(1_000);
    listener();
    expect(statuses.map((st) => st.state)).toEqual(['running', 'throttled', 'throttled']);
  });
});

describe('playback telemetry', () => {
  it('records the catalog’s playback events under the catalog’s field names', () => {
    const records: [string, object][] = [];
    const telemetry = playbackTelemetry((type, fields) => records.push([type, fields]));
    const item = {
      id: 'x', kind: 'episode' as const, title: 'T', path: '/p', folderRoot: '/', mime: 'video/mp4', durationSec: 1500,
      container: 'mp4', videoCodec: 'h264', audioCodec: null, width: 1280, height: 720,
    };
    telemetry.started(item, 'remux');
    telemetry.failed('decode');
    telemetry.ended(null);
    telemetry.ended(1.25);
    expect(records).toEqual([
      ['playback.started', { kind: 'episode', container: 'mp4', videoCodec: 'h264', audioCodec: 'none', resolution: 720, duration: 1500, mode: 'remux' }],
      ['playback.failed', { errorClass: 'decode' }],
      ['playback.transcode_speed', { speed: 1.25, hardwareClass: 'software' }],
    ]);
  });
});

async function until(cond: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
