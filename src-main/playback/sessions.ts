import { randomUUID } from 'node:crypto';
import { AppError, type PlaybackSource } from '../contract/index.js';
import type { PlayableFile, ResolveItem } from './media.js';

export type Record = (type: string, rawFields: { [field: string]: unknown }) => void;
export type PlaybackError = 'decode' | 'network' | 'unsupported' | 'aborted' | 'unknown';

export interface PlaybackService {
  open(itemId: string): PlaybackSource;
  reportStarted(sessionId: string): void;
  reportFailed(sessionId: string, error: PlaybackError): void;
}

interface Session {
  item: PlayableFile;
  started: boolean;
}

const MAX_SESSIONS = 64;

/**
 * Playback sessions. This slice plays every item directly; the decision records why so the info panel can
 * say it. Telemetry is recorded here, from main's own knowledge of the file: the renderer only says *that*
 * playback started, never what it was.
 */
export function openPlayback(opts: { resolve: ResolveItem; record: Record; mediaUrl: (itemId: string) => string }): PlaybackService {
  const sessions = new Map<string, Session>();

  function session(sessionId: string): Session {
    const s = sessions.get(sessionId);
    if (!s) throw new AppError('not-found', 'This playback session has ended.');
    return s;
  }

  return {
    open(itemId) {
      const item = opts.resolve(itemId);
      if (!item) throw new AppError('not-found', 'This item is no longer in the library.');
      const sessionId = randomUUID();
      sessions.set(sessionId, { item, started: false });
      // Oldest sessions go first; a Map iterates in insertion order.
      while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
      return {
        sessionId,
        itemId: item.id,
        kind: item.kind,
        title: item.title,
        url: opts.mediaUrl(item.id),
        mime: item.mime,
        decision: 'direct',
        reason: `Direct play: the ${describe(item)} file is sent as it is, nothing is converted.`,
        durationSec: item.durationSec,
      };
    },
    reportStarted(sessionId) {
      const s = session(sessionId);
      if (s.started) return;
      s.started = true;
      const { item } = s;
      opts.record('playback.started', {
        kind: item.kind,
        container: item.container,
        videoCodec: item.videoCodec ?? 'none',
        audioCodec: item.audioCodec ?? 'none',
        resolution: item.height,
        duration: item.durationSec,
        mode: 'direct',
      });
    },
    reportFailed(sessionId, error) {
      session(sessionId);
      opts.record('playback.failed', { errorClass: error });
    },
  };
}

function describe(item: PlayableFile): string {
  const codecs = [item.videoCodec, item.audioCodec].filter((c): c is string => !!c).map((c) => c.toUpperCase());
  const container = item.container ? item.container.toUpperCase() : 'media';
  return codecs.length ? `${codecs.join('/')} in ${container}` : container;
}
