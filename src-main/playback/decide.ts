import {
  ContainerName,
  type AudioCodecName,
  type VideoCodecName,
  type Capabilities,
  type PlayDecision,
  type StreamAction,
} from '../contract/index.js';

/** How a picture-subtitle format is named to the user. */
export const IMAGE_FORMAT_NAME: Partial<Record<string, string>> = { pgs: 'PGS', vobsub: 'VobSub', dvb: 'DVB' };

/** What the decision needs to know about the streams that will play. */
export interface DecisionInput {
  /** The library's container name (`mp4`, `matroska`, `webm`, `avi`, `mp3`…). */
  container: string | null;
  /** ffprobe codec name of the video stream, or null for audio-only items. */
  videoCodec: string | null;
  /** ffprobe codec name of the chosen audio stream, or null for a silent video. */
  audioCodec: string | null;
  audioChannels: number | null;
  /** The chosen audio stream is not the one the browser would pick itself (the file's default). */
  audioNotDefault: boolean;
  /** An image subtitle format to burn into the picture, or null. */
  burnSubtitle: string | null;
  /** How many files the movie is split over: more than one is never direct play (see input.ts). */
  parts?: number;
}

export interface Decision {
  mode: PlayDecision;
  video: StreamAction;
  audio: StreamAction;
  /** Downmix to `maxAudioChannels` while transcoding audio. */
  downmix: boolean;
  /** The reason, in words, for the info panel. */
  reason: string;
}

/** Codecs ffmpeg can copy into fragmented MP4 for hls.js. Anything else is re-encoded. */
const FMP4_VIDEO: ReadonlySet<string> = new Set<VideoCodecName>(['h264', 'hevc', 'av1', 'vp9']);
const FMP4_AUDIO: ReadonlySet<string> = new Set<AudioCodecName>(['aac', 'opus', 'flac', 'ac3', 'eac3']);

const CODEC_LABEL: Record<string, string> = {
  h264: 'H.264',
  hevc: 'HEVC',
  av1: 'AV1',
  vp9: 'VP9',
  vp8: 'VP8',
  mpeg4: 'MPEG-4 Part 2',
  mpeg2video: 'MPEG-2',
  aac: 'AAC',
  mp3: 'MP3',
  flac: 'FLAC',
  opus: 'Opus',
  vorbis: 'Vorbis',
  ac3: 'AC-3',
  eac3: 'E-AC-3',
  dts: 'DTS',
  truehd: 'TrueHD',
};
const CONTAINER_LABEL: Record<string, string> = { mp4: 'MP4', mov: 'QuickTime', matroska: 'MKV', webm: 'WebM', avi: 'AVI', mpegts: 'MPEG-TS', ogg: 'Ogg', mp3: 'MP3', flac: 'FLAC' };

export function codecLabel(codec: string): string {
  return CODEC_LABEL[codec] ?? (codec.startsWith('pcm_') ? 'PCM' : codec.toUpperCase());
}

function containerLabel(container: string | null): string {
  return container ? (CONTAINER_LABEL[container] ?? container.toUpperCase()) : 'this';
}

function asContainer(container: string | null): ContainerName | null {
  const parsed = ContainerName.safeParse(container);
  return parsed.success ? parsed.data : null;
}

function inList(list: readonly string[] | undefined, codec: string): boolean {
  return !!list && list.includes(codec);
}

/**
 * Direct play, remux or transcode for one item, from what this browser really plays. Pure.
 *
 * Direct: the container opens in `<video>` and both codecs play there. Remux: the codecs play through MSE
 * but the container does not (or another audio track is wanted): streams are copied into fMP4 HLS.
 * Transcode: a stream the browser cannot decode becomes H.264 or AAC; the other is copied when it can be.
 */
