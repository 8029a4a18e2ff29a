/** The benchmark's media, made once with ffmpeg and cached (see bench/playback.ts). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CACHE, GiB, LIBRARY, MiB, now, RANGE_FILE, SOURCES } from './common.js';

export function ffmpeg(argv: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-v', 'error', '-y', '-nostdin', ...argv], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Makes `file` by writing `<file>.part` and renaming it, so an interrupted run never leaves half a file. */
export function cached(file: string, what: string, make: (part: string) => void): void {
  if (fs.existsSync(file)) return;
  const part = file.replace(/(\.\w+)$/, '.part$1');
  process.stdout.write(`making ${what} (once; cached in ${CACHE}) ... `);
  const t0 = now();
  try {
    make(part);
    fs.renameSync(part, file);
  } finally {
    fs.rmSync(part, { force: true });
  }
  console.log(`${((now() - t0) / 1000).toFixed(1)} s`);
}

export function prepareMedia(): void {
  fs.mkdirSync(LIBRARY, { recursive: true });
  const input = ['-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=24:duration=20', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=20:sample_rate=48000'];
  // Light temporal noise, like film grain, so the encoder has real work; a flat test card is unrealistically cheap.
  const grain = ['-vf', 'noise=alls=4:allf=t', '-pix_fmt', 'yuv420p'];
  const audio = ['-c:a', 'aac', '-b:a', '160k', '-ac', '2', '-shortest'];
  const h264 = path.join(LIBRARY, SOURCES.h264.name);
  cached(h264, 'the 20 s 1080p H.264 source', (part) =>
    ffmpeg([...input, ...grain, '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '8M', '-maxrate', '12M', '-bufsize', '16M', '-g', '48', ...audio, '-movflags', '+faststart', part]),
  );
  cached(path.join(LIBRARY, SOURCES.hevc.name), 'the 20 s 1080p HEVC source', (part) =>
    ffmpeg([...input, ...grain, '-c:v', 'libx265', '-preset', 'ultrafast', '-b:v', '6M', '-x265-params', 'log-level=error:keyint=48', ...audio, part]),
  );
  cached(path.join(LIBRARY, RANGE_FILE.name), 'the ~1 GiB H.264 file', (part) => {
    const loops = Math.ceil(GiB / fs.statSync(h264).size);
    ffmpeg(['-stream_loop', String(loops - 1), '-i', h264, '-map', '0', '-c', 'copy', part]);
  });
}

/** Reads the whole file once, so both servers serve it from the page cache. */
export async function warmPageCache(file: string): Promise<void> {
  const fd = await fs.promises.open(file, 'r');
  const buf = Buffer.allocUnsafe(8 * MiB);
  try {
    for (let pos = 0; ; pos += buf.length) if ((await fd.read(buf, 0, buf.length, pos)).bytesRead < buf.length) break;
  } finally {
    await fd.close();
  }
}
