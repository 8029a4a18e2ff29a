import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Makes a short real H.264/AAC MP4 with ffmpeg (argv, no shell). */
export function makeMp4(file: string, seconds = 2): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=320x180:rate=25:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-movflags', '+faststart',
    file,
  ]);
}
