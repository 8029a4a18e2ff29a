/**
 * The library: folders, scanner, name parsing and the SQLite index. The composition root (services.ts)
 * is the only importer; playback gets `resolveItem` handed to it as a function.
 */
export { openLibrary } from './library-service.js';
export type { LibraryService, OpenLibraryOptions, ResolvedItem, ScanOptions } from './library-service.js';
export { generateDemoLibrary } from './demo.js';
export { parseMediaName } from './names.js';
export type { ParsedName } from './names.js';
export { formatIdentification, identifyPath } from './identify.js';
export type { Identification } from './identify.js';
export { artResponse } from './art-response.js';
export type { ArtResponse } from './art-response.js';
export { artworkDir } from './artwork-cache.js';
