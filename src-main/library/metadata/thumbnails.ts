import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LibraryTools } from '../tools.js';
import { ART_ID, findArt, thumbsDir, type ArtType } from './artwork-cache.js';
import { Slots } from './slots.js';

/**
 * Grid-sized pictures: `<artwork cache>/thumbs/<sha256>.jpg`, one per cached poster or cover, named by the
 * same content id as the picture (so they are cached for good too), made by ffmpeg once and kept. Grids
 * load these, never the full-size picture: a poster is often 1–3 MB, its thumbnail 15–30 kB.
 */

/** Twice a ~170 px grid tile, so posters stay sharp on a high-density screen. */
export const THUMB_WIDTH = 342;
/** A picture over three times taller than wide is bounded by height instead: no thumbnail is a long strip. */
const THUMB_MAX_HEIGHT = THUMB_WIDTH * 3;
/** ffmpeg refuses larger pictures before decoding them: a small PNG can unpack into gigabytes. */
const MAX_SOURCE_PIXELS = 36_000_000;
/**
 * mjpeg's quantiser. 4 is about libjpeg quality 80 (SSIM 0.96–0.97 against a lossless scale). WebP at the
 * same SSIM measured only 10–20 % smaller, and not every ffmpeg build has libwebp; every one has mjpeg.
 */
const JPEG_QSCALE = 4;
/** Processes at once, grids and the background together. */
const CONCURRENT_RUNS = 2;
/** A thumbnail of a picture at most this size takes well under a second; a hung ffmpeg is killed. */
const RUN_TIMEOUT_MS = 20_000;
/** After ffmpeg was missing or too slow (not the picture's fault), when a request may try again. */
export const RETRY_AFTER_MS = 5 * 60_000;

/** The demuxer for each picture type the cache holds: named, so the file's bytes never choose one. */
const DEMUXER: Readonly<Record<ArtType, string>> = { jpeg: 'jpeg_pipe', png: 'png_pipe', webp: 'webp_pipe' };

/** What asking for a thumbnail came to. */
export type ThumbOutcome =
  | { kind: 'ready'; file: string; size: number }
  /** No cached picture has this id. */
  | { kind: 'missing' }
  /** ffmpeg could not read the picture (damaged, not what its bytes claim, too large): remembered. */
  | { kind: 'unreadable' }
  /** Not the picture's fault (ffmpeg missing or too slow, the disk full): tried again after a while. */
  | { kind: 'unavailable'; reason: string };

function thumbFile(artDir: string, artId: string): string {
  return path.join(thumbsDir(artDir), `${artId}.jpg`);
}

/**
 * ffmpeg's arguments for one thumbnail: the input read through the file protocol only, by the demuxer of
 * its sniffed type (DESIGN.md §9); scaled down to the grid's width keeping its aspect, never up (a small
 * picture keeps its size); one JPEG frame with no metadata; one thread, as the machine is shared.
 */
export function thumbnailArgs(source: { file: string; type: ArtType }, output: string): string[] {
  const fit = `scale=w='max(1,min(${THUMB_WIDTH},min(iw,${THUMB_MAX_HEIGHT}*iw/ih)))':h=-1:flags=lanczos`;
  const input = ['-threads', '1', '-max_pixels', String(MAX_SOURCE_PIXELS), '-protocol_whitelist', 'file', '-f', DEMUXER[source.type], '-i', `file:${source.file}`];
  const encode = ['-c:v', 'mjpeg', '-q:v', String(JPEG_QSCALE), '-pix_fmt', 'yuvj420p', '-threads', '1'];
  return ['-nostdin', '-hide_banner', '-v', 'error', '-y', '-filter_threads', '1', ...input, '-map', '0:v:0', '-frames:v', '1', '-map_metadata', '-1', '-vf', fit, ...encode, '-f', 'mjpeg', `file:${output}`];
}

/** How an ffmpeg run ended. */
type RunEnd = { kind: 'exited'; code: number | null } | { kind: 'not-started'; missing: boolean } | { kind: 'timed-out' };

