import type { Database } from 'better-sqlite3';

/**
 * Genres, where a movie's `.nfo` gives them (`<genre>`), for the Movies screen's genre filter.
 *
 * - `item_genres (item_id, genre, position)`: an item's genres as its nfo spells and orders them (the first
 *   is usually the main one), compared case-insensitively (NOCASE: "Drama" and "drama" are one genre, in
 *   the filter as in the counts). `upsertItem` replaces an item's rows when it writes the item; a removed
 *   item loses them (the delete trigger below, and the foreign key's cascade besides).
 * - `item_genres_by_genre (genre, item_id)`: a genre's movies, for a page that drives from the genre.
 * - `genre_counts (genre, n)`: how many movies (extras aside) have each genre, kept by triggers, so
 *   `library.counts` reads the most common genres through `genre_counts_by_n` instead of grouping every row.
 *   As with `movie_facets` (009), the later parts of a movie in parts are counted here and taken off by
 *   `libraryCounts`. A genre whose count reaches 0 is deleted: unlike decades, genres are free text and
 *   would otherwise pile up.
 * - The signatures of movie folders' sidecars (`sidecar_dirs`, 004) are forgotten, so the next scan reads
 *   each movie beside a sidecar again and its nfo's genres arrive; the files are unchanged, and so is what
 *   the index keeps about them (ids, watched marks, resume points).
 *
 * Important: a genre row counts when its item is a movie and not an extra *at the time* the row comes or
 * goes; a change of kind or extra moves all the item's genres in or out of the counts at once. The items
 * delete trigger is BEFORE, so the item is still there when its genres go: a foreign key's cascade deletes
 * the children after the parent, when the genre trigger could no longer tell whether they counted.
 *
 * Checklist when changing what counts: `movie_facets` (009), `LISTED_MOVIE` and `libraryCounts`.
 */
export function up(db: Database): void {
  const counted = (row: string) => `${row}.kind = 'movie' AND ${row}.extra_type IS NULL`;
  const itemCounted = (id: string) => `EXISTS (SELECT 1 FROM items i WHERE i.id = ${id} AND ${counted('i')})`;
  const add = (genres: string) => `INSERT INTO genre_counts (genre, n) ${genres} ON CONFLICT (genre) DO UPDATE SET n = n + 1;`;
  const remove = (genres: string) => `UPDATE genre_counts SET n = n - 1 WHERE genre IN (${genres});
      DELETE FROM genre_counts WHERE n <= 0 AND genre IN (${genres});`;
  db.exec(`
    CREATE TABLE item_genres (
      item_id  TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      genre    TEXT NOT NULL COLLATE NOCASE,
      position INTEGER NOT NULL,
      PRIMARY KEY (item_id, genre)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX item_genres_by_genre ON item_genres (genre, item_id);

    CREATE TABLE genre_counts (
      genre TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
      n     INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX genre_counts_by_n ON genre_counts (n, genre);

    CREATE TRIGGER item_genres_ai AFTER INSERT ON item_genres WHEN ${itemCounted('new.item_id')} BEGIN
      ${add('SELECT new.genre, 1 WHERE true')}
    END;
    CREATE TRIGGER item_genres_ad AFTER DELETE ON item_genres WHEN ${itemCounted('old.item_id')} BEGIN
      ${remove('old.genre')}
    END;
    CREATE TRIGGER item_genres_items_bd BEFORE DELETE ON items BEGIN
      DELETE FROM item_genres WHERE item_id = old.id;
    END;
    CREATE TRIGGER item_genres_items_au AFTER UPDATE OF kind, extra_type ON items
      WHEN (${counted('old')}) IS NOT (${counted('new')}) BEGIN
      ${remove(`SELECT genre FROM item_genres WHERE item_id = old.id AND ${counted('old')}`)}
      ${add(`SELECT genre, 1 FROM item_genres WHERE item_id = new.id AND ${counted('new')}`)}
    END;

    -- Movies indexed before this release are read again by the next scan, so their nfo's genres arrive.
    DELETE FROM sidecar_dirs WHERE folder_id IN (SELECT id FROM folders WHERE kind IN ('movies', 'mixed'));
  `);
}
