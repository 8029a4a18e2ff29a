import type { Database } from 'better-sqlite3';

/**
 * Jumps into a grid (`library.page` with `at`, see `page-positions.ts`): the movies' sort indexes of
 * migration 007 also hold every column a movie listing filters on, so counting along a sort (to find the
 * item at a position) reads the index alone.
 *
 * - `(kind, sort key, id)` gains `extra_type` and `part_group` (is the item listed on its own), `watched`,
 *   `width` and `year` (the movie filters; a decade sorted by year is on `sort_year`, already the key).
 *   Without them every step of such a count read the item's row: at 100,000 movies, finding the middle one
 *   took 26–100 ms depending on the sort, and 5–6 ms with them. Only a movie in parts (`part_group` set)
 *   still reads its row, to tell whether it is the first part.
 * - They replace 007's indexes of the same names (same leading columns, so every page query and the
 *   recently added shelves seek them as before) rather than adding four more indexes to every item write.
 *
 * Checklist when a movie filter is added: its column here (in a new migration), `movieFilterSql` in
 * `page-queries.ts`, and `MovieFilters` in the contract.
 */
export function up(db: Database): void {
  const sorts = { title: 'sort_title', year: 'sort_year', duration: 'sort_duration', added: 'sort_added' };
  for (const [name, column] of Object.entries(sorts)) {
    db.exec(`
      DROP INDEX items_by_${name};
      CREATE INDEX items_by_${name} ON items(kind, ${column}, id, extra_type, part_group, watched, width, year);
    `);
  }
}
