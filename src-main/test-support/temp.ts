import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temp directory and a function that deletes it. */
export function tempDir(prefix = 'glasswing-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
