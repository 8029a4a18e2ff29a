import type { PlayDecision } from '../contract/index.js';
import type { RecordTelemetry } from '../event-catalog/index.js';
import type { PlayableFile } from './media.js';

/** How the renderer says a playback failed (`playback.reportFailed`). */
export type PlaybackError = 'decode' | 'network' | 'unsupported' | 'aborted' | 'unknown';

/**
 * The playback events of the telemetry catalog (telemetry/catalog.ts), each field under the catalog's name.
 * They are recorded from main's own knowledge of the file: the renderer only says *that* playback started
 * or failed, never what it was.
 */
export interface PlaybackTelemetry {
  /** `playback.started`: what played and how. */
  started(item: PlayableFile, mode: PlayDecision): void;
  /** `playback.failed`: the class of failure the player saw. */
  failed(error: PlaybackError): void;
  /** A session ended; with the average speed its video was transcoded at, `playback.transcode_speed`. */
  ended(transcodeSpeed: number | null): void;
}

export function playbackTelemetry(record: RecordTelemetry): PlaybackTelemetry {
  return {
    started(item, mode) {
      record('playback.started', {
        kind: item.kind,
        // A file whose container the library could not name is 'other'; before record() was typed, such a
        // play was silently counted as an invalid event instead.
        container: item.container ?? 'other',
        videoCodec: item.videoCodec ?? 'none',
        audioCodec: item.audioCodec ?? 'none',
        resolution: item.height,
        duration: item.durationSec,
        mode,
      });
    },
    failed(errorClass) {
      record('playback.failed', { errorClass });
    },
    ended(speed) {
      if (speed !== null) record('playback.transcode_speed', { speed, hardwareClass: 'software' });
    },
  };
}
