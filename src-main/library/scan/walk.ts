import fs from 'node:fs';
import path from 'node:path';
import type { FolderKind } from '../../contract/index.js';
import { extensionOf, isIndexedExtension } from '../names/media-types.js';
import { isSidecarName, sidecarSignature } from '../metadata/sidecars.js';

export type WalkEntry =
  | { type: 'file'; relPath: string; absPath: string; ext: string; size: number; mtimeMs: number; inode: number }
  | { type: 'file-error'; relPath: string; absPath: string; ext: string; error: unknown }
  /** A folder that could not be listed: the index keeps what it knew under it rather than deleting it. */
  | { type: 'dir-error'; relPath: string; error: unknown }
  /**
   * With `sidecars`: one per folder listed, before its files. `names` are its sidecar files (nfo, pictures,
   * subtitles), `signature` changes when one of them is added, removed or rewritten (see `sidecars.ts`).
   */
  | { type: 'dir'; relPath: string; names: string[]; mediaCount: number; signature: string };

interface WalkOptions {
  /** Also yield a `dir` entry per folder with its sidecar files (the scanner's; the watcher lists on demand). */
  sidecars?: boolean;
}

/**
 * Walks a library folder (or, from `startRelDir`, one folder inside it) depth-first, synchronously, in
 * directory-listing order (unsorted: sorting costs a rescan more than it is worth), yielding the media files
 * a folder of this kind indexes. `relPath` uses `/` and is exactly the on-disk spelling (not normalized), so
 * it reopens the file.
 *
 * Skipped on purpose: dotfiles and dot-folders (system and half-written files), and every symbolic link.
 * A link that leaves the folder must not be followed (it could expose any file on the machine through a
 * library id), and a link that stays inside points at something the walk reaches anyway, so following it
 * would only add duplicates and cycles.
 */
export function* walkMediaFiles(root: string, kind: FolderKind, startRelDir = '', opts: WalkOptions = {}): Generator<WalkEntry> {
  const stack: string[] = [startRelDir];
  while (stack.length > 0) {
    const relDir = stack.pop()!;
    const absDir = relDir === '' ? root : path.join(root, ...relDir.split('/'));
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absDir, { withFileTypes: true });
    } catch (error) {
      yield { type: 'dir-error', relPath: relDir, error };
      continue;
    }
    const subdirs: string[] = [];
    // Plain concatenation: `absDir` is already normalized, and path.join per file is a tenth of a rescan.
    const prefix = absDir.endsWith(path.sep) ? absDir : absDir + path.sep;
    // Media files are collected first so the folder's `dir` entry (its sidecars) comes before them.
    const media: { name: string; ext: string }[] = [];
    const sidecars: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        subdirs.push(relDir === '' ? entry.name : `${relDir}/${entry.name}`);
        continue;
      }
      if (!entry.isFile()) continue; // symlinks, FIFOs, sockets, devices
      const ext = extensionOf(entry.name);
      if (isIndexedExtension(ext, kind)) media.push({ name: entry.name, ext });
      else if (opts.sidecars && isSidecarName(entry.name)) sidecars.push(entry.name);
    }
    if (opts.sidecars) {
      yield { type: 'dir', relPath: relDir, names: sidecars, mediaCount: media.length, signature: sidecarSignature(absDir, sidecars) };
    }
    for (const { name, ext } of media) {
      const relPath = relDir === '' ? name : `${relDir}/${name}`;
      const absPath = prefix + name;
      try {
        const stat = fs.lstatSync(absPath);
        yield { type: 'file', relPath, absPath, ext, size: stat.size, mtimeMs: stat.mtimeMs, inode: stat.ino };
      } catch (error) {
        yield { type: 'file-error', relPath, absPath, ext, error };
      }
    }
    // Reverse so the stack pops subfolders in the order they were listed.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
}

/** Whether `relPath` lies inside the folder `relDir` (both relative, `/`-separated; '' is the root). */
export function isUnder(relPath: string, relDir: string): boolean {
  return relDir === '' || relPath.startsWith(`${relDir}/`);
}
