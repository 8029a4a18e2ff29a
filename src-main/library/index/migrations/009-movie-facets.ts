import type { Database } from 'better-sqlite3';

/**
 * `library.counts` from kept counts: `movie_facets` holds how many movies (extras aside) there are per
 * decade, watched mark and width, kept by triggers on `items`, so the counts are a few hundred rows summed
 * rather than a pass over every movie (170 ms at 61,000 movies, on the thread that answers the window).
 *
 * - `decade` is `coalesce(year, 0) / 10 * 10`, the decade filter's own arithmetic (0: no year).
 * - `width` is the raw width (-1 unknown), so the resolution classes stay in code (`RESOLUTION_WIDTHS`) and
 *   can change without a migration; real libraries hold a few dozen distinct widths.
 * - The later parts of a movie in parts are counted here too: they are few, and `libraryCounts` takes them
 *   off with one search of `items_part_group`.
 * - A row whose count reaches 0 stays: the keys are bounded by decades × 2 × widths.
 */
export function up(db: Database): void {
  const decade = (row: 'new' | 'old') => `coalesce(${row}.year, 0) / 10 * 10`;
  const width = (row: 'new' | 'old') => `coalesce(${row}.width, -1)`;
  const counted = (row: 'new' | 'old') => `${row}.kind = 'movie' AND ${row}.extra_type IS NULL`;
  const add = `INSERT INTO movie_facets (decade, watched, width, n) SELECT ${decade('new')}, new.watched, ${width('new')}, 1 WHERE ${counted('new')}
      ON CONFLICT (decade, watched, width) DO UPDATE SET n = n + 1;`;
  const remove = `UPDATE movie_facets SET n = n - 1 WHERE ${counted('old')} AND decade = ${decade('old')} AND watched = old.watched AND width = ${width('old')};`;
  db.exec(`
    CREATE TABLE movie_facets (
      decade  INTEGER NOT NULL,
      watched INTEGER NOT NULL,
      width   INTEGER NOT NULL,
      n       INTEGER NOT NULL,
      PRIMARY KEY (decade, watched, width)
    ) WITHOUT ROWID;
    INSERT INTO movie_facets (decade, watched, width, n)
      SELECT coalesce(year, 0) / 10 * 10, watched, coalesce(width, -1), count(*) FROM items WHERE kind = 'movie' AND extra_type IS NULL GROUP BY 1, 2, 3;
    CREATE TRIGGER movie_facets_ai AFTER INSERT ON items WHEN ${counted('new')} BEGIN
      ${add}
    END;
    CREATE TRIGGER movie_facets_ad AFTER DELETE ON items WHEN ${counted('old')} BEGIN
      ${remove}
    END;
    CREATE TRIGGER movie_facets_au AFTER UPDATE OF kind, extra_type, year, watched, width ON items
      WHEN (${counted('old')}) OR (${counted('new')}) BEGIN
      ${remove}
      ${add}
    END;
  `);
}
