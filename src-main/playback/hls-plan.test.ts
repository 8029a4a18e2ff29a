import { describe, expect, it } from 'vitest';
import { headerEnd } from './fmp4-split.js';
import { ffmpegArgs, maxHeightOf, playlistText, remuxStarts, segmentStarts, type RunnerPlan } from './hls-plan.js';
import { keyframesFrom } from './keyframes.js';

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
    video: 'transcode', audio: 'transcode', audioOrder: 1, burnSubtitleOrder: null, videoCodec: 'hevc', audioChannels: 2, fast: true, maxHeight: 1080,
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
    expect(remux).not.toContain('-hls_time');
    const burn = ffmpegArgs({ ...plan, burnSubtitleOrder: 0 });
    expect(burn[burn.indexOf('-filter_complex') + 1]).toMatch(/^\[0:v:0\]\[0:s:0\]overlay,scale=/);
    expect(burn[burn.indexOf('-filter_complex') + 3]).toBe('[v]');
  });

  it('scales encoded video to the quality chosen in Settings, with even sides, never enlarging it', () => {
    const filter = (over: Partial<RunnerPlan>) => {
      const args = ffmpegArgs({ ...plan, ...over });
      return over.burnSubtitleOrder === 0 ? args[args.indexOf('-filter_complex') + 1] : args[args.indexOf('-vf') + 1];
    };
    expect(filter({ maxHeight: maxHeightOf('720p') })).toBe("scale=-2:'min(720,trunc(ih/2)*2)'");
    expect(filter({ maxHeight: maxHeightOf('480p'), burnSubtitleOrder: 0 })).toBe("[0:v:0][0:s:0]overlay,scale=-2:'min(480,trunc(ih/2)*2)'[v]");
    expect(filter({ maxHeight: maxHeightOf('original') })).toBe("scale='trunc(iw/2)*2':'trunc(ih/2)*2'");
    expect(ffmpegArgs({ ...plan, video: 'copy', audio: 'copy', maxHeight: 480 })).not.toContain('-vf');
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

  it('cuts copied video only at the keyframes found at or before each 4 s point, none shorter than 1 s', () => {
    // Keyframes 0, 2.72, 10.42, 11.14, 20.94, 23.02, 31.62; samples at 4, 8 … 36 s of a 40 s film.
    const samples = [2.72, 2.72, 11.14, 11.14, 11.14, 23.02, 23.02, 31.62, 31.62];
    expect(remuxStarts(samples, 40)).toEqual([0, 2.72, 11.14, 23.02, 31.62]);
    // Dense keyframes: 4 s segments; a keyframe too close to the one before or to the end is no cut.
    expect(remuxStarts([4, 8, 8.5, 12], 12.5)).toEqual([0, 4, 8]);
    expect(remuxStarts([0.4], 3)).toEqual([0]);
  });

  it('tells ffmpeg to cut copied video at exactly the planned keyframes, reading from one at or before the first', () => {
    const starts = [0, 2.741, 11.141, 23.021, 31.621];
    const copy: RunnerPlan = { ...plan, starts, durationSec: 40.021, video: 'copy', audio: 'copy', videoCodec: 'h264', fast: false, audioChannels: null, start: 0, end: 5 };
    const after = (args: string[], flag: string) => args[args.indexOf(flag) + 1];
    const first = ffmpegArgs(copy);
    expect(first).not.toContain('-ss');
    expect(first).not.toContain('-t');
    expect(after(first, '-f')).toBe('segment');
    expect(after(first, '-segment_times')).toBe('2.739,11.139,23.019,31.619');
    expect(after(first, '-segment_start_number')).toBe('0');
    expect(after(first, '-output_ts_offset')).toBe('0');
    expect(after(first, '-avoid_negative_ts')).toBe('disabled');
    expect(first.at(-1)).toBe('/data/cache/transcode/s/hls/raw-2-%d.mp4');

    // A restart at segment 2: a hair past its keyframe; the file before it (numbered 1) is thrown away.
    const seek = ffmpegArgs({ ...copy, start: 2, end: 4 });
    expect(after(seek, '-ss')).toBe('11.142000');
    expect(after(seek, '-output_ts_offset')).toBe('11.142000');
    expect(after(seek, '-segment_times')).toBe('11.139,23.019,31.619');
    expect(after(seek, '-segment_start_number')).toBe('1');
    expect(seek).not.toContain('-t');
    // The last segment alone: no cut but the thrown-away one.
    expect(after(ffmpegArgs({ ...copy, start: 4, end: 5 }), '-segment_times')).toBe('31.619');
    expect(after(ffmpegArgs({ ...copy, starts: [0], start: 0, end: 1 }), '-segment_times')).toBe('3640.021');
  });

  it('accepts sampled keyframes only from a container that seeks to keyframes', () => {
    const k = (pts_time: string, flags = 'K_') => ({ pts_time, flags });
    expect(keyframesFrom([4, 8, 12], [k('2.741000'), k('2.741000'), k('11.141000')], 0)).toEqual({ ok: true, keyframes: [2.741, 2.741, 11.141] });
    // On ffmpeg's timeline, which starts at the container's start time.
    expect(keyframesFrom([4], [k('2.500000')], 1.4)).toEqual({ ok: true, keyframes: [1.1] });
    // A seek point before the file's first keyframe finds that keyframe: left out.
    expect(keyframesFrom([0.5, 4], [k('0.521000'), k('2.000000')], 0)).toEqual({ ok: true, keyframes: [2] });
    const noIndex = { ok: false, why: 'the file has no usable seek index' };
    expect(keyframesFrom([4, 8], [k('4.000000', '__'), k('8.200000', '__')], 1.4)).toEqual(noIndex);
    expect(keyframesFrom([4, 8], [k('2.000000')], 0)).toEqual(noIndex);
    expect(keyframesFrom([4, 8], [k('3.000000'), k('2.000000')], 0)).toEqual(noIndex);
  });

  it('finds where the ftyp and moov of a segment file end, and refuses anything else', () => {
    const box = (type: string, body = 0) => {
      const b = Buffer.alloc(8 + body);
      b.writeUInt32BE(8 + body);
      b.write(type, 4, 'latin1');
      return b;
    };
    expect(headerEnd(Buffer.concat([box('ftyp', 20), box('moov', 100), box('moof', 10)]))).toBe(136);
    expect(() => headerEnd(Buffer.concat([box('ftyp', 20), box('moof', 10)]))).toThrow(/moov/);
    expect(() => headerEnd(Buffer.concat([box('ftyp', 20), box('moov', 100)]).subarray(0, 60))).toThrow(/moov/);
  });
});
