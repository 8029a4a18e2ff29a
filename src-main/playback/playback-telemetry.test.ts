import { describe, expect, it } from 'vitest';
import type { PlayableFile } from './media.js';
import { playbackTelemetry } from './playback-telemetry.js';

const FILM: PlayableFile = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  kind: 'movie',
  title: 'Night Train',
  path: '/films/Night Train (1998).mkv',
  folderRoot: '/films',
  mime: 'video/x-matroska',
  durationSec: 5423.7,
  container: 'matroska,webm',
  videoCodec: 'h264',
  audioCodec: null,
  width: 1920,
  height: 1080,
};

describe('playback telemetry', () => {
  it('records a play with the raw facts the catalog generalizes, and nothing of the title or path', () => {
    const recorded: unknown[][] = [];
    playbackTelemetry((...args) => void recorded.push(args)).started(FILM, 'direct');
    expect(recorded).toEqual([
      ['playback.started', { kind: 'movie', container: 'matroska,webm', videoCodec: 'h264', audioCodec: 'none', resolution: 1080, duration: 5423.7, mode: 'direct' }],
    ]);
    expect(JSON.stringify(recorded)).not.toMatch(/Night Train|films/);
  });

  it("counts a file whose container is unknown as 'other' rather than dropping the play", () => {
    const recorded: unknown[][] = [];
    playbackTelemetry((...args) => void recorded.push(args)).started({ ...FILM, container: null }, 'transcode');
    expect(recorded[0]![1]).toMatchObject({ container: 'other', mode: 'transcode' });
  });
});
