import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from './cli-args.js';

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

  it.each([
    [['serve', '--bogus'], /bogus/],
    [['serve', '--port', 'eighty'], /--port must be a number/],
    [['serve', '--port', '70000'], /--port must be a number/],
    [['serve', '--telemetry=maybe'], /only "off"/],
    [['serve', '--telemetry-endpoint', 'http://collector.example/v1/logs'], /https, or http on loopback/],
    [['scan'], /exactly one folder/],
    [['scan', '/a', '--kind', 'films'], /--kind must be/],
    [['dance'], /Unknown command "dance"/],
    [[], /Missing command/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
