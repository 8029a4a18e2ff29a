import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from './args.js';

describe('the glasswing command line', () => {
  it('parses serve with repeated libraries, a port and a loopback endpoint', () => {
    expect(parseCommand(['serve', '--port', '8080', '--library', '/a', '--library', '/b', '--open', '--telemetry-endpoint', 'http://127.0.0.1:4318/v1/logs'])).toEqual({
      cmd: 'serve',
      port: 8080,
      dataDir: null,
      libraries: ['/a', '/b'],
      open: true,
      demo: false,
      telemetryOff: false,
      telemetryEndpoint: 'http://127.0.0.1:4318/v1/logs',
    });
  });

  it('parses scan, --telemetry-dump and --help', () => {
    expect(parseCommand(['scan', '/media', '--json', '--kind', 'music'])).toMatchObject({ cmd: 'scan', dir: '/media', json: true, kind: 'music' });
    expect(parseCommand(['--telemetry-dump', '--json'])).toEqual({ cmd: 'telemetry-dump', json: true });
    expect(parseCommand(['--help'])).toEqual({ cmd: 'help' });
    expect(parseCommand(['serve', '--telemetry=off'])).toMatchObject({ telemetryOff: true });
  });

  it('parses identify with several paths, a kind and --json', () => {
    expect(parseCommand(['identify', 'a.mkv', 'Show/Season 01/b.mkv', '--kind', 'shows', '--json'])).toEqual({
      cmd: 'identify',
      paths: ['a.mkv', 'Show/Season 01/b.mkv'],
      kind: 'shows',
      json: true,
    });
    expect(parseCommand(['identify', 'Night Train (1998).mkv'])).toEqual({ cmd: 'identify', paths: ['Night Train (1998).mkv'], kind: 'mixed', json: false });
  });

  it.each([
    [['serve', '--bogus'], /bogus/],
    [['serve', '--port', 'eighty'], /--port must be a number/],
    [['serve', '--port', '70000'], /--port must be a number/],
    [['serve', '--telemetry=maybe'], /only "off"/],
    [['serve', '--telemetry-endpoint', 'http://collector.example/v1/logs'], /https, or http on loopback/],
    [['scan'], /exactly one folder/],
    [['scan', '/a', '--kind', 'films'], /--kind must be/],
    [['identify'], /one or more paths/],
    [['identify', 'x.mkv', '--kind', 'anime'], /--kind must be/],
    [['dance'], /Unknown command "dance"/],
    [[], /Missing command/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