/** Runs ffmpeg to its end under a time limit; `children` holds it while it runs, so closing can kill it. */
function runFfmpeg(tools: LibraryTools, args: readonly string[], children: Set<ChildProcess>): Promise<RunEnd> {
  return new Promise((resolve) => {
    let timedOut = false;
    const child = tools.spawn(tools.ffmpeg, args, { stdio: ['ignore', 'ignore', 'ignore'], windowsHide: true });
    children.add(child);
    const timer = tools.clock.setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, RUN_TIMEOUT_MS);
    const finish = (end: RunEnd): void => {
      timer.cancel();
      children.delete(child);
      resolve(end);
    };
    child.on('error', (error: NodeJS.ErrnoException) => finish({ kind: 'not-started', missing: error.code === 'ENOENT' }));
    child.on('close', (code) => finish(timedOut ? { kind: 'timed-out' } : { kind: 'exited', code }));
  });
}

/** Whether the thumbnail is made, asked off the main thread: made is the common case of a large library. */
async function isMade(file: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(file)).size > 0;
  } catch {
    return false;
  }
}

/** The finished thumbnail, or null: a file (never a folder or an empty leftover) under its final name. */
function readyThumb(file: string): ThumbOutcome | null {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() && stat.size > 0 ? { kind: 'ready', file, size: stat.size } : null;
  } catch {
    return null;
  }
}

/** Whether ffmpeg wrote a JPEG (it can exit 0 having written nothing useful from a damaged picture). */
async function wroteJpeg(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(3), 0, 3, 0);
    return bytesRead === 3 && buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff;
  } finally {
    await handle.close();
  }
}

const NO_FFMPEG: ThumbOutcome = { kind: 'unavailable', reason: 'ffmpeg is not installed' };

/** What a run that did not produce a thumbnail means for the picture. */
function failureOf(end: RunEnd): ThumbOutcome {
  if (end.kind === 'not-started') return end.missing ? NO_FFMPEG : { kind: 'unavailable', reason: 'ffmpeg could not be started' };
  if (end.kind === 'timed-out') return { kind: 'unavailable', reason: 'ffmpeg took too long' };
  return { kind: 'unreadable' };
}

export interface ThumbnailOptions {
  /** The artwork cache (`artworkDir`); thumbnails live in its `thumbs` folder. */
  artDir: string;
  tools: LibraryTools;
}

/**
 * Makes and finds thumbnails. Each picture's thumbnail is made once: requests for one being made share
 * that run, a made one is a file, and a picture ffmpeg could not read is remembered, so no request spawns
 * ffmpeg for it again. Requests go before the background work of `warm`.
 */
export class Thumbnails {
  private readonly slots = new Slots(CONCURRENT_RUNS);
  private readonly running = new Map<string, Promise<ThumbOutcome>>();
  private readonly failures = new Map<string, { outcome: ThumbOutcome; until: number }>();
  private readonly children = new Set<ChildProcess>();
  private readonly toWarm: Iterator<string>[] = [];
  private warming: Promise<void> | null = null;
  private closed = false;
  /** Until when ffmpeg counts as missing: no picture is tried (one failed spawn, not one per poster). */
  private noFfmpegUntil = 0;

  constructor(private readonly o: ThumbnailOptions) {}

  /**
   * The thumbnail of the cached picture `artId`, made now if need be. Never throws: an unknown or
   * malformed id is 'missing'. Everything up to starting a run is synchronous, so two callers can never
   * both start one for the same picture.
   */
  thumbnail(artId: string, urgent = true): Promise<ThumbOutcome> {
    if (!ART_ID.test(artId)) return Promise.resolve({ kind: 'missing' });
    const ready = readyThumb(thumbFile(this.o.artDir, artId));
    if (ready) return Promise.resolve(ready);
    const now = this.o.tools.clock.now();
    if (now < this.noFfmpegUntil) return Promise.resolve(NO_FFMPEG);
    const failed = this.failures.get(artId);
    if (failed && failed.until > now) return Promise.resolve(failed.outcome);
    const running = this.running.get(artId);
    if (running) return running;
    const source = this.closed ? null : findArt(this.o.artDir, artId);
    if (!source) return Promise.resolve({ kind: 'missing' });
    const job = this.generate(artId, source, urgent).then((outcome) => this.remember(artId, outcome));
    this.running.set(artId, job);
    void job.finally(() => this.running.delete(artId));
    return job;
  }

