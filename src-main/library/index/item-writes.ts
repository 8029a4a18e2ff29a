import { prepared, type WritableDB } from './db.js';
import { newId } from './ids.js';
import type { ItemRecord } from './item-record.js';
import { titleKey } from '../names/name-text.js';
import { filesChanged } from './known-files.js';
import { applySalvagedState, takeSalvagedState } from './salvaged-state.js';

/**
 * Writes of items and what hangs off them (shows, albums, artists, subtitles, unparseable files). Callers
 * batch writes in `db.transaction`; nothing here commits on its own.
 */

/** Migration 005's columns of an item record. */
function placementColumns(item: ItemRecord) {
  return {
    extraType: item.extra?.type ?? null,
    extraOwner: item.extra?.owner ?? null,
    part: item.part?.number ?? null,
    partGroup: item.part?.group ?? null,
  };
}

const UNKNOWN_ALBUM = 'Unknown album';

/** The rows an item is grouped under, each found by a key column and created from the item's fields. */
const GROUP_TABLES = {
  shows: { keyColumn: 'title_key', columns: ['title'] },
  albums: { keyColumn: 'album_key', columns: ['title', 'artist'] },
  artists: { keyColumn: 'artist_key', columns: ['name'] },
} as const;

/** The id of the show, album or artist with `key`, created with `values` (its `columns`) when there is none. */
function ensureGroup(db: WritableDB, table: keyof typeof GROUP_TABLES, key: string, values: readonly (string | null)[]): string {
  const { keyColumn, columns } = GROUP_TABLES[table];
  const row = prepared(db, `SELECT id FROM ${table} WHERE ${keyColumn} = ?`).get(key) as { id: string } | undefined;
  if (row) return row.id;
  const id = newId();
  const placeholders = columns.map(() => '?').join(', ');
  prepared(db, `INSERT INTO ${table} (id, ${keyColumn}, ${columns.join(', ')}) VALUES (?, ?, ${placeholders})`).run(id, key, ...values);
  return id;
}

const ensureShow = (db: WritableDB, title: string): string => ensureGroup(db, 'shows', titleKey(title), [title]);
const ensureAlbum = (db: WritableDB, title: string, artist: string | null): string =>
  ensureGroup(db, 'albums', `${titleKey(artist ?? '')}\u0000${titleKey(title)}`, [title, artist]);
const ensureArtist = (db: WritableDB, name: string): string => ensureGroup(db, 'artists', titleKey(name), [name]);

/**
 * Inserts or updates the item at (folder, relPath), keeping its id when it already exists, and clears
 * any unparseable record for that path. Returns the item id.
 */
export function upsertItem(db: WritableDB, folderId: string, item: ItemRecord, now: number): string {
  filesChanged(db, folderId);
  const showId = item.kind === 'episode' && item.showTitle ? ensureShow(db, item.showTitle) : null;
  // A track with neither an album tag nor an album folder still belongs to an album, so it is never lost
  // from the snapshot: "Unknown album" per album artist.
  const albumId = item.kind === 'track' ? ensureAlbum(db, item.album ?? UNKNOWN_ALBUM, item.albumArtist) : null;
  const artistId = item.kind === 'track' && item.artist ? ensureArtist(db, item.artist) : null;
  const existing = prepared(db, 'SELECT id FROM items WHERE folder_id = ? AND rel_path = ?').get(folderId, item.relPath) as
    | { id: string }
    | undefined;
  // A file indexed again after the index was rebuilt gets back its old id and user state (index-recovery.ts).
  const salvaged = existing ? null : takeSalvagedState(db, folderId, item);
  const id = existing?.id ?? salvaged?.itemId ?? newId();
  prepared(db, 
    `INSERT INTO items (id, folder_id, rel_path, kind, title, year, show_id, show_title, season, episode, episode_end,
       episode_title, album_id, album, album_artist, artist, track_no, disc_no, compilation, duration_sec, container,
       video_codec, audio_codec, width, height, mime, size, mtime_ms, scanned_at, inode, sample_hash, artist_id,
       extra_type, extra_owner, part, part_group)
     VALUES (@id, @folderId, @relPath, @kind, @title, @year, @showId, @showTitle, @season, @episode, @episodeEnd,
       @episodeTitle, @albumId, @album, @albumArtist, @artist, @trackNo, @discNo, @compilation, @durationSec, @container,
       @videoCodec, @audioCodec, @width, @height, @mime, @size, @mtimeMs, @now, @inode, @sampleHash, @artistId,
       @extraType, @extraOwner, @part, @partGroup)
     ON CONFLICT (folder_id, rel_path) DO UPDATE SET
       kind = excluded.kind, title = excluded.title, year = excluded.year, show_id = excluded.show_id,
       show_title = excluded.show_title, season = excluded.season, episode = excluded.episode,
       episode_end = excluded.episode_end, episode_title = excluded.episode_title, album_id = excluded.album_id,
       album = excluded.album, album_artist = excluded.album_artist, artist = excluded.artist,
       track_no = excluded.track_no, disc_no = excluded.disc_no, compilation = excluded.compilation,
       duration_sec = excluded.duration_sec, container = excluded.container, video_codec = excluded.video_codec,
       audio_codec = excluded.audio_codec, width = excluded.width, height = excluded.height, mime = excluded.mime,
       size = excluded.size, mtime_ms = excluded.mtime_ms, scanned_at = excluded.scanned_at, inode = excluded.inode,
       sample_hash = excluded.sample_hash, artist_id = excluded.artist_id, extra_type = excluded.extra_type,
       extra_owner = excluded.extra_owner, part = excluded.part, part_group = excluded.part_group`,
  ).run({ ...item, id, folderId, showId, albumId, artistId, compilation: item.compilation ? 1 : 0, now, ...placementColumns(item) });
  if (salvaged) applySalvagedState(db, id, salvaged);
  prepared(db, 'DELETE FROM unparseable WHERE folder_id = ? AND rel_path = ?').run(folderId, item.relPath);
  writeLocalMetadata(db, id, showId, item);
  return id;
}

