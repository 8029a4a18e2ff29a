import type { ReadableDB, WritableDB } from '../index/db.js';
import { isGroupSubfolder } from './sidecars.js';
import type { DirListing } from './sidecars.js';
import { isUnder } from '../scan/walk.js';

/**
 * What one scan of a folder learns about its sidecar files, against what the index remembered: the listing
 * of each folder that has sidecars (to locate a file's poster and nfo), and the folders whose sidecars
 * changed since the last scan, so a video beside a new `poster.jpg` is read again although it is unchanged.
 *
 * Important: an unchanged rescan of a library without sidecars must stay as cheap as before: `touches` is
 * one `size` check when nothing changed, and folders without sidecars are not stored at all.
 */
export class SidecarDirs {
  private readonly listings = new Map<string, DirListing>();
  private readonly seen = new Map<string, string>();
  private readonly changed = new Set<string>();

  private constructor(private readonly stored: Map<string, string>) {}

  /** The signatures the index holds for a folder's subfolders. */
  static load(db: ReadableDB, folderId: string): SidecarDirs {
    const rows = db.prepare('SELECT rel_dir, signature FROM sidecar_dirs WHERE folder_id = ?').raw(true).all(folderId) as [string, string][];
    return new SidecarDirs(new Map(rows));
  }

  /** Notes one folder's listing from the walk (before its files). */
  note(relDir: string, listing: DirListing, signature: string): void {
    if (listing.names.length > 0) this.listings.set(relDir, listing);
    if (signature !== '') this.seen.set(relDir, signature);
    if ((this.stored.get(relDir) ?? '') !== signature) this.changed.add(relDir);
  }

  /** The listing of a folder seen by this walk, or null when it has no sidecars. */
  readonly listing = (relDir: string): DirListing | null => this.listings.get(relDir) ?? null;

  /** Whether the sidecars of the file at `relPath` changed: its folder's, or its show or album folder's (one up). */
  touches(relPath: string): boolean {
    return this.changed.size > 0 && sidecarsChangedFor(this.changed, relPath);
  }

  /** Stores this walk's signatures; folders not seen are forgotten, except under folders that could not be listed. */
  save(db: WritableDB, folderId: string, unreadableDirs: readonly string[]): void {
    if (this.changed.size === 0 && this.seen.size === this.stored.size) return;
    const remove = db.prepare('DELETE FROM sidecar_dirs WHERE folder_id = ? AND rel_dir = ?');
    for (const relDir of this.stored.keys()) {
      if (this.seen.has(relDir) || unreadableDirs.some((dir) => relDir === dir || isUnder(relDir, dir))) continue;
      remove.run(folderId, relDir);
    }
    const upsert = db.prepare(
      'INSERT INTO sidecar_dirs (folder_id, rel_dir, signature) VALUES (?, ?, ?) ON CONFLICT (folder_id, rel_dir) DO UPDATE SET signature = excluded.signature',
    );
    for (const [relDir, signature] of this.seen) if (this.stored.get(relDir) !== signature) upsert.run(folderId, relDir, signature);
  }
}

/** Whether a change to the sidecars of the folders in `changedDirs` concerns the file at `relPath`. */
export function sidecarsChangedFor(changedDirs: ReadonlySet<string>, relPath: string): boolean {
  const slash = relPath.lastIndexOf('/');
  const dir = slash < 0 ? '' : relPath.slice(0, slash);
  if (changedDirs.has(dir)) return true;
  const up = dir.lastIndexOf('/');
  return up > 0 && isGroupSubfolder(dir.slice(up + 1)) && changedDirs.has(dir.slice(0, up));
}
