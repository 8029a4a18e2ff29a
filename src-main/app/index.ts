/**
 * The app layer: the handlers of each contract namespace, composed from the services. It does no I/O of
 * its own; `services.ts` builds the services and hands them here.
 */
export { appCalls, statsCalls, type AppInfo } from './app-calls.js';
export { dispatch } from './dispatch.js';
export { EventHub } from './event-hub.js';
export { Jobs } from './jobs.js';
export { libraryCalls, Scans, type LibraryCallsDeps } from './library-calls.js';
export { playbackCalls, type PlaybackCallsDeps } from './playback-calls.js';
export { privacyCalls } from './privacy-calls.js';
export { LibraryChanges } from './library-changes.js';
export { applySettings, reviewWindowMs, settingsCalls } from './settings-calls.js';
export { pushTelemetryChanges } from './telemetry-push.js';
