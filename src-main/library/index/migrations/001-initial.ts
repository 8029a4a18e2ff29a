import type { Database } from 'better-sqlite3';

/**
 * The first schema. Checklist when changing the index: add a new numbered migration (never edit this
 * one), list it in `migrations/index.ts`, update `index-store.ts` and `snapshot.ts`, and add its test.
 *
 * Important: `items.rel_path` and `unparseable.rel_path` hold the name exactly as the file system returns
 * it (not NFC-normalized), because that is the only spelling that opens the file. Display text is normalized.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE folders (
      id           TEXT PRIMARY KEY,
      path         TEXT NOT NULL UNIQUE,           -- realpath when added
      kind         TEXT NOT NULL CHECK (kind IN ('movies', 'shows', 'music', 'mixed')),
      online       INTEGER NOT NULL DEFAULT 1,
      added_at     INTEGER NOT NULL,
      last_scan_at INTEGER
    ) STRICT;

    -- Shows and albums get ids of their own so they stay stable while their episodes and tracks change.
    CREATE TABLE shows (
      id        TEXT PRIMARY KEY,
      title_key TEXT NOT NULL UNIQUE,
      title     TEXT NOT NULL
    ) STRICT;

    CREATE TABLE albums (
      id         TEXT PRIMARY KEY,
      album_key  TEXT NOT NULL UNIQUE,               -- album artist key + NUL + album title key
      title      TEXT NOT NULL,
      artist     TEXT
    ) STRICT;

    CREATE TABLE items (
      id            TEXT PRIMARY KEY,
      folder_id     TEXT NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
      rel_path      TEXT NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN ('movie', 'episode', 'track')),
      title         TEXT NOT NULL,
      year          INTEGER,
      show_id       TEXT REFERENCES shows(id),
      show_title    TEXT,
      season        INTEGER,
      episode       INTEGER,
      episode_end   INTEGER,
      episode_title TEXT,
      album_id      TEXT REFERENCES albums(id),
      album         TEXT,
      album_artist  TEXT,
      artist        TEXT,
      track_no      INTEGER,
      disc_no       INTEGER,
      compilation   INTEGER NOT NULL DEFAULT 0,
      duration_sec  REAL,
      container     TEXT,
      video_codec   TEXT,
      audio_codec   TEXT,
      width         INTEGER,
      height        INTEGER,
      mime          TEXT NOT NULL,
      size          INTEGER NOT NULL,
      mtime_ms      REAL NOT NULL,
      scanned_at    INTEGER NOT NULL,
      UNIQUE (folder_id, rel_path)
    ) STRICT;
    CREATE INDEX items_show ON items(show_id) WHERE show_id IS NOT NULL;
    CREATE INDEX items_album ON items(album_id) WHERE album_id IS NOT NULL;

    CREATE TABLE unparseable (
      folder_id TEXT NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
      rel_path  TEXT NOT NULL,
      reason    TEXT NOT NULL,
      size      INTEGER NOT NULL,
      mtime_ms  REAL NOT NULL,
      transient INTEGER NOT NULL DEFAULT 0,         -- 1: retry on the next scan even if unchanged (timeouts)
      PRIMARY KEY (folder_id, rel_path)
    ) STRICT;
  `);
}
