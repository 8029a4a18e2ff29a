import fs from 'node:fs';
import type { OpenPlayback, PlaybackSource, PlayDecision, TranscodeQuality, TranscodeStatus } from '../contract/index.js';
import type { RecordTelemetry } from '../event-catalog/index.js';
import type { PlayableFile, ResolveItem } from './media.js';
import { maxHeightOf } from './hls-plan.js';
import { openSession, type PlaybackUrls, type Session } from './open-session.js';
import { playbackTelemetry, type PlaybackError } from './playback-telemetry.js';
import { SessionRegistry } from './session-registry.js';
import { SESSION_ENDED, type StreamFile } from './stream-file.js';
import type { Tools } from './tools.js';

export interface PlaybackOptions {
  resolve: ResolveItem;
  record: RecordTelemetry;
  urls: PlaybackUrls;
  /** `<dataDir>/cache/transcode`: emptied on start, one folder per session. */
  cacheDir: string;
  tools: Tools;
  /** Pushes a transcode session's status to the renderer. */
  emit: (status: TranscodeStatus) => void;
  /** HLS sessions at once; opening one more stops the oldest. */
  maxTranscodes?: number;
  /** ffmpeg is stopped after this long without a request (the session can restart it). */
  idleMs?: number;
  /** A session nobody asked anything of for this long is ended and its files deleted. */
  expireMs?: number;
  /** A segment request waits at most this long for the encoder. */
  waitLimitMs?: number;
  /** Settings' transcode quality at start; `setTranscodeQuality` changes it. Default `original`. */
  transcodeQuality?: TranscodeQuality;
}

export interface PlaybackService {
  open(input: OpenPlayback): Promise<PlaybackSource>;
  status(sessionId: string): TranscodeStatus;
  stop(sessionId: string): Promise<void>;
  reportStarted(sessionId: string): void;
  reportFailed(sessionId: string, error: PlaybackError): void;
  /** What a live session plays and how, for the composition root's resume and history bookkeeping. */
  info(sessionId: string): { itemId: string; kind: PlayableFile['kind']; mode: PlayDecision } | null;
  /** `index.m3u8`, `init.mp4` or `<n>.m4s` of an HLS session. */
  hls(sessionId: string, file: string): Promise<StreamFile>;
  /** `<n>.vtt`: subtitle track `n` of a session as WebVTT. */
  subtitle(sessionId: string, file: string): Promise<StreamFile>;
  /** The tallest picture transcodes opened from now on make; a stream playing keeps its size. */
  setTranscodeQuality(quality: TranscodeQuality): void;
  /** Number of sessions with a live transcode (tests). */
  readonly transcodes: number;
  close(): Promise<void>;
}

/**
 * Playback sessions: opening one (open-session.ts), the registry that bounds and times them out
 * (session-registry.ts), the files they serve, and the telemetry of how playback went (playback-telemetry.ts).
 */
export function openPlayback(o: PlaybackOptions): PlaybackService {
  // Segments of a previous run are never reused: ids are random and the files are only a cache.
  fs.rmSync(o.cacheDir, { recursive: true, force: true });
  fs.mkdirSync(o.cacheDir, { recursive: true });
  const telemetry = playbackTelemetry(o.record);
  const registry = new SessionRegistry<Session>({
    clock: o.tools.clock,
    maxTranscodes: o.maxTranscodes ?? 2,
    idleMs: o.idleMs ?? 120_000,
    expireMs: o.expireMs ?? 3_600_000,
    emit: o.emit,
    onEnd: (s) => telemetry.ended(s.hls?.averageSpeed() ?? null),
  });
  let quality = o.transcodeQuality ?? 'original';
  const maxHeight = () => maxHeightOf(quality);
  const context = { resolve: o.resolve, tools: o.tools, urls: o.urls, cacheDir: o.cacheDir, waitLimitMs: o.waitLimitMs ?? 30_000, registry, maxHeight };

  return {
    open: (input) => openSession(context, input),
    status: (sessionId) => registry.status(registry.get(sessionId)),

    async stop(sessionId) {
      const s = registry.find(sessionId);
      if (s) await registry.end(s);
    },

    reportStarted(sessionId) {
      const s = registry.get(sessionId);
      if (s.started) return;
      s.started = true;
      telemetry.started(s.item, s.mode);
    },

    reportFailed(sessionId, error) {
      registry.get(sessionId);
      telemetry.failed(error);
    },

    info(sessionId) {
      const s = registry.find(sessionId);
      return s ? { itemId: s.item.id, kind: s.item.kind, mode: s.mode } : null;
    },

    async hls(sessionId, file) {
      const s = registry.find(sessionId);
      if (!s?.hls) return SESSION_ENDED;
      registry.touch(s);
      return s.hls.file(file);
    },

    async subtitle(sessionId, file) {
      const s = registry.find(sessionId);
      const converted = s?.subtitles.file(file);
      if (!s || !converted) return { status: 404, message: 'No such subtitle track.' };
      registry.touch(s);
      return converted;
    },

    setTranscodeQuality(next) {
      quality = next;
    },

    get transcodes() {
      return registry.transcodes;
    },

    close: () => registry.endAll(),
  };
}
