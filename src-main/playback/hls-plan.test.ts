import { describe, expect, it } from 'vitest';
import { ffmpegArgs, playlistText, segmentStarts, type RunnerPlan } from './hls-plan.js';

describe('the HLS plan', () => {
  it('cuts 1 s segments when video is re-encoded, 4 s ones when it is copied', () => {
    expect(segmentStarts(6, true)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(segmentStarts(20, false)).toEqual([0, 4, 8, 12, 16]);
    expect(segmentStarts(0.5, true)).toEqual([0]);
    // A long film: whole seconds to the end, no rounding error piled up.
    const long = segmentStarts(7322.4, true);
    expect(long).toHaveLength(7323);
    expect(long.every((t, n) => t === n)).toBe(true);
  });

  it('writes the whole VOD playlist up front, ending on the real duration', () => {
    const text = playlistText(segmentStarts(10.5, true), 10.5);
    expect(text.split('\n').filter((l) => l.startsWith('#EXTINF'))).toEqual([...Array<string>(10).fill('#EXTINF:1.000000,'), '#EXTINF:0.500000,']);
    expect(text).toContain('#EXT-X-TARGETDURATION:1\n');
    expect(text).toContain('#EXT-X-MAP:URI="init.mp4"\n');
    expect(text.trimEnd().endsWith('10.m4s\n#EXT-X-ENDLIST')).toBe(true);
  });

  const plan: RunnerPlan = {
    input: '/lib/Movie; rm -rf ~.mkv', dir: '/data/cache/transcode/s/hls', seq: 2, starts: segmentStarts(60, true), durationSec: 60, start: 12, end: 16,
    video: 'transcode', audio: 'transcode', audioOrder: 1, burnSubtitleOrder: null, videoCodec: 'hevc', audioChannels: 2, fast: true,
  };

  it('restarts at a segment with input seeking, its number and its absolute time', () => {
    const args = ffmpegArgs(plan);
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect(after('-protocol_whitelist')).toBe('file,pipe');
    expect(args.indexOf('-ss')).toBeLessThan(args.indexOf('-i'));
    expect(after('-ss')).toBe('12.000');
    expect(after('-i')).toBe('file:/lib/Movie; rm -rf ~.mkv');
    expect(after('-t')).toBe('4.000');
    expect(after('-start_number')).toBe('12');
    expect(after('-output_ts_offset')).toBe('12.000');
    expect(after('-force_key_frames')).toBe('1.000,2.000,3.000');
    expect(args).toContain('0:a:1');
    expect(after('-ac')).toBe('2');
    expect(after('-x264-params')).toMatch(/^keyint=infinite:scenecut=0:me=dia/);
    expect(after('-hls_fmp4_init_filename')).toBe('init-2.mp4');
  });

  it('copies streams for a remux, tagging HEVC for fMP4, and burns image subtitles with an overlay', () => {
    const remux = ffmpegArgs({ ...plan, video: 'copy', audio: 'copy', videoCodec: 'hevc', fast: false, audioChannels: null });
    expect(remux.join(' ')).toContain('-c:v copy -tag:v hvc1');
    expect(remux.join(' ')).toContain('-c:a copy');
    expect(remux[remux.indexOf('-hls_time') + 1]).toBe('4');
    const burn = ffmpegArgs({ ...plan, burnSubtitleOrder: 0 });
    expect(burn[burn.indexOf('-filter_complex') + 1]).toMatch(/^\[0:v:0\]\[0:s:0\]overlay,scale=/);
    expect(burn[burn.indexOf('-filter_complex') + 3]).toBe('[v]');
  });

  it('restarts anywhere with exactly the boundaries the playlist promised', () => {
    const starts = segmentStarts(95.3, true);
    const playlist = playlistText(starts, 95.3);
    const promised = playlist.split('\n').filter((l) => l.startsWith('#EXTINF')).map((l) => Number(l.slice(8, -1)));
    for (const [start, end] of [[0, 4], [57, 61], [93, 96], [94, 96]] as const) {
      const args = ffmpegArgs({ ...plan, starts, durationSec: 95.3, start, end, fast: start > 0 });
      const after = (flag: string) => args[args.indexOf(flag) + 1];
      const from = args.includes('-ss') ? Number(after('-ss')) : 0;
      expect(from).toBe(starts[start]);
      // Keyframes (so cuts) at each later boundary of the run, counted from its start …
      const cuts = after('-force_key_frames')!.split(',').map(Number).filter((t) => t > 0).map((t) => from + t);
      // … and it stops at the next runner's first boundary (or runs to the end of the file).
      const stop = args.includes('-t') ? from + Number(after('-t')) : 95.3;
      const edges = [from, ...cuts, stop];
      const lengths = edges.slice(1).map((t, i) => Number((t - edges[i]!).toFixed(6)));
      expect(lengths).toEqual(promised.slice(start, end));
      expect(after('-start_number')).toBe(String(start));
    }
  });
});
