import path from 'node:path';
import { ItemId } from '../../contract/index.js';
import type { ItemKind } from '../../contract/index.js';
import { prepared, type ReadableDB } from './db.js';
import type { MediaFacts } from '../../ports.js';
import { mediaFactsOf } from './item-rows.js';
import type { ItemRow, MediaFactsColumns } from './item-rows.js';

/** What playback needs to serve an item. Main-side only: `path` never crosses to the renderer. */
export interface ResolvedItem extends MediaFacts {
  id: string;
  kind: ItemKind;
  title: string;
  /** Absolute path: the folder's realpath joined with the indexed relative path (no symlinks are walked). */
  path: string;
  /** Realpath of the library folder the item belongs to; playback checks `path` stays inside it. */
  folderRoot: string;
  mime: string;
  /** A movie split over files: each part's absolute path in order (`path` is the first); null for one file. */
  parts: readonly string[] | null;
}

/** An item with what it needs to be named and found on disk (its folder's path joined in). */
type ResolveRow = MediaFactsColumns &
  Pick<ItemRow, 'id' | 'kind' | 'title' | 'rel_path' | 'mime' | 'folder_id' | 'part_group'> &
  Pick<ItemRow, 'show_title' | 'season' | 'episode' | 'episode_end' | 'episode_title'> & { folder_path: string };

const pad = (n: number | null): string => String(n ?? 0).padStart(2, '0');

function displayTitle(r: ResolveRow): string {
  if (r.kind !== 'episode') return r.title;
  const code = `S${pad(r.season)}E${pad(r.episode)}${r.episode_end !== null ? `-E${pad(r.episode_end)}` : ''}`;
  return [r.show_title, code, r.episode_title].filter((part) => part).join(' – ');
}

/**
 * Looks an item up in the index only (no file system access); null for an unknown id. A movie in parts
 * (migration 005) resolves to all its parts in order, its length their sum.
 */
export function resolveItem(db: ReadableDB, itemId: string): ResolvedItem | null {
  if (!ItemId.safeParse(itemId).success) return null;
  const row = prepared(
    db,
    `SELECT i.id, i.kind, i.title, i.show_title, i.season, i.episode, i.episode_end, i.episode_title, i.rel_path,
              i.mime, i.duration_sec, i.container, i.video_codec, i.audio_codec, i.width, i.height, f.path AS folder_path,
              i.folder_id, i.part_group
       FROM items i JOIN folders f ON f.id = i.folder_id WHERE i.id = ?`,
  ).get(itemId) as ResolveRow | undefined;
  if (!row) return null;
  const parts =
    row.part_group === null
      ? []
      : (prepared(db, 'SELECT rel_path, duration_sec FROM items WHERE folder_id = ? AND part_group = ? ORDER BY part, rel_path').all(row.folder_id, row.part_group) as Pick<ItemRow, 'rel_path' | 'duration_sec'>[]);
  const joined = parts.length > 1;
  const fileOf = (relPath: string): string => path.join(row.folder_path, ...relPath.split('/'));
  return {
    id: row.id,
    kind: row.kind,
    title: displayTitle(row),
    path: fileOf(joined ? parts[0]!.rel_path : row.rel_path),
    folderRoot: row.folder_path,
    mime: row.mime,
    ...mediaFactsOf(row),
    // An unknown part length makes the whole unknown (playback then refuses rather than cut it short).
    durationSec: joined ? parts.reduce<number | null>((sum, p) => (sum === null || p.duration_sec === null ? null : sum + p.duration_sec), 0) : row.duration_sec,
    parts: joined ? parts.map((p) => fileOf(p.rel_path)) : null,
  };
}
