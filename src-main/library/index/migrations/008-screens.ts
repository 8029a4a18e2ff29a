import type { Database } from 'better-sqlite3';

/**
 * Issue 13, the screens: what Home, the library's status and the list of unreadable files ask for, each
 * answered from an index or a kept count instead of a walk of every item.
 *
 * - `folders.item_count`: how many items each folder holds, kept by triggers on `items` (insert, delete,
 *   move between folders), because counting 100,000 items per status call took ~16 ms. Filled from the
 *   items on migration. A folder's delete cascades to its items, whose triggers then update no row.
 * - `shows.played_at`: when an episode of the show last had its watched mark or resume point changed
 *   (`items.state_at`), kept by triggers, so "Up next" walks shows most recently played first through
 *   `shows_by_played` without grouping every episode. It only grows; an episode moved into a show brings
 *   its time along.
 * - `items_show_order (show_id, season, episode)`: an episode's next one (a detail's `next`) is one seek. It
 *   serves every lookup by show, so `items_show` goes. Up next asks three things of each show played lately,
 *   each one seek in a small partial index: the episode watched last (`items_show_watched`, by `state_at`),
 *   the first unwatched one after it (`items_show_unwatched`), and whether any has a resume point
 *   (`items_show_resume`); walking the show's episodes instead cost ~0.4 ms a show.
 * - `unparseable_by_folder (folder_id)`: unreadable files of one folder a page at a time, by rowid.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE folders ADD COLUMN item_count INTEGER NOT NULL DEFAULT 0;
    UPDATE folders SET item_count = (SELECT count(*) FROM items WHERE folder_id = folders.id);
    CREATE TRIGGER items_count_ai AFTER INSERT ON items BEGIN
      UPDATE folders SET item_count = item_count + 1 WHERE id = new.folder_id;
    END;
    CREATE TRIGGER items_count_ad AFTER DELETE ON items BEGIN
      UPDATE folders SET item_count = item_count - 1 WHERE id = old.folder_id;
    END;
    CREATE TRIGGER items_count_au AFTER UPDATE OF folder_id ON items WHEN new.folder_id IS NOT old.folder_id BEGIN
      UPDATE folders SET item_count = item_count - 1 WHERE id = old.folder_id;
      UPDATE folders SET item_count = item_count + 1 WHERE id = new.folder_id;
    END;

    ALTER TABLE shows ADD COLUMN played_at INTEGER;
    UPDATE shows SET played_at = (SELECT max(state_at) FROM items WHERE show_id = shows.id);
    CREATE TRIGGER items_played_ai AFTER INSERT ON items WHEN new.show_id IS NOT NULL AND new.state_at IS NOT NULL BEGIN
      UPDATE shows SET played_at = new.state_at WHERE id = new.show_id AND coalesce(played_at, 0) < new.state_at;
    END;
    CREATE TRIGGER items_played_au AFTER UPDATE OF state_at, show_id ON items WHEN new.show_id IS NOT NULL AND new.state_at IS NOT NULL BEGIN
      UPDATE shows SET played_at = new.state_at WHERE id = new.show_id AND coalesce(played_at, 0) < new.state_at;
    END;
    CREATE INDEX shows_by_played ON shows(played_at, id) WHERE played_at IS NOT NULL;

    DROP INDEX items_show;
    CREATE INDEX items_show_order ON items(show_id, season, episode) WHERE show_id IS NOT NULL;
    CREATE INDEX items_show_unwatched ON items(show_id, season, episode) WHERE show_id IS NOT NULL AND watched = 0;
    CREATE INDEX items_show_watched ON items(show_id, state_at, season, episode) WHERE show_id IS NOT NULL AND watched = 1;
    CREATE INDEX items_show_resume ON items(show_id) WHERE show_id IS NOT NULL AND resume_sec IS NOT NULL;

    CREATE INDEX unparseable_by_folder ON unparseable(folder_id);
  `);
}
