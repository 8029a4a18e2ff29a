import { describe, expect, it } from 'vitest';
import { ffmpegArgs, playlistText, segmentStarts, type RunnerPlan } from './hls-plan.js';

describe('the HLS plan', () => {
  it('starts with short segments when video is re-encoded, uniform ones when it is copied', () => {
    expect(segmentStarts(20, true)).toEqual([0, 1, 2, 4, 8, 12, 16]);
    expect(segmentStarts(20, false)).toEqual([0, 4, 8, 12, 16]);
    expect(segmentStarts(0.5, true)).toEqual([0]);
  });

  it('writes the whole VOD playlist up front, ending on the real duration', () => {
    const text = playlistText(segmentStarts(10.5, true), 10.5);
    expect(text.split('\n').filter((l) => l.startsWith('#EXTINF'))).toEqual(['#EXTINF:1.000000,', '#EXTINF:1.000000,', '#EXTINF:2.000000,', '#EXTINF:4.000000,', '#EXTINF:2.500000,']);
    expect(text).toContain('#EXT-X-MAP:URI="init.mp4"\n');
    expect(text.trimEnd().endsWith('4.m4s\n#EXT-X-ENDLIST')).toBe(true);
  });

  const plan: RunnerPlan = {
    input: '/lib/Movie; rm -rf ~.mkv', dir: '/data/cache/transcode/s/hls', seq: 2, starts: segmentStarts(60, true), durationSec: 60, start: 5, end: 8,
    video: 'transcode', audio: 'transcode', audioOrder: 1, burnSubtitleOrder: null, videoCodec: 'hevc', audioChannels: 2, fast: true,
  };

  it('restarts at a segment with input seeking, its number and its absolute time', () => {
    const args = ffmpegArgs(plan);
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect(after('-protocol_whitelist')).toBe('file,pipe');
    expect(args.indexOf('-ss')).toBeLessThan(args.indexOf('-i'));
    expect(after('-ss')).toBe('12.000');
    expect(after('-i')).toBe('file:/lib/Movie; rm -rf ~.mkv');
    expect(after('-t')).toBe('12.000');
    expect(after('-start_number')).toBe('5');
    expect(after('-output_ts_offset')).toBe('12.000');
    expect(after('-force_key_frames')).toBe('4.000,8.000');
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
});
