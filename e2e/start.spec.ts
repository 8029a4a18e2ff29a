import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { continueFirstRun, startsWith } from './support/ui.js';

const root = path.resolve(import.meta.dirname, '..');

/** `npm start` exactly as the README says, on a machine without the Electron binary: web host + demo library. */
test('npm start falls back to the web host, says why, and serves the demo library', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-start-'));
  const child = spawn('npm', ['start', '--silent', '--', '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  try {
    await expect.poll(() => /Glasswing is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out)?.[1], { timeout: 90_000 }).toBeTruthy();
    expect(out).toMatch(/Starting the web host instead of the desktop app: /);
    const url = /Glasswing is running at (\S+)/.exec(out)![1]!;
    await page.goto(url);
    await continueFirstRun(page);
    // Home shows the demo library once its first scan has indexed it: the movie on the Recently added shelf.
    const shelf = page.getByRole('region', { name: 'Recently added movies' });
    await expect(shelf.getByRole('link', { name: startsWith('Paper Moons') })).toBeVisible({ timeout: 60_000 });
    await expect(shelf.getByRole('link', { name: startsWith('Paper Moons') })).toContainText('2004');
    expect(fs.existsSync(path.join(dataDir, 'demo-library', 'Movies', 'Night Train (1998).mp4'))).toBe(true);
  } finally {
    // npm runs the app in a child process group of its own: stop the whole group.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
