export { mediaResponse, type MediaResponse, type PlayableFile, type ResolveItem } from './media.js';
export { openPlayback, type PlaybackService } from './sessions.js';
export type { PlaybackUrls } from './open-session.js';
export type { PlaybackError } from './playback-telemetry.js';
export type { StreamFile } from './stream-file.js';
export type { ConditionalHeaders } from './range.js';
export type { Spawn, Tools } from './tools.js';
