import type { Database } from 'better-sqlite3';

/**
 * Issue 13: an episode without a title is found as "S01E01" (its code stands in for the title), and its
 * search subtitle said the code again ("Harbour Lights · S01E01"). The subtitle of an untitled episode is
 * now its show alone; a titled one keeps "Show · S01E02", as the code is not in its title.
 *
 * - `items_search_ai` and `items_search_au` are recreated with that subtitle (the insert keeps 005's rule
 *   that extras and the parts after the first are not searchable).
 * - Existing documents of untitled episodes get the new subtitle. The subtitle is display only (not in
 *   `search_fts` or `search_trigrams`), so neither full-text index needs a rebuild.
 *
 * Checklist when changing search triggers again: drop and recreate both triggers, fix existing documents.
 */
const EPISODE_CODE = (row: string) => `printf('S%02dE%02d', ${row}.season, ${row}.episode)`;
const title = (row: string) => `CASE ${row}.kind WHEN 'episode' THEN coalesce(${row}.episode_title, ${EPISODE_CODE(row)}) ELSE ${row}.title END`;
const context = (row: string) =>
  `CASE ${row}.kind WHEN 'episode' THEN ${row}.show_title
     WHEN 'track' THEN nullif(trim(coalesce(${row}.artist, '') || ' ' || coalesce(${row}.album, '')), '')
     ELSE CAST(${row}.year AS TEXT) END`;
const subtitle = (row: string) =>
  `CASE WHEN ${row}.kind = 'episode' AND ${row}.episode_title IS NULL THEN ${row}.show_title
     WHEN ${row}.kind = 'episode' THEN ${row}.show_title || ' · ' || ${EPISODE_CODE(row)}
     WHEN ${row}.kind = 'track' THEN coalesce(${row}.album, ${row}.artist)
     ELSE CAST(${row}.year AS TEXT) END`;

export function up(db: Database): void {
  db.exec(`
    DROP TRIGGER items_search_ai;
    CREATE TRIGGER items_search_ai AFTER INSERT ON items WHEN new.extra_type IS NULL AND coalesce(new.part, 1) = 1 BEGIN
      INSERT INTO search_docs (kind, ref, title, title_key, context, subtitle, playable)
      VALUES (new.kind, new.id, ${title('new')}, lower(${title('new')}), ${context('new')}, ${subtitle('new')}, new.id);
    END;
    DROP TRIGGER items_search_au;
    CREATE TRIGGER items_search_au AFTER UPDATE OF kind, title, year, show_title, season, episode, episode_title, artist, album ON items BEGIN
      UPDATE search_docs SET kind = new.kind, title = ${title('new')}, title_key = lower(${title('new')}), context = ${context('new')},
        subtitle = ${subtitle('new')} WHERE ref = new.id;
    END;
    UPDATE search_docs SET subtitle = (SELECT i.show_title FROM items i WHERE i.id = search_docs.ref)
      WHERE kind = 'episode' AND ref IN (SELECT id FROM items WHERE kind = 'episode' AND episode_title IS NULL);
  `);
}
