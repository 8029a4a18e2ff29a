import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../contract/index.js';
import { decide, type DecisionInput } from './decide.js';

/** What Debian's Chromium reports: no HEVC anywhere, no AC-3, Matroska not openable as a file. */
const chromium: Capabilities = {
  direct: {
    mp4: { video: ['h264', 'av1', 'vp9'], audio: ['aac', 'mp3', 'flac', 'opus'] },
    webm: { video: ['vp9', 'vp8', 'av1'], audio: ['opus', 'vorbis'] },
    mp3: { video: [], audio: ['mp3'] },
    flac: { video: [], audio: ['flac'] },
    ogg: { video: [], audio: ['opus', 'vorbis', 'flac'] },
  },
  mse: { video: ['h264', 'av1', 'vp9', 'vp8'], audio: ['aac', 'mp3', 'flac', 'opus'] },
  maxAudioChannels: 2,
};
/** A browser with HEVC (Safari, Edge on Windows with the extension). */
const withHevc: Capabilities = {
  ...chromium,
  direct: { ...chromium.direct, mp4: { video: ['h264', 'hevc'], audio: ['aac', 'ac3', 'eac3'] } },
  mse: { video: ['h264', 'hevc'], audio: ['aac', 'ac3', 'eac3'] },
  maxAudioChannels: 6,
};

const base: DecisionInput = { container: 'mp4', videoCodec: 'h264', audioCodec: 'aac', audioChannels: 2, audioNotDefault: false, burnSubtitle: null };

describe('the direct play decision', () => {
  it.each<[string, Partial<DecisionInput>, Capabilities, string, string, string, RegExp]>([
    ['H.264/AAC MP4', {}, chromium, 'direct', 'copy', 'copy', /^Direct play: H\.264 and AAC in MP4 play natively/],
    ['VP9/Opus WebM', { container: 'webm', videoCodec: 'vp9', audioCodec: 'opus' }, chromium, 'direct', 'copy', 'copy', /VP9 and Opus in WebM/],
    ['an MP3 track', { container: 'mp3', videoCodec: null, audioCodec: 'mp3' }, chromium, 'direct', 'none', 'copy', /MP3 in MP3/],
    ['FLAC track', { container: 'flac', videoCodec: null, audioCodec: 'flac' }, chromium, 'direct', 'none', 'copy', /FLAC/],
    ['H.264/AAC in MKV', { container: 'matroska' }, chromium, 'remux', 'copy', 'copy', /^Remux: this browser cannot open MKV files → copying H\.264 and AAC into HLS/],
    ['H.264/AAC in AVI', { container: 'avi' }, chromium, 'remux', 'copy', 'copy', /cannot open AVI files/],
    ['HEVC/AAC MKV', { container: 'matroska', videoCodec: 'hevc' }, chromium, 'transcode', 'transcode', 'transcode', /^HEVC video is not supported by this browser → transcoding video to H\.264; the AAC audio is re-encoded with it so both stay in step after seeks\.$/],
    ['HEVC/AAC MP4', { videoCodec: 'hevc' }, chromium, 'transcode', 'transcode', 'transcode', /^HEVC video is not supported/],
    ['HEVC/AAC MKV where HEVC plays', { container: 'matroska', videoCodec: 'hevc' }, withHevc, 'remux', 'copy', 'copy', /cannot open MKV/],
    ['HEVC/AAC MP4 where HEVC plays', { videoCodec: 'hevc' }, withHevc, 'direct', 'copy', 'copy', /HEVC and AAC in MP4/],
    ['H.264/AC-3 MKV', { container: 'matroska', audioCodec: 'ac3', audioChannels: 6 }, chromium, 'transcode', 'copy', 'transcode', /^AC-3 audio is not supported by this browser → copying video, transcoding audio to AAC \(2 channels\)\.$/],
    ['HEVC/DTS MKV', { container: 'matroska', videoCodec: 'hevc', audioCodec: 'dts', audioChannels: 6 }, chromium, 'transcode', 'transcode', 'transcode', /^HEVC video is not supported by this browser and DTS audio is not supported by this browser → transcoding video to H\.264, transcoding audio to AAC/],
    ['MPEG-4 Part 2 AVI with MP3', { container: 'avi', videoCodec: 'mpeg4', audioCodec: 'mp3' }, chromium, 'transcode', 'transcode', 'transcode', /MPEG-4 Part 2 video is not supported.*MP3 audio cannot be copied into the stream/],
    ['6-channel AAC on a stereo device', { audioChannels: 6, container: 'matroska' }, chromium, 'transcode', 'copy', 'transcode', /6-channel audio is more than this device plays → copying video, transcoding audio to AAC \(2 channels\)/],
    ['a second audio track chosen in a playable MP4', { audioNotDefault: true }, chromium, 'remux', 'copy', 'copy', /chosen audio track is not the file’s default/],
    ['PGS burned into H.264', { container: 'matroska', burnSubtitle: 'pgs' }, chromium, 'transcode', 'transcode', 'transcode', /^PGS subtitles are pictures and must be burned in → transcoding video to H\.264; the AAC audio/],
    ['a silent HEVC clip', { videoCodec: 'hevc', audioCodec: null, audioChannels: null }, chromium, 'transcode', 'transcode', 'none', /→ transcoding video to H\.264\.$/],
    ['an AC-3 audio file', { container: 'ac3', videoCodec: null, audioCodec: 'ac3' }, chromium, 'transcode', 'none', 'transcode', /^AC-3 audio is not supported by this browser → transcoding audio to AAC\.$/],
    ['a browser that reports nothing', {}, { direct: {}, mse: { video: [], audio: [] }, maxAudioChannels: 2 }, 'transcode', 'transcode', 'transcode', /H\.264 video is not supported/],
  ])('%s', (_name, over, caps, mode, video, audio, reason) => {
    const d = decide({ ...base, ...over }, caps);
    expect([d.mode, d.video, d.audio]).toEqual([mode, video, audio]);
    expect(d.reason).toMatch(reason);
  });
});
