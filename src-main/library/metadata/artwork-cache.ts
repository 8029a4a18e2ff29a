import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ReadableDB, WritableDB } from '../index/db.js';
import { filesChanged } from '../index/known-files.js';

/**
 * The artwork cache: `<dataDir>/cache/artwork/<sha256>.<jpg|png|webp>`. Posters, backdrops and covers are
 * copied (local files) or extracted (embedded pictures) here once, by the parse workers, and addressed by
 * the SHA-256 of their bytes: the id says nothing about where the picture came from, identical covers of
 * an album's tracks are stored once, and a served picture can be cached forever (`immutable`).
 *
 * Deleting the folder loses no user state: what is gone is extracted again when its item is next read.
 * Thumbnails live in its `thumbs` folder, by the same ids (thumbnails.ts).
 */

export type ArtType = 'jpeg' | 'png' | 'webp';

/** Pictures larger than this are not cached (a real poster is well under 5 MB). */
const MAX_ART_BYTES = 20 * 1024 * 1024;
/** An artwork id: the lower-case hex SHA-256 of the picture. Anything else is not an id. */
export const ART_ID = /^[0-9a-f]{64}$/;

const EXTENSION: Readonly<Record<ArtType, string>> = { jpeg: 'jpg', png: 'png', webp: 'webp' };
export const ART_CONTENT_TYPE: Readonly<Record<ArtType, string>> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** Where the cache lives under a data directory. */
export function artworkDir(dataDir: string): string {
  return path.join(dataDir, 'cache', 'artwork');
}

