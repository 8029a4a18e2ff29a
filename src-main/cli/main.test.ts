import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';

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

  it('identifies paths without touching them, as text and as JSON', async () => {
    const io = capture();
    expect(await main(['identify', '/nowhere/TV/Harbour Lights/Season 01/Harbour Lights - S01E02E03 - Double.mkv', '--kind', 'shows'])).toBe(0);
    expect(io.out()).toMatch(/kind: +episode/);
    expect(io.out()).toMatch(/series: +Harbour Lights/);
    expect(io.out()).toMatch(/episode: +S01E02-E03/);
    expect(io.out()).toMatch(/extra: +no/);
    expect(io.err()).toBe('');

    const json = capture();
    expect(await main(['identify', '--json', 'Night.Train.1998.1080p.BluRay.x264-GRP.mkv', 'Night Train (1998)/Featurettes/Making Tracks.mkv'])).toBe(0);
    const results = JSON.parse(json.out()) as unknown[];
    expect(results).toEqual([
      expect.objectContaining({ kind: 'movie', title: 'Night Train', year: 1998, extra: false }),
      expect.objectContaining({ kind: 'extra', title: 'Making Tracks', extra: true, extraType: 'featurette', owner: 'Night Train' }),
    ]);
  });

  it('dumps the telemetry catalog as JSON', async () => {
    const io = capture();
    expect(await main(['--telemetry-dump', '--json'])).toBe(0);
    const dump = JSON.parse(io.out());
    const names = (dump.events as { name: string }[]).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['app.started', 'library.scan_completed', 'playback.started', 'playback.failed', 'playback.transcode_speed', 'ui.feature_used']));
  });
});
