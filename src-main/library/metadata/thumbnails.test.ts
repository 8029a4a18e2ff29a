import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, type Spawn } from '../../ports.js';
import { makeTempDir } from '../test-support/fixtures.js';
import type { LibraryTools } from '../tools.js';
import { storeArt, thumbsDir } from './artwork-cache.js';
import { RETRY_AFTER_MS, THUMB_WIDTH, thumbnailArgs, Thumbnails } from './thumbnails.js';

// Real ffmpeg on real pictures; the spawn port counts the runs and how many overlap.
let temp: ReturnType<typeof makeTempDir>;
let sources: string;

beforeAll(() => {
  temp = makeTempDir('glasswing-thumbs-');
  sources = path.join(temp.dir, 'sources');
  fs.mkdirSync(sources);
  return () => temp.cleanup();
});

/** A picture made by ffmpeg from a test pattern, as the bytes a poster file would hold. */
function picture(name: string, size: string, format: 'mjpeg' | 'png' | 'webp'): Buffer {
  const file = path.join(sources, name);
  const codec = format === 'webp' ? ['-c:v', 'libwebp'] : format === 'png' ? ['-c:v', 'png', '-f', 'image2'] : ['-f', 'mjpeg'];
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=${size}`, '-frames:v', '1', ...codec, file]);
  return fs.readFileSync(file);
}

const size = (file: string): string =>
  execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]).toString().trim();

interface Harness {
  thumbs: Thumbnails;
  artDir: string;
  runs: () => number;
  mostAtOnce: () => number;
  clock: ManualClock;
}

let open: Thumbnails[] = [];
afterEach(async () => {
  for (const t of open) {
    t.close();
    await t.idle();
  }
  open = [];
});

let harnesses = 0;
function harness(ffmpeg = 'ffmpeg'): Harness {
  const artDir = path.join(temp.dir, `art-${harnesses++}`);
  let runs = 0;
  let running = 0;
  let mostAtOnce = 0;
  const counting: Spawn = (command, args, options) => {
    runs++;
    mostAtOnce = Math.max(mostAtOnce, ++running);
    const child: ChildProcess = spawn(command, args, options);
    child.on('close', () => running--);
    child.on('error', () => running--);
    return child;
  };
  const clock = new ManualClock();
  const tools: LibraryTools = { ffprobe: 'ffprobe', ffmpeg, spawn: counting, clock };
  const thumbs = new Thumbnails({ artDir, tools });
  open.push(thumbs);
  return { thumbs, artDir, runs: () => runs, mostAtOnce: () => mostAtOnce, clock };
}

describe('thumbnails', () => {
  it('scales a poster to the grid width, keeping its aspect, as a JPEG named by the picture', async () => {
    const h = harness();
    const id = storeArt(h.artDir, picture('poster.png', '1000x1500', 'png'))!;
    const outcome = await h.thumbs.thumbnail(id);
    expect(outcome).toMatchObject({ kind: 'ready', file: path.join(thumbsDir(h.artDir), `${id}.jpg`) });
    const file = (outcome as { file: string }).file;
    expect(fs.readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(size(file)).toBe(`${THUMB_WIDTH},513`);
    // Nothing half-written is left beside it.
    expect(fs.readdirSync(thumbsDir(h.artDir))).toEqual([`${id}.jpg`]);
  });

  it('never scales a small picture up, and bounds a tall strip by its height', async () => {
    const h = harness();
    const small = storeArt(h.artDir, picture('small.jpg', '40x60', 'mjpeg'))!;
    const tall = storeArt(h.artDir, picture('tall.webp', '400x8000', 'webp'))!;
    const [a, b] = await Promise.all([h.thumbs.thumbnail(small), h.thumbs.thumbnail(tall)]);
    const [w, hgt] = size((a as { file: string }).file).split(',').map(Number);
    expect(w).toBeLessThanOrEqual(40);
    expect(hgt).toBeLessThanOrEqual(60);
    const [tw, th] = size((b as { file: string }).file).split(',').map(Number);
    expect(th).toBeLessThanOrEqual(THUMB_WIDTH * 3);
    expect(tw).toBeLessThan(THUMB_WIDTH);
  });

  it('makes each thumbnail once: requests at the same time share one run, later ones run nothing', async () => {
    const h = harness();
    const id = storeArt(h.artDir, picture('once.jpg', '600x900', 'mjpeg'))!;
    const outcomes = await Promise.all([h.thumbs.thumbnail(id), h.thumbs.thumbnail(id), h.thumbs.thumbnail(id)]);
    expect(outcomes.map((o) => o.kind)).toEqual(['ready', 'ready', 'ready']);
    expect(h.runs()).toBe(1);
    expect(await h.thumbs.thumbnail(id)).toMatchObject({ kind: 'ready' });
    expect(h.runs()).toBe(1);
  });

  it('runs at most two ffmpeg at once, however many pictures are asked for', async () => {
    const h = harness();
    const ids = ['a', 'b', 'c', 'd', 'e'].map((n, i) => storeArt(h.artDir, picture(`many-${n}.jpg`, `${300 + i * 20}x500`, 'mjpeg'))!);
    const outcomes = await Promise.all(ids.map((id) => h.thumbs.thumbnail(id)));
    expect(outcomes.every((o) => o.kind === 'ready')).toBe(true);
    expect(h.runs()).toBe(5);
    expect(h.mostAtOnce()).toBeLessThanOrEqual(2);
  });

  it('remembers a picture ffmpeg cannot read, and never runs ffmpeg for it again', async () => {
    const h = harness();
    // JPEG's first bytes (so the cache takes it), then noise: what a damaged poster file looks like.
    const noise = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))]);
    const id = storeArt(h.artDir, noise)!;
    expect(await h.thumbs.thumbnail(id)).toEqual({ kind: 'unreadable' });
    expect(await h.thumbs.thumbnail(id)).toEqual({ kind: 'unreadable' });
    expect(h.runs()).toBe(1);
    expect(fs.readdirSync(thumbsDir(h.artDir))).toEqual([]);
  });

  it('refuses a picture too large to decode safely without decoding it', async () => {
    const h = harness();
    const file = path.join(sources, 'huge.jpg');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=gray:size=6200x6000', '-frames:v', '1', '-f', 'mjpeg', file]);
    const id = storeArt(h.artDir, fs.readFileSync(file))!;
    expect(await h.thumbs.thumbnail(id)).toEqual({ kind: 'unreadable' });
  });

  it('finds nothing for an unknown or malformed id, without running ffmpeg', async () => {
    const h = harness();
    for (const id of ['0'.repeat(64), '../../etc/passwd', 'F'.repeat(64), '']) expect(await h.thumbs.thumbnail(id), id).toEqual({ kind: 'missing' });
    expect(h.runs()).toBe(0);
  });

  it('without ffmpeg, answers unavailable for every picture and tries again only after a while', async () => {
    const h = harness(path.join(temp.dir, 'no-such-ffmpeg'));
    const id = storeArt(h.artDir, picture('later.jpg', '100x150', 'mjpeg'))!;
    const other = storeArt(h.artDir, picture('other.jpg', '100x160', 'mjpeg'))!;
    expect(await h.thumbs.thumbnail(id)).toEqual({ kind: 'unavailable', reason: 'ffmpeg is not installed' });
    expect(await h.thumbs.thumbnail(id)).toMatchObject({ kind: 'unavailable' });
    expect(await h.thumbs.thumbnail(other)).toMatchObject({ kind: 'unavailable' });
    expect(h.runs()).toBe(1);
    h.clock.advance(RETRY_AFTER_MS);
    await h.thumbs.thumbnail(other);
    expect(h.runs()).toBe(2);
  });

  it('warms thumbnails in the background, so a grid finds them made', async () => {
    const h = harness();
    const ids = ['w1', 'w2', 'w3'].map((n, i) => storeArt(h.artDir, picture(`${n}.jpg`, `${200 + i * 10}x300`, 'mjpeg'))!);
    h.thumbs.warm([...ids, '0'.repeat(64)]);
    await h.thumbs.idle();
    expect(h.runs()).toBe(3);
    expect(h.mostAtOnce()).toBe(1);
    for (const id of ids) expect(await h.thumbs.thumbnail(id)).toMatchObject({ kind: 'ready' });
    h.thumbs.warm(ids);
    await h.thumbs.idle();
    expect(h.runs()).toBe(3);
  });
});

describe('thumbnailArgs', () => {
  it('pins the input: the file protocol only, the demuxer of the sniffed type, a pixel limit', () => {
    const args = thumbnailArgs({ file: '/cache/abc.png', type: 'png' }, '/cache/thumbs/.abc.partial');
    const input = args.indexOf('-i');
    expect(args.slice(input - 4, input + 2)).toEqual(['-protocol_whitelist', 'file', '-f', 'png_pipe', '-i', 'file:/cache/abc.png']);
    expect(args).toContain('-max_pixels');
    expect(args.slice(-3)).toEqual(['-f', 'mjpeg', 'file:/cache/thumbs/.abc.partial']);
  });
});
