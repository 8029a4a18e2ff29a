import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface RunningApp {
  url: string;
  origin: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the built `glasswing serve` as a user would, on a fresh data directory, and waits for its address. */
export async function startApp(args: string[] = [], env: Record<string, string> = {}): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'bin', 'glasswing.js'), 'serve', '--data-dir', dataDir, ...args], {
    cwd: root,
    env: { ...process.env, DO_NOT_TRACK: '', GLASSWING_TELEMETRY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`glasswing serve printed no address:\n${out}`)), 30_000);
    const check = () => {
      const m = /Glasswing is running at (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => reject(new Error(`glasswing serve exited with ${code}:\n${out}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
