export { mediaResponse, realFile, type MediaResponse, type PlayableFile, type ResolveItem } from './media.js';
export { openPlayback, SESSION_ID, type PlaybackService, type PlaybackError, type PlaybackUrls, type StreamFile } from './sessions.js';
export { planRange, parseRange, etagOf, MAX_RANGE_PARTS, type ConditionalHeaders } from './range.js';
export { decide, type Decision, type DecisionInput } from './decide.js';
export type { Spawn, Tools } from './tools.js';
