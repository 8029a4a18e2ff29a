import type { AudioCodecName, Capabilities, ContainerName, VideoCodecName } from '../../../api';

const CONTAINER_MIME: Record<ContainerName, string> = {
  mp4: 'video/mp4',
  webm: 'video/webm',
  matroska: 'video/x-matroska',
  mp3: 'audio/mpeg',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
};
const VIDEO_CODEC: Record<VideoCodecName, string> = {
  h264: 'avc1.640028',
  hevc: 'hvc1.1.6.L120.90',
  av1: 'av01.0.08M.08',
  vp9: 'vp09.00.40.08',
  vp8: 'vp8',
};
const AUDIO_CODEC: Record<AudioCodecName, string> = {
  aac: 'mp4a.40.2',
  mp3: 'mp3',
  flac: 'flac',
  opus: 'opus',
  vorbis: 'vorbis',
  ac3: 'ac-3',
  eac3: 'ec-3',
};
/** In MP4 some codecs have other names (RFC 6381). */
const MP4_AUDIO: Partial<Record<AudioCodecName, string>> = { mp3: 'mp4a.6B', flac: 'fLaC', opus: 'Opus' };
const VIDEO_CODECS = Object.keys(VIDEO_CODEC) as VideoCodecName[];
const AUDIO_CODECS = Object.keys(AUDIO_CODEC) as AudioCodecName[];

let cached: Capabilities | null = null;

/**
 * What this browser really plays, measured once per app session: `canPlayType` for a file handed to the
 * element, `MediaSource.isTypeSupported` in fMP4 for what hls.js feeds it. Main decides from this.
 */
function detectCapabilities(): Capabilities {
  if (cached) return cached;
  const probe = document.createElement('video');
  const can = (type: string) => {
    try {
      return probe.canPlayType(type) !== '';
    } catch {
      return false;
    }
  };
  const MS = (globalThis as { MediaSource?: { isTypeSupported(t: string): boolean } }).MediaSource;
  const mse = (type: string) => {
    try {
      return !!MS && MS.isTypeSupported(type);
    } catch {
      return false;
    }
  };
  const direct: Capabilities['direct'] = {};
  for (const container of Object.keys(CONTAINER_MIME) as ContainerName[]) {
    const mime = CONTAINER_MIME[container];
    const audioCodec = (c: AudioCodecName) => (container === 'mp4' ? (MP4_AUDIO[c] ?? AUDIO_CODEC[c]) : AUDIO_CODEC[c]);
    if (mime.startsWith('audio/')) {
      const single: Record<string, AudioCodecName[]> = { mp3: ['mp3'], flac: ['flac'], ogg: ['vorbis', 'opus', 'flac'] };
      const audio = (single[container] ?? []).filter((c) => can(container === 'ogg' ? `${mime}; codecs="${AUDIO_CODEC[c]}"` : mime));
      if (audio.length) direct[container] = { video: [], audio };
      continue;
    }
    const video = VIDEO_CODECS.filter((c) => can(`${mime}; codecs="${VIDEO_CODEC[c]}"`));
    const audio = AUDIO_CODECS.filter((c) => can(`${mime}; codecs="${audioCodec(c)}"`));
    if (video.length || audio.length) direct[container] = { video, audio };
  }
  cached = {
    direct,
    mse: {
      video: VIDEO_CODECS.filter((c) => mse(`video/mp4; codecs="${VIDEO_CODEC[c]}"`)),
      audio: AUDIO_CODECS.filter((c) => mse(`audio/mp4; codecs="${MP4_AUDIO[c] ?? AUDIO_CODEC[c]}"`)),
    },
    // Browsers downmix what they cannot output themselves; stereo is the safe floor, 5.1 what most play.
    maxAudioChannels: 6,
  };
  return cached;
}

/** The user's language for audio and forced subtitles, as the contract accepts it. */
function preferredLanguage(): string | undefined {
  const lang = typeof navigator !== 'undefined' ? navigator.language : '';
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(lang) ? lang : undefined;
}

/**
 * The `playback.open` input for an item as this browser would play it from the start. `language` is the
 * user's preferred audio language (a setting); without one, the browser's.
 */
export function openInputFor(itemId: string, preferred?: string | null): { itemId: string; capabilities: Capabilities; language?: string } {
  const language = preferred || preferredLanguage();
  return { itemId, capabilities: detectCapabilities(), ...(language ? { language } : {}) };
}
