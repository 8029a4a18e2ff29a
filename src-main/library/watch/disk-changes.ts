import fs from 'node:fs';
import path from 'node:path';
import type { WritableDB } from '../index/db.js';
import { getFolderRow, setFolderOnline } from '../index/folder-rows.js';
import type { FolderRow } from '../index/folder-rows.js';
import { indexedUnder } from '../index/item-rows.js';
import type { IndexedFile } from '../index/item-rows.js';
import { sidecarsChangedFor } from '../metadata/sidecar-dirs.js';
import { isSidecarName } from '../metadata/sidecars.js';
import { extensionOf, isIndexedExtension } from '../names/media-types.js';
import type { FoundFile } from '../scan/read-item.js';
import { isOnline } from '../scan/scan-folder.js';
import { walkMediaFiles } from '../scan/walk.js';

/** Folder id → relative paths that changed (files or folders, added, removed or renamed). */
export type ChangeSet = Map<string, Set<string>>;

/** A media file on disk now, in its folder. */
export interface SeenFile extends FoundFile {
  folder: FolderRow;
  inode: number;
}

/** A file the index holds that is no longer on disk. */
export interface GoneFile extends IndexedFile {
  folderId: string;
}

/** What the disk says at the changed paths, against the index. */
export interface DiskChanges {
  /** Paths the index does not know: new, or the far end of a move. */
  seen: SeenFile[];
  /** Known paths whose file changed: read again in place, same id. */
  changed: SeenFile[];
  gone: GoneFile[];
  /** A folder of the batch was found offline (and marked so). */
  wentOffline: boolean;
}

/** Drops paths that lie under another changed path: walking the outer one covers them. */
function outermost(paths: Iterable<string>): string[] {
  const sorted = [...new Set(paths)].sort();
  const out: string[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && (last === '' || p === last || p.startsWith(`${last}/`))) continue;
    out.push(p);
  }
  return out;
}

function isHiddenPath(relPath: string): boolean {
  return relPath.split('/').some((part) => part.startsWith('.'));
}

/** What is on disk now at (or under) one changed path. */
function seenAt(folder: FolderRow, relPath: string): SeenFile[] {
  if (isHiddenPath(relPath)) return [];
  const absPath = relPath === '' ? folder.path : path.join(folder.path, ...relPath.split('/'));
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(absPath);
  } catch {
    return []; // gone
  }
  if (stat.isFile()) {
    const ext = extensionOf(relPath);
    if (!isIndexedExtension(ext, folder.kind)) return [];
    return [{ folder, relPath, absPath, ext, size: stat.size, mtimeMs: stat.mtimeMs, inode: stat.ino }];
  }
  if (!stat.isDirectory()) return [];
  const out: SeenFile[] = [];
  for (const entry of walkMediaFiles(folder.path, folder.kind, relPath)) {
    if (entry.type === 'file') out.push({ folder, ...entry });
  }
  return out;
}

/**
 * The paths to look at for a batch's changed paths: a new or edited poster, nfo or subtitle file stands
 * for its folder, whose media files it describes are read again (`sidecarDirs`).
 */
function pathsToCompare(paths: Iterable<string>): { targets: string[]; sidecarDirs: Set<string> } {
  const sidecarDirs = new Set<string>();
  const targets = [...paths].map((p) => {
    if (!isSidecarName(p.slice(p.lastIndexOf('/') + 1))) return p;
    const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    sidecarDirs.add(dir);
    return dir;
  });
  return { targets: outermost(targets), sidecarDirs };
}

/** Compares the disk with the index at a batch's changed paths only. */
export function compareWithIndex(db: WritableDB, changes: ChangeSet): DiskChanges {
  const out: DiskChanges = { seen: [], changed: [], gone: [], wentOffline: false };
  for (const [folderId, paths] of changes) {
    const folder = getFolderRow(db, folderId);
    if (!folder || !folder.online) continue;
    // Important: an unplugged drive looks like every file was deleted. Its items stay (offline), exactly
    // as a full scan treats it; the next scan brings the folder back.
    if (!isOnline(folder, db)) {
      setFolderOnline(db, folder.id, false);
      out.wentOffline = true;
      continue;
    }
    compareFolder(db, folder, paths, out);
  }
  return out;
}

function compareFolder(db: WritableDB, folder: FolderRow, paths: Iterable<string>, out: DiskChanges): void {
  const { targets, sidecarDirs } = pathsToCompare(paths);
  for (const relPath of targets) {
    const onDisk = seenAt(folder, relPath);
    const known = new Map(indexedUnder(db, folder.id, relPath).map((f) => [f.relPath, f]));
    for (const file of onDisk) {
      const before = known.get(file.relPath);
      known.delete(file.relPath);
      const same = before && before.size === file.size && before.mtimeMs === file.mtimeMs && (before.inode === null || before.inode === file.inode);
      if (same && !sidecarsChangedFor(sidecarDirs, file.relPath)) continue;
      if (before) out.changed.push(file);
      else out.seen.push(file);
    }
    for (const file of known.values()) out.gone.push({ ...file, folderId: folder.id });
  }
}
