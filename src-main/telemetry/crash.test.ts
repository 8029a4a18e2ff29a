import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

// The short version of scripts/crash-telemetry.ts (which takes --trials 200): kill -9 at random points
// during record bursts, group commits and uploads; no acknowledged event lost, integrity_check ok,
// duplicates only under the same batch id.
describe('telemetry under kill -9', () => {
  it('loses no acknowledged event and duplicates only by batch id (3 trials)', () => {
    const r = spawnSync('npx', ['tsx', 'scripts/crash-telemetry.ts', '--trials', '3'], { cwd: root, encoding: 'utf8', timeout: 55_000 });
    const summary = r.stdout.split('\n').find((l) => l.startsWith('crash-telemetry:'));
    expect(r.stderr.split('\n').filter((l) => l.startsWith('VIOLATION'))).toEqual([]);
    expect(summary).toMatch(/^crash-telemetry: 3 trials, \d+ acknowledged events, .* 0 violations$/);
    expect(r.status).toBe(0);
  }, 60_000);
});
