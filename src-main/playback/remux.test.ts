import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capabilities } from '../contract/index.js';
import type { PlayableFile } from './media.js';
import type { PlaybackService } from './sessions.js';
import { CHROMIUM_CAPS, makeSparseKeyframes, playbackFor, probeJson, videoKeyframes, videoPackets } from './test-support/fixtures.js';

/**
 * Copied video against real files whose keyframes are few and irregular (a long GOP plus scene cuts), as
 * in real films: every segment the player can ask for must hold exactly what the playlist says it holds,
 * whether the runner started at 0, at a start time, or restarted for a seek.
 */
const caps = CHROMIUM_CAPS as unknown as Capabilities;
/** One frame at 25 fps. */
const FRAME = 0.04;
let tmp: string;
let lib: string;
let sparse: PlayableFile;
let parts: PlayableFile;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-remux-'));
  lib = path.join(tmp, 'lib');
  const mkv = makeSparseKeyframes(path.join(lib, 'Sparse (2003).mkv'), 40, [0, 2.7, 10.4, 11.1, 20.9, 23, 31.6]);
  sparse = item('sparse', mkv, 'matroska', 'video/x-matroska', Number(probeJson(mkv).format.duration));
  const cd = [
    makeSparseKeyframes(path.join(lib, 'Halves (2004)', 'Halves (2004) - cd1.mp4'), 18, [0, 6.3, 13.1]),
    makeSparseKeyframes(path.join(lib, 'Halves (2004)', 'Halves (2004) - cd2.mp4'), 18, [0, 3.3, 12.7]),
  ];
  const total = cd.reduce((sum, f) => sum + Number(probeJson(f).format.duration), 0);
  parts = { ...item('parts', cd[0]!, 'mp4', 'video/mp4', total), parts: cd };
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function item(id: string, file: string, container: string, mime: string, durationSec: number): PlayableFile {
  return { id: id.padEnd(22, 'x'), kind: 'movie', title: id, path: file, folderRoot: lib, mime, durationSec, container, videoCodec: 'h264', audioCodec: 'aac', width: 320, height: 180 };
}

function service(items: PlayableFile[]): PlaybackService {
  return playbackFor(items, path.join(tmp, 'cache'));
}

/** The playlist's segments: where each starts on the timeline and how long it is. */
async function playlistOf(svc: PlaybackService, sessionId: string): Promise<{ start: number; length: number }[]> {
  const out = await svc.hls(sessionId, 'index.m3u8');
  if (!('text' in out)) throw new Error(JSON.stringify(out));
  let at = 0;
  return [...out.text.matchAll(/#EXTINF:([\d.]+),\n(\d+)\.m4s/g)].map((m, n) => {
    expect(Number(m[2])).toBe(n);
    const seg = { start: at, length: Number(m[1]) };
    at += seg.length;
    return seg;
  });
}

/** Segment `n` as a player appends it (init, then the segment): its video must be exactly the playlist's. */
async function expectSegment(svc: PlaybackService, sessionId: string, n: number, planned: { start: number; length: number }[]): Promise<void> {
  const init = await svc.hls(sessionId, 'init.mp4');
  const seg = await svc.hls(sessionId, `${n}.m4s`);
  if (!('path' in init) || !('path' in seg)) throw new Error(`segment ${n}: ${JSON.stringify(seg)}`);
  const joined = path.join(tmp, `joined-${n}-${Math.random().toString(36).slice(2)}.mp4`);
  fs.writeFileSync(joined, Buffer.concat([fs.readFileSync(init.path), fs.readFileSync(seg.path)]));
  const packets = videoPackets(joined);
  const { start, length } = planned[n]!;
  expect(packets[0]?.key, `segment ${n} starts on a keyframe`).toBe(true);
  expect(Math.abs(Math.min(...packets.map((p) => p.pts)) - start), `segment ${n} starts at ${start}`).toBeLessThan(FRAME);
  expect(Math.abs(Math.max(...packets.map((p) => p.end)) - (start + length)), `segment ${n} ends at ${start + length}`).toBeLessThan(FRAME);
  // Every frame of it decodes from the segment alone.
  execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-i', joined, '-map', '0:v', '-f', 'null', '-']);
  fs.rmSync(joined);
}

function segmentFiles(sessionId: string): string[] {
  return fs.readdirSync(path.join(tmp, 'cache', sessionId, 'hls')).filter((f) => /^\d+\.m4s$/.test(f));
}

