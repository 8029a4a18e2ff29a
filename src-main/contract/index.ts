export * from './api.js';
export * from './library.js';
export * from './playback.js';
export * from './telemetry.js';
export * from './errors.js';
export * from './settings.js';