/** The picture type from its first bytes (JPEG, PNG, WebP only), or null: the file's name is never trusted. */
function sniffArtType(head: Uint8Array): ArtType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47 && head[4] === 0x0d && head[5] === 0x0a) return 'png';
  const ascii = (from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

/**
 * Stores a picture in the cache and returns its id, or null when it is not a JPEG/PNG/WebP or is too
 * large. An existing file is never rewritten (same id, same bytes), so a rescan costs a hash, not a write.
 * Written under a temporary name and renamed, so a reader never sees half a picture.
 */
export function storeArt(dir: string, bytes: Uint8Array): string | null {
  if (bytes.length === 0 || bytes.length > MAX_ART_BYTES) return null;
  const type = sniffArtType(bytes.subarray(0, 16));
  if (!type) return null;
  const id = createHash('sha256').update(bytes).digest('hex');
  const file = path.join(dir, `${id}.${EXTENSION[type]}`);
  if (fs.existsSync(file)) return id;
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${id}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`);
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return id;
}

/** Copies a local picture file (a poster beside a video) into the cache; null when unusable. Never throws. */
export function storeArtFile(dir: string, file: string): string | null {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size === 0 || stat.size > MAX_ART_BYTES) return null;
    return storeArt(dir, fs.readFileSync(file));
  } catch {
    return null;
  }
}

/** The cached file of an id and its sniffed type, or null: an unknown or malformed id finds nothing. */
export function findArt(dir: string, id: string): { file: string; type: ArtType; size: number; mtimeMs: number } | null {
  if (!ART_ID.test(id)) return null;
  for (const type of ['jpeg', 'png', 'webp'] as const) {
    const file = path.join(dir, `${id}.${EXTENSION[type]}`);
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      continue;
    }
    try {
      const stat = fs.fstatSync(fd);
      const head = Buffer.alloc(16);
      const n = fs.readSync(fd, head, 0, 16, 0);
      // The bytes decide, not the name: a file that is not what its extension says is not served.
      if (!stat.isFile() || sniffArtType(head.subarray(0, n)) !== type) return null;
      return { file, type, size: stat.size, mtimeMs: stat.mtimeMs };
    } finally {
      fs.closeSync(fd);
    }
  }
  return null;
}

/** Every artwork id the index refers to. Keep in step with migration 004's columns. */
function referencedArt(db: ReadableDB): Set<string> {
  const rows = db
    .prepare(
      `SELECT poster_art AS id FROM items WHERE poster_art IS NOT NULL UNION SELECT fanart_art FROM items WHERE fanart_art IS NOT NULL
       UNION SELECT poster_art FROM shows WHERE poster_art IS NOT NULL UNION SELECT fanart_art FROM shows WHERE fanart_art IS NOT NULL`,
    )
    .raw(true)
    .all() as [string][];
  return new Set(rows.map((r) => r[0]));
}

const THUMBS_FOLDER = 'thumbs';

/** The folder of the cached pictures' thumbnails (thumbnails.ts): inside the cache, so it goes with it. */
export function thumbsDir(artDir: string): string {
  return path.join(artDir, THUMBS_FOLDER);
}

/**
 * Deletes the files of `dir` named after pictures not in `keep`, and leftovers of crashed writes (their
 * names start with a dot), except those `inUse` says are still being written. Returns how many it deleted.
 */
function sweepFolder(dir: string, keep: ReadonlySet<string>, inUse: (name: string) => boolean): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let deleted = 0;
  for (const name of names) {
    const id = name.slice(0, name.indexOf('.'));
    if ((ART_ID.test(id) && keep.has(id)) || inUse(name)) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
      deleted++;
    } catch {
      // Deleted by someone else, or not ours to delete: leave it.
    }
  }
  return deleted;
}

/** How many rows each query of `gridArt` reads: a short hold of the main thread each. */
const GRID_ART_PAGE = 500;

/**
 * Every picture a grid shows: the posters of movies and shows, the covers of albums (their tracks'
 * posters). Not episodes' stills: a shelf shows an episode by its show's poster. Read lazily, a page at a
 * time in rowid order (so rows written meanwhile do not upset it); a cover shared by tracks comes once
 * per track.
 */
export function* gridArt(db: ReadableDB): Generator<string> {
  const tables = [`items WHERE poster_art IS NOT NULL AND kind != 'episode'`, 'shows WHERE poster_art IS NOT NULL'];
  for (const from of tables) {
    const page = db.prepare(`SELECT rowid, poster_art FROM ${from} AND rowid > ? ORDER BY rowid LIMIT ${GRID_ART_PAGE}`).raw(true);
    let after = 0;
    for (;;) {
      const rows = page.all(after) as [number, string][];
      for (const [, id] of rows) yield id;
      if (rows.length < GRID_ART_PAGE) break;
      after = rows[rows.length - 1]![0];
    }
  }
}

/**
 * Deletes cached pictures no item or show refers to any more (removed items, replaced posters), and their
 * thumbnails. Run after a scan has written everything it read, so no picture a worker just stored is waiting
 * for its row. Returns how many files were deleted. Never throws: a cache that cannot be swept is only bigger.
 */
export function sweepArtwork(db: ReadableDB, dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  const keep = referencedArt(db);
  // A thumbnail being made in this process is renamed into place or removed by its own run.
  const ownPartial = `.${process.pid}.`;
  return sweepFolder(dir, keep, (name) => name === THUMBS_FOLDER) + sweepFolder(thumbsDir(dir), keep, (name) => name.startsWith('.') && name.includes(ownPartial));
}

/**
 * Creates the cache folder, and when it was deleted (DESIGN.md §7: caches may be, losing no user state)
 * while the index still refers to pictures, marks the items that had one as changed (mtime unknown), so
 * the next scan reads them again and extracts their pictures anew. Returns how many items were marked.
 *
 * Important: the first scan creates the folder, so afterwards "missing" means deleted; a library without
 * pictures pays one `existsSync` per scan here, not a query.
 */
export function recoverDeletedArtwork(db: WritableDB, dir: string): number {
  if (fs.existsSync(dir)) return 0;
  fs.mkdirSync(dir, { recursive: true });
  const marked = db
    .prepare(
      `UPDATE items SET mtime_ms = -1 WHERE poster_art IS NOT NULL OR fanart_art IS NOT NULL
         OR show_id IN (SELECT id FROM shows WHERE poster_art IS NOT NULL OR fanart_art IS NOT NULL)`,
    )
    .run().changes;
  // An mtime is what the remembered file lists compare: they must be reloaded to see these re-reads.
  if (marked > 0) filesChanged(db, null);
  return marked;
}