describe('copied video with sparse, irregular keyframes', () => {
  it('plans segments at source keyframes only, and serves every one exactly as the playlist says', async () => {
    const svc = service([sparse]);
    try {
      const src = await svc.open({ itemId: sparse.id, capabilities: caps });
      expect([src.decision, src.video, src.audio]).toEqual(['remux', 'copy', 'copy']);
      const planned = await playlistOf(svc, src.sessionId);
      const keyframes = videoKeyframes(sparse.path);
      // Cuts only where the source has keyframes; not every keyframe is a cut (10.4 and 20.9 are not).
      for (const { start } of planned.slice(1)) expect(keyframes.some((k) => Math.abs(k - start) < 0.001), `${start} is a keyframe`).toBe(true);
      expect(planned.length).toBeGreaterThanOrEqual(4);
      expect(planned.length).toBeLessThan(keyframes.length);
      expect(planned.reduce((sum, s) => sum + s.length, 0)).toBeCloseTo(sparse.durationSec!, 3);
      for (let n = 0; n < planned.length; n++) await expectSegment(svc, src.sessionId, n, planned);
      // ffmpeg wrote no segment the playlist does not have, and its whole-MP4 files are gone once split.
      expect(segmentFiles(src.sessionId).sort()).toEqual(planned.map((_, n) => `${n}.m4s`).sort());
      const hlsDir = path.join(tmp, 'cache', src.sessionId, 'hls');
      for (let i = 0; i < 100 && fs.readdirSync(hlsDir).some((f) => f.startsWith('raw-')); i++) await new Promise((r) => setTimeout(r, 20));
      expect(fs.readdirSync(hlsDir).filter((f) => f.startsWith('raw-'))).toEqual([]);
    } finally {
      await svc.close();
    }
  });

  it('starts in the middle, then restarts further back for a seek, and both cut exactly as planned', async () => {
    const svc = service([sparse]);
    try {
      const src = await svc.open({ itemId: sparse.id, capabilities: caps, startSec: 25 });
      const planned = await playlistOf(svc, src.sessionId);
      const first = planned.findLastIndex((s) => s.start <= 25);
      expect(first).toBeGreaterThan(1);
      for (let n = first; n < planned.length; n++) await expectSegment(svc, src.sessionId, n, planned);
      expect(segmentFiles(src.sessionId)).not.toContain('0.m4s');
      // A seek back to segment 1: not covered by the running ffmpeg, so it restarts there.
      for (let n = 1; n < planned.length; n++) await expectSegment(svc, src.sessionId, n, planned);
      expect(segmentFiles(src.sessionId)).not.toContain('0.m4s');
      await expectSegment(svc, src.sessionId, 0, planned);
    } finally {
      await svc.close();
    }
  });

  it('cuts a movie in two parts at keyframes of either part, across the join', async () => {
    const svc = service([parts]);
    try {
      const src = await svc.open({ itemId: parts.id, capabilities: caps, startSec: 30 });
      expect(src.decision).toBe('remux');
      const planned = await playlistOf(svc, src.sessionId);
      const cd1 = Number(probeJson(parts.parts![0]!).format.duration);
      expect(planned.some((s) => s.start > cd1 + 1)).toBe(true);
      for (let n = planned.findLastIndex((s) => s.start <= 30); n < planned.length; n++) await expectSegment(svc, src.sessionId, n, planned);
      for (let n = 0; n < planned.length; n++) await expectSegment(svc, src.sessionId, n, planned);
    } finally {
      await svc.close();
    }
  });

  it('copies the video and re-encodes the audio (AC-3) with the same cuts, from the start and after a seek', async () => {
    const ac3 = makeSparseKeyframes(path.join(lib, 'Loud (2006).mkv'), 20, [0, 5.5, 9.1, 15.3], 'ac3');
    const loud = item('loud', ac3, 'matroska', 'video/x-matroska', Number(probeJson(ac3).format.duration));
    const svc = service([{ ...loud, audioCodec: 'ac3' }]);
    try {
      const src = await svc.open({ itemId: loud.id, capabilities: caps, startSec: 16 });
      expect([src.decision, src.video, src.audio]).toEqual(['transcode', 'copy', 'transcode']);
      const planned = await playlistOf(svc, src.sessionId);
      expect(planned.map((s) => Math.round(s.start * 10) / 10)).toEqual([0, 5.5, 9.1, 15.3]);
      await expectSegment(svc, src.sessionId, 3, planned);
      for (let n = 0; n < planned.length; n++) await expectSegment(svc, src.sessionId, n, planned);
    } finally {
      await svc.close();
    }
  });

  it('transcodes instead, and says why, when the file has no index to find keyframes by (MPEG-TS)', async () => {
    const ts = path.join(lib, 'Broadcast (2005).ts');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', sparse.path, '-c', 'copy', ts]);
    const broadcast = item('broadcast', ts, 'mpegts', 'video/mp2t', sparse.durationSec!);
    const svc = service([broadcast]);
    try {
      const src = await svc.open({ itemId: broadcast.id, capabilities: caps });
      expect([src.decision, src.video, src.audio]).toEqual(['transcode', 'transcode', 'transcode']);
      expect(src.reason).toBe('The file has no usable seek index, so its H.264 video cannot be copied into exact segments → transcoding video to H.264, with the audio re-encoded so both stay in step after seeks.');
      const planned = await playlistOf(svc, src.sessionId);
      expect(planned[1]?.start).toBe(1);
    } finally {
      await svc.close();
    }
  });
});
