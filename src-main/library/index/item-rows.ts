import type { ExtraType, ItemKind } from '../../contract/index.js';
import { prepared, type ReadableDB } from './db.js';
import type { MediaFacts } from '../../ports.js';

/**
 * An items row as SQLite returns it (columns of migrations 001–005). A query selects only what it needs
 * and types its rows as `Pick<ItemRow, …>` of the columns it selected.
 */
export interface ItemRow {
  id: string;
  folder_id: string;
  rel_path: string;
  kind: ItemKind;
  title: string;
  year: number | null;
  show_id: string | null;
  show_title: string | null;
  season: number | null;
  episode: number | null;
  episode_end: number | null;
  episode_title: string | null;
  album_id: string | null;
  artist: string | null;
  track_no: number | null;
  disc_no: number | null;
  mime: string;
  duration_sec: number | null;
  container: string | null;
  video_codec: string | null;
  audio_codec: string | null;
  width: number | null;
  height: number | null;
  /** 0 or 1. */
  watched: number;
  resume_sec: number | null;
  plot: string | null;
  poster_art: string | null;
  fanart_art: string | null;
  extra_type: ExtraType | null;
  extra_owner: string | null;
  part_group: string | null;
}

/** The media-facts columns of a row. */
export type MediaFactsColumns = Pick<ItemRow, 'duration_sec' | 'container' | 'video_codec' | 'audio_codec' | 'width' | 'height'>;

/** A row's media facts, as the library speaks of them. */
export function mediaFactsOf(row: MediaFactsColumns): MediaFacts {
  return {
    durationSec: row.duration_sec,
    container: row.container,
    videoCodec: row.video_codec,
    audioCodec: row.audio_codec,
    width: row.width,
    height: row.height,
  };
}

/** An indexed file under a path, as the watcher compares it with the disk. */
export interface IndexedFile {
  itemId: string | null;
  relPath: string;
  size: number;
  mtimeMs: number;
  inode: number | null;
  sampleHash: string | null;
  kind: ItemKind | null;
}

/** Items and unparseable files of a folder at `relPath` or anywhere under it ('' is the whole folder). */
export function indexedUnder(db: ReadableDB, folderId: string, relPath: string): IndexedFile[] {
  // '/' is 0x2F and '0' is 0x30, so [p + '/', p + '0') is exactly the paths under p, using the unique index.
  const lo = relPath === '' ? '' : `${relPath}/`;
  const hi = relPath === '' ? '\u{10FFFF}' : `${relPath}0`;
  const items = prepared(
    db,
    `SELECT id AS itemId, rel_path AS relPath, size, mtime_ms AS mtimeMs, inode, sample_hash AS sampleHash, kind FROM items
     WHERE folder_id = ? AND (rel_path = ? OR (rel_path >= ? AND rel_path < ?))`,
  ).all(folderId, relPath, lo, hi) as IndexedFile[];
  const failed = prepared(
    db,
    `SELECT NULL AS itemId, rel_path AS relPath, size, mtime_ms AS mtimeMs, NULL AS inode, NULL AS sampleHash, NULL AS kind FROM unparseable
     WHERE folder_id = ? AND (rel_path = ? OR (rel_path >= ? AND rel_path < ?))`,
  ).all(folderId, relPath, lo, hi) as IndexedFile[];
  return [...items, ...failed];
}
