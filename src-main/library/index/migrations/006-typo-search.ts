import type { Database } from 'better-sqlite3';

/**
 * Issue 13: typo-tolerant search ("nigth" finds "Night Train").
 *
 * - `search_trigrams`: an external-content FTS5 table over `search_docs.title` with the `trigram`
 *   tokenizer (SQLite ≥ 3.34; `remove_diacritics` ≥ 3.45), so search can gather, from the index alone,
 *   the titles that share three-letter runs with a mistyped word (see `search.ts`, pass 4).
 *   `detail = 'none'`: search only asks which titles hold a trigram, never where, and dropping positions
 *   makes the index about a third of the size (2.2 MB instead of 6 MB at 100,000 titles, measured).
 * - Kept in step with `search_docs` by triggers, as `search_fts` is (migration 002), so every write path
 *   that reaches `search_docs` (item, show, album and artist triggers, cascades) updates it in the same
 *   transaction.
 * - Existing indexes: the table is filled from the `search_docs` rows already there.
 *
 * Checklist when changing what is searchable: `search_docs` triggers in a new migration, and rebuild both
 * `search_fts` and `search_trigrams` (`INSERT INTO t(t) VALUES ('rebuild')`).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE search_trigrams USING fts5(
      title,
      content = 'search_docs', content_rowid = 'doc',
      tokenize = "trigram remove_diacritics 1",
      detail = 'none'
    );

    CREATE TRIGGER search_docs_trigrams_ai AFTER INSERT ON search_docs BEGIN
      INSERT INTO search_trigrams (rowid, title) VALUES (new.doc, new.title);
    END;
    CREATE TRIGGER search_docs_trigrams_ad AFTER DELETE ON search_docs BEGIN
      INSERT INTO search_trigrams (search_trigrams, rowid, title) VALUES ('delete', old.doc, old.title);
    END;
    CREATE TRIGGER search_docs_trigrams_au AFTER UPDATE OF title ON search_docs BEGIN
      INSERT INTO search_trigrams (search_trigrams, rowid, title) VALUES ('delete', old.doc, old.title);
      INSERT INTO search_trigrams (rowid, title) VALUES (new.doc, new.title);
    END;

    INSERT INTO search_trigrams (search_trigrams) VALUES ('rebuild');
  `);
}
