import type { Settings } from '../contract/index.js';
import type { PlaybackService } from '../playback/index.js';
import type { SettingsStore } from '../settings/index.js';
import type { TelemetryService } from '../telemetry/index.js';
import type { CallsOf } from './calls.js';
import type { EventHub } from './event-hub.js';

/**
 * Settings, read and saved through the host's store (electron-store in the desktop app, the file store
 * elsewhere). Every window hears the result; `applied` puts a change into effect in the running services.
 */
export function settingsCalls(settings: SettingsStore, events: EventHub, applied: (next: Settings, before: Settings) => void = () => undefined): CallsOf<'settings'> {
  return {
    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => {
      const before = settings.get();
      const next = settings.update(patch);
      applied(next, before);
      events.emit('onDidChangeSettings', next);
      return next;
    },
  };
}

/** The telemetry review window a setting asks for, in the milliseconds the queue keeps. */
export const reviewWindowMs = (settings: Settings): number => Math.round(settings.telemetryReviewHours * 3_600_000);

/** The running services whose behaviour a setting changes without a restart. */
export interface SettingsTargets {
  telemetry: Pick<TelemetryService, 'setReviewWindow'>;
  playback: Pick<PlaybackService, 'setTranscodeQuality'>;
}

/**
 * Puts changed settings into effect: the review window of events recorded from now on, and the size of
 * transcodes opened from now on (queued events and playing streams keep theirs). Start-up passes the same
 * settings to the services as they open.
 */
export function applySettings(targets: SettingsTargets): (next: Settings, before: Settings) => void {
  return (next, before) => {
    if (next.telemetryReviewHours !== before.telemetryReviewHours) targets.telemetry.setReviewWindow(reviewWindowMs(next));
    if (next.transcodeQuality !== before.transcodeQuality) targets.playback.setTranscodeQuality(next.transcodeQuality);
  };
}