/** Migration 004's part of an upsert: plot, artwork, linked subtitles, and the show folder's metadata; 011's genres. */
function writeLocalMetadata(db: WritableDB, id: string, showId: string | null, item: ItemRecord): void {
  prepared(db, 'UPDATE items SET plot = ?, poster_art = ?, fanart_art = ? WHERE id = ?').run(item.plot ?? null, item.posterArt ?? null, item.fanartArt ?? null, id);
  prepared(db, 'DELETE FROM item_subtitles WHERE item_id = ?').run(id);
  for (const sub of item.subtitles ?? []) {
    prepared(db, 'INSERT OR IGNORE INTO item_subtitles (item_id, file_name, language, forced, format) VALUES (?, ?, ?, ?, ?)').run(
      id,
      sub.fileName,
      sub.language,
      sub.forced ? 1 : 0,
      sub.format,
    );
  }
  replaceGenres(db, id, item.genres ?? []);
  if (showId && item.show) {
    prepared(db, 'UPDATE shows SET plot = ?, poster_art = ?, fanart_art = ? WHERE id = ?').run(item.show.plot, item.show.posterArt, item.show.fanartArt, showId);
  }
}

/**
 * An item's genres (migration 012), replacing what an earlier read stored; the triggers keep the counts. An
 * unchanged list writes nothing, so a rescan does not churn the counts of every movie it reads again.
 */
function replaceGenres(db: WritableDB, id: string, genres: readonly string[]): void {
  const stored = prepared(db, 'SELECT genre FROM item_genres WHERE item_id = ? ORDER BY position').pluck().all(id) as string[];
  if (stored.length === genres.length && stored.every((genre, i) => genre === genres[i])) return;
  prepared(db, 'DELETE FROM item_genres WHERE item_id = ?').run(id);
  // OR IGNORE: the reader drops duplicates already, but the index, not the reader, decides what is one.
  genres.forEach((genre, position) => prepared(db, 'INSERT OR IGNORE INTO item_genres (item_id, genre, position) VALUES (?, ?, ?)').run(id, genre, position));
}

/** Records a file that could not be read; an indexed item at that path is removed (its file is now broken). */
export function recordUnparseable(
  db: WritableDB,
  folderId: string,
  file: { relPath: string; size: number; mtimeMs: number },
  reason: string,
  transient: boolean,
): void {
  filesChanged(db, folderId);
  handOverPartState(db, folderId, file.relPath);
  prepared(db, 'DELETE FROM items WHERE folder_id = ? AND rel_path = ?').run(folderId, file.relPath);
  prepared(db, 
    `INSERT INTO unparseable (folder_id, rel_path, reason, size, mtime_ms, transient) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (folder_id, rel_path) DO UPDATE SET reason = excluded.reason, size = excluded.size,
       mtime_ms = excluded.mtime_ms, transient = excluded.transient`,
  ).run(folderId, file.relPath, reason, file.size, file.mtimeMs, transient ? 1 : 0);
}

/** Forgets a path entirely (the file is gone or is now ignored). Returns whether an item was removed. */
export function forgetPath(db: WritableDB, folderId: string, relPath: string): boolean {
  filesChanged(db, folderId);
  handOverPartState(db, folderId, relPath);
  const removed = prepared(db, 'DELETE FROM items WHERE folder_id = ? AND rel_path = ?').run(folderId, relPath).changes > 0;
  prepared(db, 'DELETE FROM unparseable WHERE folder_id = ? AND rel_path = ?').run(folderId, relPath);
  return removed;
}