  /**
   * Makes the thumbnails of these pictures that do not exist yet, one at a time in the background, so a
   * grid finds them made. Pictures that are not in the cache are skipped. `artIds` is walked lazily, one
   * id per turn of the event loop, as it can be every poster of a large library.
   */
  warm(artIds: Iterable<string>): void {
    if (this.closed) return;
    this.toWarm.push(artIds[Symbol.iterator]());
    if (!this.warming) this.startWarming();
  }

  private startWarming(): void {
    this.warming = this.warmQueued()
      // A walk that fails (the index closed under it) only ends the background work.
      .catch(() => void (this.toWarm.length = 0))
      .then(() => {
        this.warming = null;
        // A walk queued as the last one ended.
        if (this.toWarm.length > 0 && !this.closed) this.startWarming();
      });
  }

  /** Resolves once the background work and every run in progress are done. */
  async idle(): Promise<void> {
    while (this.warming || this.running.size > 0) await Promise.allSettled([this.warming, ...this.running.values()]);
  }

  /** Stops the background work and kills any ffmpeg still running; later requests find only made thumbnails. */
  close(): void {
    this.closed = true;
    this.toWarm.length = 0;
    for (const child of this.children) child.kill('SIGKILL');
  }

  private async warmQueued(): Promise<void> {
    for (let walk = this.toWarm.shift(); walk && !this.closed; walk = this.toWarm.shift()) {
      for (let next = walk.next(); !next.done && !this.closed; next = walk.next()) {
        if (await isMade(thumbFile(this.o.artDir, next.value))) continue;
        await this.thumbnail(next.value, false);
      }
    }
  }

  private remember(artId: string, outcome: ThumbOutcome): ThumbOutcome {
    if (outcome === NO_FFMPEG) this.noFfmpegUntil = this.o.tools.clock.now() + RETRY_AFTER_MS;
    if (outcome.kind === 'unreadable') this.failures.set(artId, { outcome, until: Number.POSITIVE_INFINITY });
    if (outcome.kind === 'unavailable' && !this.closed) this.failures.set(artId, { outcome, until: this.o.tools.clock.now() + RETRY_AFTER_MS });
    return outcome;
  }

  private async generate(artId: string, source: { file: string; type: ArtType }, urgent: boolean): Promise<ThumbOutcome> {
    const release = await this.slots.acquire(urgent);
    try {
      if (this.closed) return { kind: 'unavailable', reason: 'the library is closing' };
      return await this.render(artId, source);
    } finally {
      release();
    }
  }

  /** One ffmpeg run into a temporary file, renamed into place only once it holds a JPEG. */
  private async render(artId: string, source: { file: string; type: ArtType }): Promise<ThumbOutcome> {
    const dir = thumbsDir(this.o.artDir);
    const partial = path.join(dir, `.${artId}.${process.pid}.${randomUUID()}.partial`);
    try {
      await fs.promises.mkdir(dir, { recursive: true });
      const end = await runFfmpeg(this.o.tools, thumbnailArgs(source, partial), this.children);
      if (this.closed) return { kind: 'unavailable', reason: 'the library is closing' };
      if (end.kind !== 'exited' || end.code !== 0 || !(await wroteJpeg(partial).catch(() => false))) return failureOf(end);
      const file = thumbFile(this.o.artDir, artId);
      await fs.promises.rename(partial, file);
      return readyThumb(file) ?? { kind: 'unavailable', reason: 'the thumbnail vanished as it was written' };
    } catch {
      return { kind: 'unavailable', reason: 'the thumbnail could not be written' };
    } finally {
      await fs.promises.rm(partial, { force: true }).catch(() => undefined);
    }
  }
}
