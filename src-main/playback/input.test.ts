import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capabilities } from '../contract/index.js';
import { decide } from './decide.js';
import { concatList, concatQuote } from './input.js';
import type { PlayableFile } from './media.js';
import { CHROMIUM_CAPS, makeH264Mp4, playbackFor, probeJson } from './test-support/fixtures.js';

const caps = CHROMIUM_CAPS as unknown as Capabilities;
let tmp: string;
let lib: string;
let movie: PlayableFile;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-parts-'));
  lib = path.join(tmp, 'lib');
  // A quote in the name: the concat list must escape it. A keyframe a second, so the keyframe found at the
  // 4 s point (keyframes.ts) is inside the second part. remux.test.ts has parts with sparse keyframes.
  const parts = [1, 2].map((n) => part(path.join(lib, 'Long Walk (2001)', `Long Walk's (2001) - cd${n}.mp4`)));
  movie = {
    id: 'parts'.padEnd(22, 'x'),
    kind: 'movie',
    title: 'Long Walk',
    path: parts[0]!,
    folderRoot: lib,
    mime: 'video/mp4',
    durationSec: 6,
    container: 'mp4',
    videoCodec: 'h264',
    audioCodec: 'aac',
    width: 320,
    height: 180,
    parts,
  };
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A 3 s H.264/AAC MP4 with a keyframe every second. */
function part(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=3'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3:sample_rate=48000'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-movflags', '+faststart', file],
  ]);
  return file;
}

function service(items: PlayableFile[]) {
  return playbackFor(items, path.join(tmp, 'cache'));
}

describe('the concat list of a movie in parts', () => {
  it("quotes every path and writes a quote as '\\''", () => {
    expect(concatQuote("/m/Long Walk's.mp4")).toBe(`'/m/Long Walk'\\''s.mp4'`);
    expect(concatList(['/a.mp4', "/b's.mp4"])).toBe(`ffconcat version 1.0\nfile 'file:/a.mp4'\nfile 'file:/b'\\''s.mp4'\n`);
  });

  it('is never played directly: the parts are joined into one remuxed stream', () => {
    const facts = { container: 'mp4', videoCodec: 'h264', audioCodec: 'aac', audioChannels: 2, audioNotDefault: false, burnSubtitle: null };
    expect(decide(facts, caps).mode).toBe('direct');
    expect(decide({ ...facts, parts: 2 }, caps)).toMatchObject({
      mode: 'remux',
      reason: 'Movie in 2 parts → joined into one stream, copying H.264 and AAC into HLS; nothing is re-encoded.',
    });
  });
});

describe('playing a movie in parts', () => {
  it('serves one stream as long as both parts, whose later segments come from the second part', async () => {
    const svc = service([movie]);
    try {
      const src = await svc.open({ itemId: movie.id, capabilities: caps });
      expect(src.decision).toBe('remux');
      const playlist = await svc.hls(src.sessionId, 'index.m3u8');
      const text = 'text' in playlist ? playlist.text : '';
      const total = [...text.matchAll(/#EXTINF:([\d.]+),/g)].reduce((sum, m) => sum + Number(m[1]), 0);
      expect(total).toBeGreaterThan(5.8);
      expect(total).toBeLessThan(6.3);
      const names = [...text.matchAll(/^(\d+\.m4s)$/gm)].map((m) => m[1]!);
      const init = await svc.hls(src.sessionId, 'init.mp4');
      const last = await svc.hls(src.sessionId, names[names.length - 1]!);
      if (!('path' in init) || !('path' in last)) throw new Error('no segment file');
      const joined = path.join(tmp, 'last.mp4');
      fs.writeFileSync(joined, Buffer.concat([fs.readFileSync(init.path), fs.readFileSync(last.path)]));
      expect(Number(probeJson(joined).format.start_time)).toBeGreaterThanOrEqual(3 - 0.1);
      // Every frame of it decodes.
      execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-i', joined, '-f', 'null', '-']);
    } finally {
      await svc.close();
    }
  });

  it('starts a transcode inside the second part by seeking there (each part’s length is in the list)', async () => {
    const svc = service([movie]);
    // A browser that copies no H.264 into HLS: the joined stream is transcoded.
    const withoutH264: Capabilities = { ...caps, mse: { ...caps.mse, video: caps.mse.video.filter((c) => c !== 'h264') } };
    try {
      const src = await svc.open({ itemId: movie.id, capabilities: withoutH264, startSec: 4.2 });
      expect(src.decision).toBe('transcode');
      const list = fs.readFileSync(path.join(tmp, 'cache', src.sessionId, 'parts.ffconcat'), 'utf8');
      expect(list.match(/^duration \d+\.\d+$/gm)).toHaveLength(2);
      const init = await svc.hls(src.sessionId, 'init.mp4');
      const seg = await svc.hls(src.sessionId, '4.m4s');
      if (!('path' in init) || !('path' in seg)) throw new Error('no segment file');
      const joined = path.join(tmp, 'in-part-two.mp4');
      fs.writeFileSync(joined, Buffer.concat([fs.readFileSync(init.path), fs.readFileSync(seg.path)]));
      expect(Number(probeJson(joined).format.start_time)).toBeCloseTo(4, 1);
      execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-i', joined, '-f', 'null', '-']);
    } finally {
      await svc.close();
    }
  });

  it('refuses a movie one of whose parts lies outside its library folder', async () => {
    const outside = makeH264Mp4(path.join(tmp, 'elsewhere.mp4'), 1);
    const link = path.join(lib, 'Long Walk (2001)', 'Long Walk - cd3.mp4');
    fs.symlinkSync(outside, link);
    const svc = service([{ ...movie, parts: [...movie.parts!, link] }]);
    try {
      await expect(svc.open({ itemId: movie.id, capabilities: caps })).rejects.toMatchObject({ code: 'not-found' });
    } finally {
      await svc.close();
    }
  });
});