/**
 * A movie in parts keeps its watched mark and resume point on its first part's row, the one the library
 * lists (migration 005). When that part goes, they move to the part that now comes first, so the movie
 * keeps them: the resume point less the gone part's length, since the movie now starts where it ended.
 */
function handOverPartState(db: WritableDB, folderId: string, relPath: string): void {
  const gone = prepared(db, 'SELECT id, part_group, watched, resume_sec, state_at, duration_sec FROM items WHERE folder_id = ? AND rel_path = ?').get(folderId, relPath) as
    | { id: string; part_group: string | null; watched: number; resume_sec: number | null; state_at: number | null; duration_sec: number | null }
    | undefined;
  if (!gone?.part_group || (gone.watched === 0 && gone.resume_sec === null)) return;
  const [lead, next] = prepared(db, 'SELECT id FROM items WHERE folder_id = ? AND part_group = ? ORDER BY part, rel_path LIMIT 2').all(folderId, gone.part_group) as { id: string }[];
  if (lead?.id !== gone.id || !next) return;
  const resume = gone.resume_sec === null || gone.duration_sec === null ? null : gone.resume_sec - gone.duration_sec;
  prepared(db, 'UPDATE items SET watched = max(watched, ?), resume_sec = ?, state_at = ? WHERE id = ?').run(gone.watched, resume !== null && resume > 0 ? resume : null, gone.state_at, next.id);
}

/** Drops shows, albums and artists no item refers to any more. */
export function pruneOrphanGroups(db: WritableDB): void {
  prepared(db, 'DELETE FROM shows WHERE id NOT IN (SELECT show_id FROM items WHERE show_id IS NOT NULL)').run();
  prepared(db, 'DELETE FROM albums WHERE id NOT IN (SELECT album_id FROM items WHERE album_id IS NOT NULL)').run();
  prepared(db, 'DELETE FROM artists WHERE id NOT IN (SELECT artist_id FROM items WHERE artist_id IS NOT NULL)').run();
}

/** What a file's new name says, for `moveItem`: movies and episodes take their fields from the name. */
export type NameFields =
  | { kind: 'movie'; title: string; year: number | null; part?: { number: number; group: string } | null }
  | { kind: 'episode'; showTitle: string; season: number; episode: number; episodeEnd: number | null; episodeTitle: string | null }
  | { kind: 'track' };

/**
 * Moves an item to a new path (same or another folder), keeping its id and everything known about it
 * (media facts, tags, watched state, resume position). A movie or episode takes its name-derived fields
 * from the new name: a file renamed from S01E02 to S01E03 is now episode 3. Returns false, changing
 * nothing, if another item already holds the target path.
 */
export function moveItem(
  db: WritableDB,
  itemId: string,
  target: { folderId: string; relPath: string; mtimeMs: number; inode: number | null },
  name: NameFields,
): boolean {
  filesChanged(db, null); // the source folder is not known here: forget them all
  const taken = prepared(db, 'SELECT id FROM items WHERE folder_id = ? AND rel_path = ?').get(target.folderId, target.relPath) as { id: string } | undefined;
  if (taken && taken.id !== itemId) return false;
  prepared(db, 'DELETE FROM unparseable WHERE folder_id = ? AND rel_path = ?').run(target.folderId, target.relPath);
  prepared(db, 'UPDATE items SET folder_id = ?, rel_path = ?, mtime_ms = ?, inode = ? WHERE id = ?').run(
    target.folderId,
    target.relPath,
    target.mtimeMs,
    target.inode,
    itemId,
  );
  if (name.kind === 'movie') {
    prepared(
      db,
      `UPDATE items SET kind = 'movie', title = ?, year = ?, show_id = NULL, show_title = NULL, season = NULL, episode = NULL,
         episode_end = NULL, episode_title = NULL WHERE id = ?`,
    ).run(name.title, name.year, itemId);
    // Migration 005: the new name decides whether it is one part of a movie, and it is no longer an extra.
    prepared(db, 'UPDATE items SET part = ?, part_group = ?, extra_type = NULL, extra_owner = NULL WHERE id = ?').run(name.part?.number ?? null, name.part?.group ?? null, itemId);
  } else if (name.kind === 'episode') {
    prepared(
      db,
      `UPDATE items SET kind = 'episode', title = ?, year = NULL, show_id = ?, show_title = ?, season = ?, episode = ?,
         episode_end = ?, episode_title = ? WHERE id = ?`,
    ).run(name.episodeTitle ?? name.showTitle, ensureShow(db, name.showTitle), name.showTitle, name.season, name.episode, name.episodeEnd, name.episodeTitle, itemId);
  }
  return true;
}
