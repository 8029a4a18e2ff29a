import fs from 'node:fs';
import { storeArt, storeArtFile } from './artwork-cache.js';
import { decodeNfo, MAX_NFO_BYTES, parseNfo } from './nfo.js';
import type { NfoInfo } from './nfo.js';
import type { SidecarPaths } from './sidecars.js';

/**
 * Reads the sidecars of one media file inside a parse worker: the `.nfo` text, and the pictures, which go
 * straight into the artwork cache. Only ids and short text cross back to the main thread, never image bytes.
 */

/** What a file's sidecars and embedded picture say; plain data (it crosses a thread boundary). */
export interface LocalMetadata {
  nfo: NfoInfo | null;
  posterArt: string | null;
  fanartArt: string | null;
  show: { nfo: NfoInfo | null; posterArt: string | null; fanartArt: string | null } | null;
}

/** What a parse request asks for besides the media file: the sidecar paths and where the cache is. */
export interface SidecarRequest {
  paths: SidecarPaths;
  artDir: string;
}

/** Reads an nfo file, size-capped before it is read; null for anything unreadable. Never throws. */
function readNfoFile(file: string | null): NfoInfo | null {
  if (file === null) return null;
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    // One byte more than the cap tells "too large" without reading a huge file.
    const buffer = Buffer.alloc(MAX_NFO_BYTES + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = fs.readSync(fd, buffer, length, buffer.length - length, length);
    const text = decodeNfo(buffer.subarray(0, length));
    return text === null ? null : parseNfo(text);
  } catch {
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Reads a file's sidecars, storing its pictures (or `embedded`, when it has no poster file) in the cache. */
export function readLocalMetadata(request: SidecarRequest, embedded: Uint8Array | null): LocalMetadata {
  const { paths, artDir } = request;
  const store = (file: string | null): string | null => (file === null ? null : storeArtFile(artDir, file));
  let posterArt = store(paths.poster);
  if (posterArt === null && embedded !== null) {
    try {
      posterArt = storeArt(artDir, embedded);
    } catch {
      posterArt = null; // a cache that cannot be written costs the picture, not the item
    }
  }
  return {
    nfo: readNfoFile(paths.nfo),
    posterArt,
    fanartArt: store(paths.fanart),
    show: paths.show ? { nfo: readNfoFile(paths.show.nfo), posterArt: store(paths.show.poster), fanartArt: store(paths.show.fanart) } : null,
  };
}