export function decide(input: DecisionInput, caps: Capabilities): Decision {
  const { videoCodec: v, audioCodec: a } = input;
  const container = asContainer(input.container);
  const direct = container ? caps.direct[container] : undefined;
  const videoDirect = v === null || inList(direct?.video, v);
  const audioDirect = a === null || inList(direct?.audio, a);
  const downmix = a !== null && input.audioChannels !== null && input.audioChannels > caps.maxAudioChannels;

  const parts = input.parts ?? 1;
  if (direct && videoDirect && audioDirect && !input.audioNotDefault && !input.burnSubtitle && parts === 1) {
    const what = [v, a].filter((c): c is string => c !== null).map(codecLabel).join(' and ');
    return { mode: 'direct', video: v ? 'copy' : 'none', audio: a ? 'copy' : 'none', downmix: false, reason: `Direct play: ${what} in ${containerLabel(input.container)} play natively in this browser; nothing is converted.` };
  }

  const videoCopyable = v !== null && FMP4_VIDEO.has(v) && inList(caps.mse.video, v);
  const audioCopyable = a !== null && FMP4_AUDIO.has(a) && inList(caps.mse.audio, a) && !downmix;
  const video: StreamAction = v === null ? 'none' : videoCopyable && !input.burnSubtitle ? 'copy' : 'transcode';
  const audio: StreamAction = a === null ? 'none' : audioCopyable ? 'copy' : 'transcode';

  const why: string[] = [];
  if (input.burnSubtitle) why.push(`${IMAGE_FORMAT_NAME[input.burnSubtitle] ?? 'Picture'} subtitles are pictures and must be burned in`);
  else if (v !== null && video === 'transcode') why.push(`${codecLabel(v)} video is not supported by this browser`);
  if (a !== null && audio === 'transcode') {
    const playable = inList(caps.mse.audio, a) || Object.values(caps.direct).some((d) => inList(d?.audio, a));
    const codecOk = FMP4_AUDIO.has(a) && inList(caps.mse.audio, a);
    why.push(
      codecOk
        ? `${input.audioChannels ?? ''}-channel audio is more than this device plays`
        : playable
          ? `${codecLabel(a)} audio cannot be copied into the stream`
          : `${codecLabel(a)} audio is not supported by this browser`,
    );
  }

  if (video !== 'transcode' && audio !== 'transcode') {
    const what = [v, a].filter((c): c is string => c !== null).map(codecLabel).join(' and ');
    if (parts > 1) {
      return { mode: 'remux', video, audio, downmix: false, reason: `Movie in ${parts} parts → joined into one stream, copying ${what} into HLS; nothing is re-encoded.` };
    }
    const cause = input.audioNotDefault && direct && videoDirect && audioDirect
      ? 'the chosen audio track is not the file’s default, which a browser cannot switch to by itself'
      : `this browser cannot open ${containerLabel(input.container)} files`;
    return { mode: 'remux', video, audio, downmix: false, reason: `Remux: ${cause} → copying ${what} into HLS; nothing is re-encoded.` };
  }

  // Important: ffmpeg 5.1 writes a wrong start time into the first fMP4 fragment of copied audio next to
  // re-encoded video after a seek (-ss), so hls.js would place that audio seconds away. AAC encoding costs
  // ~1 % of the video's CPU, so audio is re-encoded whenever video is.
  if (video === 'transcode' && audio === 'copy') {
    return { mode: 'transcode', video, audio: 'transcode', downmix, reason: `${capitalize(why.join(' and '))} → transcoding video to H.264; the ${codecLabel(a ?? '')} audio is re-encoded with it so both stay in step after seeks.` };
  }
  const actions = [
    v !== null ? (video === 'transcode' ? 'transcoding video to H.264' : 'copying video') : null,
    a !== null ? (audio === 'transcode' ? `transcoding audio to AAC${downmix ? ` (${caps.maxAudioChannels} channels)` : ''}` : 'copying audio') : null,
  ].filter((s): s is string => s !== null);
  const cause = why.length ? why.join(' and ') : `this browser cannot open ${containerLabel(input.container)} files`;
  return { mode: 'transcode', video, audio, downmix, reason: `${capitalize(cause)} → ${actions.join(', ')}.` };
}

/**
 * The decision when copied video cannot be cut where the playlist says (keyframes.ts found no usable seek
 * index): the video is re-encoded instead, and its audio with it, as in `decide`.
 */
export function withVideoTranscoded(d: Decision, videoCodec: string | null, why: string): Decision {
  const audio: StreamAction = d.audio === 'none' ? 'none' : 'transcode';
  const withAudio = audio === 'transcode' ? ', with the audio re-encoded so both stay in step after seeks' : '';
  return {
    mode: 'transcode',
    video: 'transcode',
    audio,
    downmix: d.downmix,
    reason: `${capitalize(why)}, so its ${codecLabel(videoCodec ?? 'unknown')} video cannot be copied into exact segments → transcoding video to H.264${withAudio}.`,
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
