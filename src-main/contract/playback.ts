import { z } from 'zod';
import { ItemId, ItemKind } from './library.js';

export const PlayDecision = z.enum(['direct', 'remux', 'transcode']);
export type PlayDecision = z.infer<typeof PlayDecision>;

/** Containers the renderer is asked about: the ones a library file can be handed to `<video>` in as it is. */
export const ContainerName = z.enum(['mp4', 'webm', 'matroska', 'mp3', 'flac', 'ogg']);
export type ContainerName = z.infer<typeof ContainerName>;
export const VideoCodecName = z.enum(['h264', 'hevc', 'av1', 'vp9', 'vp8']);
export type VideoCodecName = z.infer<typeof VideoCodecName>;
export const AudioCodecName = z.enum(['aac', 'mp3', 'flac', 'opus', 'vorbis', 'ac3', 'eac3']);
export type AudioCodecName = z.infer<typeof AudioCodecName>;

/**
 * What this renderer can really play, measured once per app session with `canPlayType` (a file given to
 * the element as it is) and `MediaSource.isTypeSupported` in fMP4 (what hls.js feeds). Closed enums and
 * bounded arrays: the renderer cannot smuggle anything else through it.
 */
export const Capabilities = z.strictObject({
  /** Per container: the codecs `<video>` plays from such a file. A container missing here cannot be opened. */
  direct: z.partialRecord(
    ContainerName,
    z.strictObject({ video: z.array(VideoCodecName).max(VideoCodecName.options.length), audio: z.array(AudioCodecName).max(AudioCodecName.options.length) }),
  ),
  /** Codecs Media Source Extensions play in fragmented MP4, the container of our HLS streams. */
  mse: z.strictObject({ video: z.array(VideoCodecName).max(VideoCodecName.options.length), audio: z.array(AudioCodecName).max(AudioCodecName.options.length) }),
  /** More channels than this are downmixed when audio is transcoded. */
  maxAudioChannels: z.number().int().min(1).max(8),
});
export type Capabilities = z.infer<typeof Capabilities>;

/** A BCP 47-ish language code (`en`, `fra`, `pt-BR`); the preference a user's locale gives. */
export const LanguageCode = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'not a language code');

export const OpenPlayback = z.strictObject({
  itemId: ItemId,
  capabilities: Capabilities,
  /** Preferred language for audio and forced subtitles, usually the UI locale. */
  language: LanguageCode.optional(),
  /** An audio track of the source (its `index` in `audioTracks`), to play instead of the default. */
  audioTrack: z.number().int().min(0).max(63).optional(),
  /** An image subtitle track (its `index` in `subtitles`) to burn into the picture. */
  burnSubtitle: z.number().int().min(0).max(63).optional(),
  /** Where to start, e.g. when a track change reopens the item. */
  startSec: z.number().min(0).max(1_000_000).optional(),
});
export type OpenPlayback = z.infer<typeof OpenPlayback>;

export const SubtitleTrack = z.object({
  index: z.number().int().nonnegative(),
  /** Display label: language and what the track is ("English (forced)", "Français · external SRT"). */
  label: z.string(),
  language: z.string().nullable(),
  forced: z.boolean(),
  /** Shown from the start: a forced track in the audio's language. */
  default: z.boolean(),
  origin: z.enum(['external', 'embedded']),
  format: z.enum(['srt', 'vtt', 'ass', 'mov_text', 'pgs', 'vobsub', 'dvb', 'other']),
  /** WebVTT for `<track>`; null for image subtitles, which can only be burned in. */
  url: z.string().nullable(),
  /** True when this image track is burned into the current stream. */
  burned: z.boolean(),
});
export type SubtitleTrack = z.infer<typeof SubtitleTrack>;

export const AudioTrack = z.object({
  index: z.number().int().nonnegative(),
  label: z.string(),
  language: z.string().nullable(),
  codec: z.string(),
  channels: z.number().int().nullable(),
  selected: z.boolean(),
});
export type AudioTrack = z.infer<typeof AudioTrack>;

export const Chapter = z.object({ title: z.string(), startSec: z.number().nonnegative() });
export type Chapter = z.infer<typeof Chapter>;

export const StreamAction = z.enum(['copy', 'transcode', 'none']);
export type StreamAction = z.infer<typeof StreamAction>;

export const PlaybackSource = z.object({
  sessionId: z.string().uuid(),
  itemId: ItemId,
  kind: ItemKind,
  title: z.string(),
  /** Opaque URL for this host: the file by id (`/media/<id>`, `media://item/<id>`) or an HLS playlist by session. */
  url: z.string(),
  /** The file's type, or `application/vnd.apple.mpegurl` for an HLS stream. */
  mime: z.string(),
  decision: PlayDecision,
  /** Why this decision, in words, for the player's info panel. */
  reason: z.string(),
  video: StreamAction,
  audio: StreamAction,
  durationSec: z.number().nullable(),
  /** Where the stream starts (a reopen after a track change); the player seeks here. */
  startSec: z.number().nonnegative(),
  subtitles: z.array(SubtitleTrack),
  audioTracks: z.array(AudioTrack),
  chapters: z.array(Chapter),
});
export type PlaybackSource = z.infer<typeof PlaybackSource>;

export const TranscodeState = z.enum(['direct', 'starting', 'running', 'throttled', 'done', 'failed', 'stopped']);
export type TranscodeState = z.infer<typeof TranscodeState>;

/** A session's transcoder as the info panel shows it; also pushed as `onDidChangeTranscode`. */
export const TranscodeStatus = z.object({
  sessionId: z.string().uuid(),
  state: TranscodeState,
  /** Multiple of real time ffmpeg reports; null before its first report and for direct play. */
  speed: z.number().nonnegative().nullable(),
  /** What went wrong, in words, when `state` is `failed`. */
  message: z.string().nullable(),
});
export type TranscodeStatus = z.infer<typeof TranscodeStatus>;
