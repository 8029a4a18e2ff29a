export { mediaResponse, type MediaResponse, type PlayableFile, type ResolveItem } from './media.js';
export { openPlayback, type PlaybackService, type PlaybackError } from './sessions.js';
export { planRange, parseRange, etagOf, MAX_RANGE_PARTS, type ConditionalHeaders } from './range.js';
