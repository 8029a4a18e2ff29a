import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/fixtures.js';
import { readVideoHeaders, videoCodecName } from './video-headers.js';

let temp: ReturnType<typeof makeTempDir>;

function make(name: string, args: string[]): string {
  const out = path.join(temp.dir, name);
  const lavfi = ['-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=10:duration=2', '-f', 'lavfi', '-i', 'sine=duration=2'];
  const made = spawnSync('ffmpeg', ['-v', 'error', '-y', '-nostdin', ...lavfi, '-shortest', ...args, out]);
  if (made.status !== 0) throw new Error(made.stderr.toString());
  return out;
}

const read = (file: string) => readVideoHeaders(file, path.extname(file).slice(1), fs.statSync(file).size);

beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

describe('reading video headers in-process', () => {
  it('reads MP4 (moov at the end), MOV, WebM and HEVC Matroska like ffprobe names them', async () => {
    expect(await read(make('a.mp4', ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac']))).toMatchObject({
      container: 'mp4',
      videoCodec: 'h264',
      audioCodec: 'aac',
      width: 160,
      height: 90,
      durationSec: expect.closeTo(2, 0),
    });
    expect(await read(make('b.mov', ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac']))).toMatchObject({
      container: 'mov',
      videoCodec: 'h264',
      width: 160,
      durationSec: expect.closeTo(2, 0),
    });
    expect(await read(make('c.webm', ['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-c:a', 'libopus']))).toMatchObject({
      container: 'webm',
      videoCodec: 'vp9',
      audioCodec: 'opus',
      width: 160,
      height: 90,
    });
    expect(await read(make('d.mkv', ['-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=none', '-c:a', 'aac']))).toMatchObject({
      container: 'matroska',
      videoCodec: 'hevc',
      audioCodec: 'aac',
      width: 160,
    });
  });

  it('calls an MP4 or Matroska file cut short truncated, even when its index survived', async () => {
    for (const [name, args] of [
      ['faststart.mp4', ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-movflags', '+faststart']],
      ['cut.mkv', ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac']],
    ] as const) {
      const whole = fs.readFileSync(make(name, [...args]));
      const cut = path.join(temp.dir, `cut-${name}`);
      fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
      await expect(read(cut)).rejects.toMatchObject({ name: 'ProbeFailure', reason: expect.stringMatching(/truncated/) });
    }
  });

  it('leaves AVI, MPEG-TS and garbage to ffprobe (returns null)', async () => {
    expect(await read(make('e.avi', ['-c:v', 'mpeg4', '-c:a', 'mp3']))).toBeNull();
    expect(await read(make('f.ts', ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac']))).toBeNull();
    const garbage = path.join(temp.dir, 'garbage.mkv');
    fs.writeFileSync(garbage, Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 7919 + 13) % 256)));
    expect(await read(garbage)).toBeNull();
  });

  it('maps codec names to ffprobe spellings', () => {
    expect(['<avc1>', 'MPEG4/ISO/AVC', '<hvc1>', 'MPEGH/ISO/HEVC', 'VP9', 'V_AV1', 'wmv2', 'mystery'].map(videoCodecName)).toEqual([
      'h264',
      'h264',
      'hevc',
      'hevc',
      'vp9',
      'av1',
      'wmv2',
      null,
    ]);
  });
});
