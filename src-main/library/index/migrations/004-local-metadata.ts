import type { Database } from 'better-sqlite3';

/**
 * Local metadata (issue 6, "Metadata stays local"): what `.nfo` sidecars, local artwork and embedded cover
 * art say, and the external subtitles beside each video. Nothing here is ever fetched from a network.
 *
 * - `items.plot`: from the video's `.nfo` (`<plot>`), text only.
 * - `items.poster_art`, `items.fanart_art`: artwork ids (the SHA-256 of the image bytes, see
 *   `artwork-cache.ts`) of the item's poster and backdrop; for a track, its cover (the folder's `cover.jpg`
 *   or the picture embedded in its tags). An album's cover is its tracks' cover: derived, not stored twice.
 * - `shows.plot`, `shows.poster_art`, `shows.fanart_art`: from the show folder (`tvshow.nfo`, `poster.jpg`).
 * - `item_subtitles`: external subtitle files linked to their video by base name, with the language code,
 *   forced flag and format the name declares. Only the base name is stored: the file sits beside the video.
 * - `sidecar_dirs`: per folder, a signature of the sidecar files (name, size, mtime) the walk saw in it, so an
 *   incremental rescan notices a new `poster.jpg` or edited `.nfo` next to a video that did not change.
 *
 * Checklist when changing artwork: `artwork-cache.ts` sweeps files no row here refers to; keep its list of
 * referencing columns in step.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE items ADD COLUMN plot TEXT;
    ALTER TABLE items ADD COLUMN poster_art TEXT;
    ALTER TABLE items ADD COLUMN fanart_art TEXT;
    ALTER TABLE shows ADD COLUMN plot TEXT;
    ALTER TABLE shows ADD COLUMN poster_art TEXT;
    ALTER TABLE shows ADD COLUMN fanart_art TEXT;

    CREATE TABLE item_subtitles (
      item_id   TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      file_name TEXT NOT NULL,                      -- on-disk spelling, in the video's own folder
      language  TEXT,                               -- lower-case code from the name (en, fr, pt-br), or null
      forced    INTEGER NOT NULL DEFAULT 0,
      format    TEXT NOT NULL CHECK (format IN ('srt', 'vtt', 'ass')),
      PRIMARY KEY (item_id, file_name)
    ) STRICT;

    CREATE TABLE sidecar_dirs (
      folder_id TEXT NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
      rel_dir   TEXT NOT NULL,                      -- '' is the folder's root
      signature TEXT NOT NULL,
      PRIMARY KEY (folder_id, rel_dir)
    ) STRICT;
  `);
}
