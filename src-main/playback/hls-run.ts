import type { OpenPlayback } from '../contract/index.js';
import { decide, type Decision } from './decide.js';
import type { HlsSessionOptions } from './hls-session.js';
import type { PlayableFile } from './media.js';

/** What decides an HLS stream's ffmpeg runs; two opens with equal runs produce the same segments. */
export type HlsRun = Pick<HlsSessionOptions, 'durationSec' | 'video' | 'audio' | 'audioOrder' | 'burnSubtitleOrder' | 'videoCodec' | 'audioChannels' | 'startSec' | 'remuxStarts'>;

/** The streams a run reads from the source, by their position among the file's streams of their kind. */
export interface RunSource {
  durationSec: number;
  videoCodec: string | null;
  audioOrder: number | null;
  burnSubtitleOrder: number | null;
}

/** Where playback of something `durationSec` long starts when the request asks for `requested`: never in its last second. */
export function startAt(requested: number | undefined, durationSec: number): number {
  return Math.min(requested ?? 0, Math.max(0, durationSec - 1));
}

/** The run that plays `decision` of `source` from where the request asks. */
export function runFor(decision: Decision, source: RunSource, request: OpenPlayback, remuxStarts: readonly number[] | null): HlsRun {
  return {
    durationSec: source.durationSec,
    video: decision.video,
    audio: decision.audio,
    audioOrder: source.audioOrder,
    burnSubtitleOrder: source.burnSubtitleOrder,
    videoCodec: source.videoCodec,
    audioChannels: decision.downmix ? request.capabilities.maxAudioChannels : null,
    startSec: startAt(request.startSec, source.durationSec),
    remuxStarts,
  };
}

/**
 * The stream an open will most likely need, from the library's facts alone (length, container, codecs of
 * the default streams), so that ffmpeg can start while ffprobe still reads the file. Null when a fact is
 * missing or the request names a track; the probe's answer is checked against it either way (`sameRun`).
 * Copied video still needs its keyframe plan (`remuxStarts`), which the caller fills in.
 */
export function likelyRun(item: PlayableFile, request: OpenPlayback): HlsRun | null {
  const durationSec = item.durationSec;
  if (!durationSec || !(durationSec > 0) || !item.videoCodec || !item.container) return null;
  if (request.audioTrack !== undefined || request.burnSubtitle !== undefined) return null;
  const facts = { container: item.container, videoCodec: item.videoCodec, audioCodec: item.audioCodec, audioChannels: null, audioNotDefault: false, burnSubtitle: null, parts: item.parts?.length ?? 1 };
  const decision = decide(facts, request.capabilities);
  if (decision.mode === 'direct') return null;
  // The file's first audio stream: the usual default. A file whose default is another one is restarted.
  return runFor(decision, { durationSec, videoCodec: item.videoCodec, audioOrder: item.audioCodec ? 0 : null, burnSubtitleOrder: null }, request, null);
}

/** `remuxStarts` compare by identity: both runs of one open take them from the same `remuxPlanner`. */
export function sameRun(a: HlsRun, b: HlsRun): boolean {
  return (Object.keys(b) as (keyof HlsRun)[]).every((k) => a[k] === b[k]);
}
