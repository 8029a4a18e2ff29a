import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './cli.js';

afterEach(() => vi.restoreAllMocks());

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}

describe('glasswing main()', () => {
  it('exits 2 with a clear message on an unknown flag', async () => {
    const io = capture();
    expect(await main(['serve', '--frobnicate'])).toBe(2);
    expect(io.err()).toMatch(/glasswing: .*frobnicate/);
    expect(io.err()).toMatch(/glasswing --help/);
  });

  it('prints help and exits 0', async () => {
    const io = capture();
    expect(await main(['--help'])).toBe(0);
    expect(io.out()).toMatch(/glasswing serve/);
  });

  it('dumps the telemetry catalog as JSON', async () => {
    const io = capture();
    expect(await main(['--telemetry-dump', '--json'])).toBe(0);
    const dump = JSON.parse(io.out());
    const names = (dump.events as { name: string }[]).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['app.started', 'library.scan_completed', 'playback.started', 'playback.failed', 'playback.transcode_speed', 'ui.feature_used']));
  });
});
