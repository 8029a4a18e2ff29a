/**
 * The library: folders, scanner, name parsing and the SQLite index. The composition root (services.ts)
 * is the only importer; playback gets `resolveItem` handed to it as a function.
 */
export { openLibrary } from './library-service.js';
export type { LibraryService } from './library-service.js';
export type { WatchedChange } from './index/watched-marks.js';
export type { ProgressChange } from './index/user-state.js';
export type { IndexChange } from './watch/apply-changes.js';
export { generateDemoLibrary } from './demo.js';
export { formatIdentification, identifyPath } from './names/identify.js';
export { artResponse } from './metadata/art-response.js';
export type { ArtResponse } from './metadata/art-response.js';
export { artworkDir } from './metadata/artwork-cache.js';
