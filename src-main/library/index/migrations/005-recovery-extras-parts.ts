import type { Database } from 'better-sqlite3';

/**
 * Issue 6: a damaged index rebuilt with its user state, extras as items, and movies split over files.
 *
 * - `salvaged_state`: user state read from a quarantined (damaged) index, keyed by the folder's path and
 *   the file's relative path (the id, watched, resume position and when it changed). `upsertItem` consumes a
 *   row when the rescan indexes that file again (or, failing the path, a file of the same size and sampled
 *   hash), so the rebuilt item keeps its id and state. `applied` counts what was carried over for the notice.
 * - `items.extra_type`: set for a trailer, featurette, etc. (see `names.ts`); such an item is not a movie of
 *   its own and is listed under its owner, which the snapshot finds from `extra_owner` (the title the path
 *   names) and the extra's folder.
 * - `items.part` and `items.part_group`: one file of a movie split over several (`cd1`, `part2`). Each part
 *   stays a row of its own (the scanner and watcher keep working per file); parts with the same
 *   `part_group` (folder-relative movie folder, title key and year) are one movie, addressed by the id of its
 *   lowest part, which also holds the user state.
 * - Search lists neither extras nor the parts after the first.
 * - Movies indexed before this migration whose path may name a part are made to look changed (`mtime_ms` -1),
 *   so the next scan reads them again and groups them: an unchanged rescan never parses names.
 *
 * Checklist when changing search triggers again: drop and recreate `items_search_ai`, rebuild the documents.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE items ADD COLUMN extra_type TEXT CHECK (extra_type IN
      ('extra', 'trailer', 'featurette', 'behind the scenes', 'deleted scene', 'interview', 'scene', 'short'));
    ALTER TABLE items ADD COLUMN extra_owner TEXT;
    ALTER TABLE items ADD COLUMN part INTEGER CHECK (part > 0);
    ALTER TABLE items ADD COLUMN part_group TEXT CHECK ((part IS NULL) = (part_group IS NULL));
    CREATE INDEX items_part_group ON items(folder_id, part_group) WHERE part_group IS NOT NULL;
    CREATE INDEX items_extras ON items(extra_type) WHERE extra_type IS NOT NULL;

    CREATE TABLE salvaged_state (
      folder_path TEXT NOT NULL,
      rel_path    TEXT NOT NULL,
      size        INTEGER,
      sample_hash TEXT,
      item_id     TEXT NOT NULL,
      watched     INTEGER NOT NULL DEFAULT 0,
      resume_sec  REAL,
      state_at    INTEGER,
      applied     INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (folder_path, rel_path)
    ) STRICT;
    CREATE INDEX salvaged_state_hash ON salvaged_state(size, sample_hash) WHERE sample_hash IS NOT NULL;

    DROP TRIGGER items_search_ai;
    CREATE TRIGGER items_search_ai AFTER INSERT ON items WHEN new.extra_type IS NULL AND coalesce(new.part, 1) = 1 BEGIN
      INSERT INTO search_docs (kind, ref, title, title_key, context, subtitle, playable)
      VALUES (new.kind, new.id,
        CASE new.kind WHEN 'episode' THEN coalesce(new.episode_title, printf('S%02dE%02d', new.season, new.episode)) ELSE new.title END,
        lower(CASE new.kind WHEN 'episode' THEN coalesce(new.episode_title, printf('S%02dE%02d', new.season, new.episode)) ELSE new.title END),
        CASE new.kind WHEN 'episode' THEN new.show_title
          WHEN 'track' THEN nullif(trim(coalesce(new.artist, '') || ' ' || coalesce(new.album, '')), '')
          ELSE CAST(new.year AS TEXT) END,
        CASE new.kind WHEN 'episode' THEN new.show_title || ' · ' || printf('S%02dE%02d', new.season, new.episode)
          WHEN 'track' THEN coalesce(new.album, new.artist)
          ELSE CAST(new.year AS TEXT) END,
        new.id);
    END;
  `);

  // Kept inline (a shipped migration must not change with movie-names.ts): a loose match on purpose, since a
  // false positive only costs one re-read.
  const maybePart = /(?:cd|dvd|dis[ck]|part|pt)[\s._-]?\d{1,2}(?:[/.]|$)/i;
  const touch = db.prepare('UPDATE items SET mtime_ms = -1 WHERE rowid = ?');
  const movies = db.prepare("SELECT rowid AS r, rel_path AS p FROM items WHERE kind = 'movie'").all() as { r: number; p: string }[];
  for (const row of movies) if (maybePart.test(row.p)) touch.run(row.r);
}
