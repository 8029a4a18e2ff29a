import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScanProgress } from '../../contract/index.js';

/** A fresh temp directory and a function that deletes it. */
export function makeTempDir(prefix = 'glasswing-library-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * An ffprobe stand-in that logs every invocation to `countFile` and runs the real ffprobe, except for
 * files whose name contains "SLOW", which hang (to exercise the timeout). `exec` keeps one process, so
 * killing it really stops it.
 */
export function countingFfprobe(dir: string): { path: string; count: () => number; reset: () => void } {
  const countFile = path.join(dir, 'ffprobe-calls.log');
  const script = path.join(dir, 'ffprobe-counting.sh');
  fs.writeFileSync(
    script,
    `#!/bin/sh\necho call >> '${countFile}'\ncase "$*" in *SLOW*) exec sleep 30;; esac\nexec /usr/bin/ffprobe "$@"\n`,
    { mode: 0o755 },
  );
  const count = (): number => (fs.existsSync(countFile) ? fs.readFileSync(countFile, 'utf8').split('\n').filter(Boolean).length : 0);
  return { path: script, count, reset: () => fs.rmSync(countFile, { force: true }) };
}

/** Collects progress updates. */
export function progressLog(): { updates: ScanProgress[]; onProgress: (p: ScanProgress) => void; last: () => ScanProgress | undefined } {
  const updates: ScanProgress[] = [];
  return { updates, onProgress: (p) => updates.push(p), last: () => updates[updates.length - 1] };
}
