import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** Bytes read at each sampled offset. */
const BLOCK = 16 * 1024;

/**
 * A fingerprint of a file from three sampled blocks (start, middle, end) and its size: enough to tell
 * that a file which appeared at a new path is one that just disappeared from another (a rename or move),
 * at the cost of three small reads instead of hashing gigabytes. Not a content hash: two different files
 * with equal size and equal sampled blocks would collide, which for media files does not happen in practice.
 */
export function sampleHash(file: string, size: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const hash = createHash('sha256').update(String(size));
    const buffer = Buffer.alloc(BLOCK);
    const offsets = size <= BLOCK * 3 ? [0] : [0, Math.floor(size / 2) - BLOCK / 2, size - BLOCK];
    for (const offset of offsets) {
      const n = fs.readSync(fd, buffer, 0, size <= BLOCK * 3 ? Math.min(buffer.length, size) : BLOCK, offset);
      hash.update(buffer.subarray(0, n));
      if (size <= BLOCK * 3 && n === buffer.length) {
        // A small file (up to three blocks) is hashed whole.
        let at = n;
        while (at < size) {
          const more = fs.readSync(fd, buffer, 0, Math.min(BLOCK, size - at), at);
          if (more <= 0) break;
          hash.update(buffer.subarray(0, more));
          at += more;
        }
      }
    }
    return hash.digest('base64url').slice(0, 22);
  } finally {
    fs.closeSync(fd);
  }
}
