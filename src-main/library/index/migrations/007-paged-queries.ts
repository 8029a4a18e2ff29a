import type { Database } from 'better-sqlite3';

/**
 * Issue 13, "nothing returns the whole library": sort keys and indexes for the paged queries of
 * `page-queries.ts` (keyset pagination, never OFFSET).
 *
 * - `added_at` on items, shows, albums and artists: when it entered the library (the clock of the scan that
 *   first indexed it). Items are stamped on insert by a trigger (from `scanned_at`), so every write path
 *   gets it; a show, album or artist takes the `added_at` of the first item that refers to it. Existing
 *   rows are filled from what is known: an item's `scanned_at`, a group's earliest item.
 * - `sort_*`: VIRTUAL generated columns (computed on read, stored only in the indexes below) that are never
 *   null, because SQLite uses a row-value range such as `(sort_year, id) > (?, ?)` on an index only over plain
 *   or generated columns, not over an expression or `COLLATE` written in the query, and a null would make the
 *   comparison null. Titles sort case-insensitively (NOCASE, ASCII folding); an unknown year, duration or
 *   date sorts as 0.
 * - Indexes: `(kind, sort key, id)` on items, so a movie page is one seek from the cursor whatever the sort
 *   (and the same serves episodes or tracks by date added); `(sort key, id)` on shows, albums and artists.
 *   The id ends each key so ties (same title, same year) have one order and pages never skip or repeat.
 *
 * Checklist when adding a sort: a generated column and an index here (in a new migration), its entry in
 * `page-queries.ts`, and its name in the contract's `LibraryPageRequest`.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE items ADD COLUMN added_at INTEGER;
    ALTER TABLE shows ADD COLUMN added_at INTEGER;
    ALTER TABLE albums ADD COLUMN added_at INTEGER;
    ALTER TABLE artists ADD COLUMN added_at INTEGER;

    UPDATE items SET added_at = scanned_at;
    UPDATE shows SET added_at = (SELECT min(added_at) FROM items WHERE show_id = shows.id);
    UPDATE albums SET added_at = (SELECT min(added_at) FROM items WHERE album_id = albums.id);
    UPDATE artists SET added_at = (SELECT min(added_at) FROM items WHERE artist_id = artists.id);

    CREATE TRIGGER items_added_ai AFTER INSERT ON items BEGIN
      UPDATE items SET added_at = new.scanned_at WHERE rowid = new.rowid AND added_at IS NULL;
      UPDATE shows SET added_at = coalesce(new.added_at, new.scanned_at) WHERE id = new.show_id AND added_at IS NULL;
      UPDATE albums SET added_at = coalesce(new.added_at, new.scanned_at) WHERE id = new.album_id AND added_at IS NULL;
      UPDATE artists SET added_at = coalesce(new.added_at, new.scanned_at) WHERE id = new.artist_id AND added_at IS NULL;
    END;
    -- A file moved or renamed into a show (or retagged into an album) may be the first of a new group.
    CREATE TRIGGER items_added_au AFTER UPDATE OF show_id, album_id, artist_id ON items BEGIN
      UPDATE shows SET added_at = coalesce(new.added_at, new.scanned_at) WHERE id = new.show_id AND added_at IS NULL;
      UPDATE albums SET added_at = coalesce(new.added_at, new.scanned_at) WHERE id = new.album_id AND added_at IS NULL;
      UPDATE artists SET added_at = coalesce(new.added_at, new.scanned_at) WHERE id = new.artist_id AND added_at IS NULL;
    END;

    ALTER TABLE items ADD COLUMN sort_title TEXT COLLATE NOCASE GENERATED ALWAYS AS (title) VIRTUAL;
    ALTER TABLE items ADD COLUMN sort_year INTEGER GENERATED ALWAYS AS (coalesce(year, 0)) VIRTUAL;
    ALTER TABLE items ADD COLUMN sort_duration REAL GENERATED ALWAYS AS (coalesce(duration_sec, 0)) VIRTUAL;
    ALTER TABLE items ADD COLUMN sort_added INTEGER GENERATED ALWAYS AS (coalesce(added_at, 0)) VIRTUAL;
    CREATE INDEX items_by_title ON items(kind, sort_title, id);
    CREATE INDEX items_by_year ON items(kind, sort_year, id);
    CREATE INDEX items_by_duration ON items(kind, sort_duration, id);
    CREATE INDEX items_by_added ON items(kind, sort_added, id);

    ALTER TABLE shows ADD COLUMN sort_title TEXT COLLATE NOCASE GENERATED ALWAYS AS (title) VIRTUAL;
    ALTER TABLE shows ADD COLUMN sort_added INTEGER GENERATED ALWAYS AS (coalesce(added_at, 0)) VIRTUAL;
    CREATE INDEX shows_by_title ON shows(sort_title, id);
    CREATE INDEX shows_by_added ON shows(sort_added, id);

    ALTER TABLE albums ADD COLUMN sort_title TEXT COLLATE NOCASE GENERATED ALWAYS AS (title) VIRTUAL;
    ALTER TABLE albums ADD COLUMN sort_added INTEGER GENERATED ALWAYS AS (coalesce(added_at, 0)) VIRTUAL;
    CREATE INDEX albums_by_title ON albums(sort_title, id);
    CREATE INDEX albums_by_added ON albums(sort_added, id);

    ALTER TABLE artists ADD COLUMN sort_title TEXT COLLATE NOCASE GENERATED ALWAYS AS (name) VIRTUAL;
    ALTER TABLE artists ADD COLUMN sort_added INTEGER GENERATED ALWAYS AS (coalesce(added_at, 0)) VIRTUAL;
    CREATE INDEX artists_by_title ON artists(sort_title, id);
    CREATE INDEX artists_by_added ON artists(sort_added, id);
  `);
}
