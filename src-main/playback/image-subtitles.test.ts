import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capabilities } from '../contract/index.js';
import { ManualClock } from '../ports.js';
import type { StreamFile } from './stream-file.js';
import type { PlayableFile } from './media.js';
import { openPlayback, type PlaybackService } from './sessions.js';
import { CHROMIUM_CAPS, makeH264Mp4, probeJson, withImageSubtitlesAndChapters } from './test-support/fixtures.js';
import { cueBox } from './test-support/vobsub.js';
import type { Tools } from './tools.js';

/**
 * Image subtitles and chapters end to end on the server side, with a real file: an MKV with H.264, AAC,
 * a VobSub track drawn by the test (ffmpeg cannot make one from text) and chapters from an ffmetadata file.
 */

const SIZE = { width: 320, height: 180 };
const SECONDS = 10;
const CHAPTERS = [
  { title: 'Opening', startSec: 0 },
  // Markup in a tag is text: the player must show it as such.
  { title: 'The <b>Pier</b>', startSec: 4 },
];
const caps = CHROMIUM_CAPS as unknown as Capabilities;
/** A browser that can decode no video by MSE: the same file is transcoded without burn-in, for comparison. */
const noVideoCaps = { ...caps, mse: { ...caps.mse, video: [] } } as Capabilities;

let tmp: string;
let itemId: string;
let svc: PlaybackService;
const argvs: string[][] = [];

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-imagesubs-'));
  const lib = path.join(tmp, 'lib');
  const plain = makeH264Mp4(path.join(tmp, 'plain.mp4'), SECONDS);
  const file = withImageSubtitlesAndChapters(plain, path.join(lib, 'Pier (2004).mkv'), { size: SIZE, seconds: SECONDS, chapters: CHAPTERS });
  itemId = 'pier'.padEnd(22, 'x');
  const item: PlayableFile = {
    id: itemId, kind: 'movie', title: 'Pier', path: file, folderRoot: lib, mime: 'video/x-matroska', durationSec: null,
    container: 'matroska', videoCodec: null, audioCodec: null, width: null, height: null,
  };
  // The spawn port records every argv, so the test sees the plan ffmpeg really ran with.
  const tools: Tools = {
    ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', clock: new ManualClock(),
    spawn: (cmd, args, opts) => {
      argvs.push([cmd, ...args]);
      return spawn(cmd, args, opts);
    },
  };
  svc = openPlayback({
    resolve: (id) => (id === itemId ? item : null),
    record: () => {},
    urls: { media: (id) => `/media/${id}`, stream: (kind, sid, name) => `/media/${kind}/${sid}/${name}` },
    cacheDir: path.join(tmp, 'cache'),
    tools,
    emit: () => {},
  });
});

afterAll(async () => {
  await svc?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function filePath(f: StreamFile): string {
  if (!('path' in f)) throw new Error(`not a file: ${JSON.stringify(f)}`);
  return f.path;
}

/** init + segment as a player appends them, in one file ffmpeg and ffprobe can read. */
async function segment(sessionId: string, n: number): Promise<string> {
  const init = filePath(await svc.hls(sessionId, 'init.mp4'));
  const seg = filePath(await svc.hls(sessionId, `${n}.m4s`));
  const joined = path.join(tmp, `${sessionId}-${n}.mp4`);
  fs.writeFileSync(joined, Buffer.concat([fs.readFileSync(init), fs.readFileSync(seg)]));
  return joined;
}

/** The luma plane of the `frame`-th decoded picture. Decoding every frame up to it also proves the segment decodes. */
function lumaOfFrame(file: string, frame: number): Buffer {
  const out = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:v:0', '-frames:v', String(frame + 1), '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'], { maxBuffer: 64 * 1024 * 1024 });
  const plane = SIZE.width * SIZE.height;
  expect(out.length).toBe(plane * (frame + 1));
  return out.subarray(plane * frame);
}

/** Mean absolute difference of two luma planes inside a rectangle. */
function meanDiff(a: Buffer, b: Buffer, r: { x: number; y: number; width: number; height: number }): number {
  let sum = 0;
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) sum += Math.abs((a[y * SIZE.width + x] ?? 0) - (b[y * SIZE.width + x] ?? 0));
  }
  return sum / (r.width * r.height);
}

describe('image subtitles and chapters from a real file', () => {
  it('lists the VobSub track as an image track and the chapters with their titles as written', async () => {
    const src = await svc.open({ itemId, capabilities: caps });
    expect(src.decision).toBe('remux');
    expect(src.subtitles).toEqual([
      { index: 0, label: 'English (VobSub pictures)', language: 'eng', forced: false, default: false, origin: 'embedded', format: 'vobsub', url: null, burned: false },
    ]);
    expect(src.chapters).toEqual(CHAPTERS);
    await svc.stop(src.sessionId);
  });

  it('burns the chosen image track into the picture: the plan overlays it, and the segments decode with it drawn in', async () => {
    const burned = await svc.open({ itemId, capabilities: caps, burnSubtitle: 0 });
    expect([burned.decision, burned.video]).toEqual(['transcode', 'transcode']);
    expect(burned.reason).toMatch(/VobSub subtitles are pictures and must be burned in/);
    expect(burned.subtitles[0]).toMatchObject({ burned: true, url: null });

    const first = await segment(burned.sessionId, 0);
    const plans = argvs.filter((a) => a.includes(`file:${path.join(tmp, 'lib', 'Pier (2004).mkv')}`) && a.includes('-f') && a.includes('hls'));
    expect(plans.length).toBeGreaterThan(0);
    const plan = plans.at(-1)!;
    expect(plan[plan.indexOf('-filter_complex') + 1]).toMatch(/^\[0:v:0\]\[0:s:0\]overlay[,[]/);
    expect(plan[plan.indexOf('-c:v') + 1]).toBe('libx264');
    expect(probeJson(first).streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);

    // The same segment without burn-in: a transcode with the same segment times.
    const clean = await svc.open({ itemId, capabilities: noVideoCaps });
    expect([clean.decision, clean.video]).toEqual(['transcode', 'transcode']);
    const cleanFirst = await segment(clean.sessionId, 0);

    // Frame 20 (0.8 s) lies inside the first cue (0.3–2.8 s).
    const withSub = lumaOfFrame(first, 20);
    const without = lumaOfFrame(cleanFirst, 20);
    const box = cueBox('IMAGE SUBTITLE', SIZE);
    const above = { x: 0, y: 0, width: SIZE.width, height: box.y - 4 };
    expect(meanDiff(withSub, without, box)).toBeGreaterThan(30);
    expect(meanDiff(withSub, without, above)).toBeLessThan(6);

    // Later runners start ffmpeg with an input seek (-ss): segment 8 (8–9 s) still has the cue shown at 6.3–8.8 s.
    const later = await segment(burned.sessionId, 8);
    const laterClean = await segment(clean.sessionId, 8);
    expect(Number(probeJson(later).format.start_time)).toBeCloseTo(8, 0);
    expect(meanDiff(lumaOfFrame(later, 10), lumaOfFrame(laterClean, 10), box)).toBeGreaterThan(30);
    await svc.stop(burned.sessionId);
    await svc.stop(clean.sessionId);
  });
});
